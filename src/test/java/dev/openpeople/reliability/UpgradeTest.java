// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.OpenPeopleServer;
import dev.openpeople.server.Json;
import dev.openpeople.token.ListToken;
import dev.openpeople.token.TokenSigner;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Upgrade: a database written by the previous release ({@link UpgradeFixture}, made by {@link
 * UpgradeFixtureGenerator}) is loaded at that release's schema version, then the current build
 * starts on it and migrates it. Everything the old release answered must be answered again:
 * listings with their etags, every contact, photos byte for byte, the profile, the GData feed; and
 * its sync tokens still work (re-dated to now, as tokens expire after 7 days: their user, method,
 * parameters and sequence are the release's), reporting nothing until a new write, then exactly it.
 */
class UpgradeTest {
  /** The People lists a client syncs, with their fixed parameters and their item key. */
  enum Listing {
    CONNECTIONS(
        "/v1/people/me/connections?personFields=names,memberships&requestSyncToken=true",
        "connections",
        "people.people.connections.list"),
    OTHER_CONTACTS(
        "/v1/otherContacts?readMask=names,emailAddresses&requestSyncToken=true",
        "otherContacts",
        "people.otherContacts.list"),
    GROUPS(
        "/v1/contactGroups?groupFields=name,memberCount",
        "contactGroups",
        "people.contactGroups.list");

    final String path;
    final String items;
    final String method;

    Listing(String path, String items, String method) {
      this.path = path;
      this.items = items;
      this.method = method;
    }
  }

  static final String FIELDS =
      "names,emailAddresses,phoneNumbers,birthdays,addresses,biographies,memberships,photos,"
          + "metadata";

  @Test
  void previousReleaseDatabaseIsMigratedWithNothingLost() throws Exception {
    JsonNode expected;
    try (InputStream in =
        UpgradeTest.class.getResourceAsStream(UpgradeFixture.RESOURCE + "expected.json")) {
      expected = Json.MAPPER.readTree(in);
    }
    try (TestDatabase db = TestDatabase.create()) {
      UpgradeFixture.migrate(db, UpgradeFixture.SCHEMA_VERSION);
      try (Connection c = db.connect()) {
        assertThat(UpgradeFixture.load(c)).isGreaterThan(50);
      }
      try (OpenPeopleServer server =
          OpenPeopleServer.start(OpenPeopleServer.Options.emulatorDefaults(db.storageUrl()))) {
        Wire wire = new Wire("http://127.0.0.1:" + server.port() + "/");
        ObjectNode actual = observe(wire);
        ObjectNode old = expected.deepCopy();
        old.remove("syncTokens");
        for (Iterator<String> it = old.fieldNames(); it.hasNext(); ) {
          String key = it.next();
          assertThat(pretty(actual.path(key))).as(key).isEqualTo(pretty(old.path(key)));
        }
        String key = server.storage().secret("token-key", () -> "not the release's key");
        assertThat(key).as("the release's token key").isNotEqualTo("not the release's key");
        TokenSigner signer = new TokenSigner(key);
        try (Connection c = db.connect()) {
          for (Map.Entry<String, JsonNode> user : expected.path("syncTokens").properties()) {
            long userId = userId(c, user.getKey());
            for (Listing list : Listing.values()) {
              String token =
                  redate(signer, user.getValue().path(list.name()).asText(), list, userId, server);
              assertSyncContinues(wire, user.getKey(), list, token);
            }
          }
        }
      }
    }
  }

  private static String pretty(JsonNode node) throws Exception {
    return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
  }

  static long userId(Connection c, String email) throws Exception {
    try (PreparedStatement s = c.prepareStatement("SELECT id FROM users WHERE email = ?")) {
      s.setString(1, email);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).as(email).isTrue();
        return rs.getLong(1);
      }
    }
  }

  /** The release's sync token with its issue time moved to now; nothing else changes. */
  static String redate(
      TokenSigner signer, String token, Listing list, long userId, OpenPeopleServer server) {
    ListToken old =
        ListToken.decode(signer, token, ListToken.SYNC, list.method, userId, "syncToken");
    return new ListToken(
            old.kind(),
            old.method(),
            old.userId(),
            old.paramsHash(),
            server.clock().instant(),
            old.sinceSeq(),
            old.snapshotSeq(),
            old.cursorKey(),
            old.cursorSeq(),
            old.cursorId(),
            old.total())
        .encode(signer);
  }

  /** The token reports no change; after one new write, exactly that item. */
  static void assertSyncContinues(Wire wire, String user, Listing list, String token)
      throws Exception {
    String what = user + " " + list;
    JsonNode none = get(wire, user, list.path + "&pageSize=1000&syncToken=" + encode(token));
    assertThat(none.path(list.items)).as(what + " changes before a write").isEmpty();
    String created =
        switch (list) {
          case CONNECTIONS ->
              get(
                  wire,
                  user,
                  "POST",
                  "/v1/people:createContact",
                  "{\"names\":[{\"givenName\":\"New\"}]}");
          case GROUPS ->
              get(wire, user, "POST", "/v1/contactGroups", "{\"contactGroup\":{\"name\":\"New\"}}");
          case OTHER_CONTACTS ->
              get(
                  wire,
                  null,
                  "POST",
                  "/emulator/v1/users/" + user + "/otherContacts",
                  "{\"names\":[{\"givenName\":\"New\"}]}");
        };
    JsonNode one = get(wire, user, list.path + "&pageSize=1000&syncToken=" + encode(token));
    assertThat(one.path(list.items)).as(what + " changes after a write").hasSize(1);
    assertThat(one.path(list.items).path(0).path("resourceName").asText()).isEqualTo(created);
  }

  static JsonNode get(Wire wire, String user, String path) throws Exception {
    HttpResponse<String> response = wire.json("GET", path, user, null);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return Json.MAPPER.readTree(response.body());
  }

  private static String get(Wire wire, String user, String method, String path, String body)
      throws Exception {
    HttpResponse<String> response = wire.json(method, path, user, body);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    return Json.MAPPER.readTree(response.body()).path("resourceName").asText();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A full listing, paged: resource name to etag (system groups have none). */
  static ObjectNode listing(Wire wire, String user, Listing list) throws Exception {
    ObjectNode out = Json.object();
    String pageToken = null;
    do {
      JsonNode page =
          get(
              wire,
              user,
              list.path
                  + "&pageSize=4"
                  + (pageToken == null ? "" : "&pageToken=" + encode(pageToken)));
      for (JsonNode item : page.path(list.items)) {
        out.put(item.path("resourceName").asText(), item.path("etag").asText(""));
      }
      pageToken = page.path("nextPageToken").asText(null);
    } while (pageToken != null);
    return out;
  }

  static String syncToken(Wire wire, String user, Listing list) throws Exception {
    return get(wire, user, list.path + "&pageSize=1000").path("nextSyncToken").asText();
  }

  /** Everything a client can read of the fixture's users and domain, origin-independent. */
  static ObjectNode observe(Wire wire) throws Exception {
    ObjectNode out = Json.object();
    for (String user : UpgradeFixtureGenerator.USERS) {
      ObjectNode mine = out.putObject(user);
      for (Listing list : Listing.values()) {
        mine.set(list.name(), listing(wire, user, list));
      }
      ObjectNode contacts = mine.putObject("contacts");
      ObjectNode photos = mine.putObject("photos");
      java.util.List<String> names = new java.util.ArrayList<>();
      mine.path("CONNECTIONS").fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode person = get(wire, user, "/v1/" + name + "?personFields=" + FIELDS);
        contacts.set(name, person);
        for (JsonNode photo : person.path("photos")) {
          if (!photo.path("default").asBoolean()) {
            photos.put(name, sha256(bytes(photo.path("url").asText(), null)));
          }
        }
      }
      mine.set("profile", get(wire, user, "/v1/people/me?personFields=names"));
    }
    String admin = "admin@" + UpgradeFixtureGenerator.DOMAIN;
    HttpResponse<String> feed =
        wire.send(
            "GET",
            "/m8/feeds/contacts/"
                + UpgradeFixtureGenerator.DOMAIN
                + "/full?max-results=1000&showdeleted=true",
            admin,
            null,
            null);
    ObjectNode entries = out.putObject("gdata");
    for (AtomFeed.Entry entry : AtomFeed.parse(feed.body()).entries()) {
      String id = entry.id().substring(entry.id().lastIndexOf('/') + 1);
      ObjectNode item = entries.putObject(id);
      item.put("etag", entry.etag()).put("deleted", entry.deleted());
      if (!entry.deleted()) {
        item.put(
            "photo",
            sha256(
                bytes(
                    wire.baseUrl()
                        + "m8/feeds/photos/media/"
                        + UpgradeFixtureGenerator.DOMAIN
                        + "/"
                        + id,
                    admin)));
      }
    }
    return (ObjectNode) Json.MAPPER.readTree(out.toString().replace(wire.baseUrl(), "ORIGIN/"));
  }

  private static byte[] bytes(String url, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token).header("GData-Version", "3.0");
    }
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    return response.statusCode() == 200 ? response.body() : new byte[0];
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}

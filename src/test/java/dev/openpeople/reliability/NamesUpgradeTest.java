// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.OpenPeopleServer;
import dev.openpeople.contact.ContactKeys;
import dev.openpeople.contact.IndexRules;
import dev.openpeople.contact.TextKeys;
import dev.openpeople.server.Json;
import dev.openpeople.token.TokenSigner;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Upgrade of the sort keys and search terms: a database written at schema version 9 by the release
 * that lower-cased names ({@link NamesFixtureGenerator}) is started by the current build, which
 * re-indexes its rows once. Afterwards the old rows sort and match exactly as rows the current
 * build writes (collation order, search ignoring case and diacritics, on every search surface), and
 * nothing a client holds changes: the same etags, and the release's sync token reports nothing
 * until a new write.
 */
class NamesUpgradeTest {
  private static final String RESOURCE = "/upgrade/v9-names/";
  private static final String USER = NamesFixtureGenerator.USER;

  @Test
  void oldRowsSortAndMatchAsNewOnesWithTheirEtagsAndSyncTokens() throws Exception {
    JsonNode expected;
    try (InputStream in = NamesUpgradeTest.class.getResourceAsStream(RESOURCE + "expected.json")) {
      expected = Json.MAPPER.readTree(in);
    }
    try (TestDatabase db = TestDatabase.create()) {
      UpgradeFixture.migrate(db, "9");
      try (Connection c = db.connect()) {
        assertThat(UpgradeFixture.load(c, RESOURCE)).isGreaterThan(20);
        assertThat(firstKeys(c)).as("the release's keys").contains("øystein", "zoë");
      }
      try (OpenPeopleServer server =
          OpenPeopleServer.start(OpenPeopleServer.Options.emulatorDefaults(db.storageUrl()))) {
        Wire wire = new Wire("http://127.0.0.1:" + server.port() + "/");
        assertThat(expected.path("firstNameOrder").toString())
            .as("the release's order")
            .isEqualTo(
                "[\"Adam\",\"Eve\",\"Oscar\",\"Peter\",\"Zoë\",\"Ádám\",\"Émile\",\"Øystein\"]");
        assertThat(firstNames(wire))
            .containsExactly("Adam", "Ádám", "Émile", "Eve", "Oscar", "Øystein", "Peter", "Zoë");
        assertFound(wire);
        assertThat(UpgradeTest.listing(wire, USER, UpgradeTest.Listing.CONNECTIONS))
            .as("etags")
            .isEqualTo(expected.path("etags"));
        try (Connection c = db.connect()) {
          assertThat(indexVersion(c)).isEqualTo(TextKeys.VERSION);
          assertThat(firstKeys(c)).allMatch(k -> k.matches("[0-9a-f]+"));
          TokenSigner signer =
              new TokenSigner(server.storage().secret("token-key", () -> "not the release's"));
          String token =
              UpgradeTest.redate(
                  signer,
                  expected.path("syncToken").asText(),
                  UpgradeTest.Listing.CONNECTIONS,
                  UpgradeTest.userId(c, USER),
                  server);
          UpgradeTest.assertSyncContinues(wire, USER, UpgradeTest.Listing.CONNECTIONS, token);
        }
        assertThat(server.storage().reindex(new Unused())).as("re-indexed once").isZero();
      }
    }
  }

  private static List<String> firstNames(Wire wire) throws Exception {
    JsonNode page =
        UpgradeTest.get(
            wire,
            USER,
            "/v1/people/me/connections?personFields=names&sortOrder=FIRST_NAME_ASCENDING"
                + "&pageSize=3");
    List<String> names = new ArrayList<>();
    while (true) {
      page.path("connections").forEach(p -> names.add(p.at("/names/0/givenName").asText()));
      String next = page.path("nextPageToken").asText("");
      if (next.isEmpty()) {
        return names;
      }
      page =
          UpgradeTest.get(
              wire,
              USER,
              "/v1/people/me/connections?personFields=names&sortOrder=FIRST_NAME_ASCENDING"
                  + "&pageSize=3&pageToken="
                  + UpgradeTest.encode(next));
    }
  }

  /** Every search surface finds the release's rows by folded queries. */
  private static void assertFound(Wire wire) throws Exception {
    for (String[] hit :
        new String[][] {
          {"oystein", "Øystein Weiß"},
          {"weiss", "Øystein Weiß"},
          {"lukasiewicz", "Zoë Łukasiewicz"},
          {"zoe", "Zoë Łukasiewicz"},
          {"emile", "Émile Œhlenschläger"},
          {"thorsdottir", "Eve Þórsdóttir"},
        }) {
      assertThat(found(wire, "/v1/people:searchContacts?readMask=names&query=" + hit[0], "results"))
          .as(hit[0])
          .containsExactly(hit[1]);
    }
    assertThat(found(wire, "/v1/otherContacts:search?readMask=names&query=orsted", "results"))
        .containsExactly("Zoë Ørsted");
    assertThat(found(wire, "/v1/otherContacts:search?readMask=names&query=aerenlund", "results"))
        .containsExactly("Émile Ærenlund");
    assertThat(
            found(
                wire,
                "/v1/people:searchDirectoryPeople?readMask=names&query=emile%20weiss"
                    + "&sources=DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT",
                "people"))
        .containsExactly("Émile Weiß");
    String feed = "/m8/feeds/contacts/" + NamesFixtureGenerator.DOMAIN + "/full?q=";
    String admin = "admin@" + NamesFixtureGenerator.DOMAIN;
    assertThat(
            AtomFeed.parse(wire.send("GET", feed + "oystein", admin, null, null).body()).entries())
        .hasSize(1);
    assertThat(
            AtomFeed.parse(wire.send("GET", feed + "gruner", admin, null, null).body()).entries())
        .hasSize(1);
  }

  private static List<String> found(Wire wire, String path, String items) throws Exception {
    List<String> names = new ArrayList<>();
    for (JsonNode item : UpgradeTest.get(wire, USER, path).path(items)) {
      JsonNode person = item.has("person") ? item.path("person") : item;
      names.add(person.at("/names/0/displayName").asText());
    }
    return names;
  }

  private static List<String> firstKeys(Connection c) throws Exception {
    List<String> keys = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT first_key FROM contacts WHERE deleted = FALSE")) {
      while (rs.next()) {
        keys.add(rs.getString(1));
      }
    }
    return keys;
  }

  private static String indexVersion(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT index_version FROM server_state WHERE id = 1")) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }

  /** Rules of the current version that must not be applied again. */
  private static final class Unused implements IndexRules {
    @Override
    public String version() {
      return TextKeys.VERSION;
    }

    @Override
    public ContactKeys contact(String body) {
      throw new AssertionError("re-indexed a contact again");
    }

    @Override
    public String sharedContact(String entry) {
      throw new AssertionError("re-indexed a shared contact again");
    }
  }
}

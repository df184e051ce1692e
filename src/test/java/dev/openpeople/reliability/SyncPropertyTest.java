// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.OpenPeopleServerExtension;
import dev.openpeople.server.Json;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property: whatever a writer does (a random sequence of creates, updates, deletes, group
 * membership changes, other contacts and shared contacts), a client that syncs incrementally at
 * random moments ends with a copy equal to a full listing, for connections, other contacts, contact
 * groups and the GData feed. Each try is a fresh user and domain. The seed is fixed; tries come
 * from {@code -Djqwik.tries.default} (CI default in {@code junit-platform.properties}).
 */
class SyncPropertyTest {
  static final int OPS = 14;
  private static final AtomicInteger TRY = new AtomicInteger();
  private static OpenPeopleServerExtension server;

  @BeforeContainer
  static void start() throws Exception {
    server = new OpenPeopleServerExtension();
    server.beforeAll(null);
  }

  @AfterContainer
  static void stop() throws Exception {
    server.afterAll(null);
  }

  @Property(
      seed = "20261125",
      shrinking = net.jqwik.api.ShrinkingMode.BOUNDED,
      afterFailure = net.jqwik.api.AfterFailureMode.RANDOM_SEED)
  void incrementalSyncEqualsFullListing(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 9_999) Integer> steps)
      throws Exception {
    int n = TRY.incrementAndGet();
    World world = new World(new Wire(server.baseUrl()), "p" + n + "@p" + n + ".example.com");
    Replica replica = new Replica(world);
    replica.sync();
    for (int step : steps) {
      world.apply(step % OPS, step / OPS);
      if (step / OPS % 3 == 0) {
        replica.sync();
      }
    }
    replica.sync();
    assertThat(replica.connections).isEqualTo(world.fullList(Lists.CONNECTIONS));
    assertThat(replica.otherContacts).isEqualTo(world.fullList(Lists.OTHER_CONTACTS));
    assertThat(replica.groups).isEqualTo(world.fullList(Lists.GROUPS));
    assertThat(replica.feed).isEqualTo(world.fullFeed());
  }

  /** The three People list methods a client syncs: path with fixed parameters and item key. */
  enum Lists {
    CONNECTIONS(
        "/v1/people/me/connections?personFields=names,memberships&requestSyncToken=true",
        "connections"),
    OTHER_CONTACTS(
        "/v1/otherContacts?readMask=names,emailAddresses&requestSyncToken=true", "otherContacts"),
    GROUPS("/v1/contactGroups?groupFields=name,memberCount", "contactGroups");

    final String path;
    final String items;

    Lists(String path, String items) {
      this.path = path;
      this.items = items;
    }
  }

  /** The writer: the user's data as the server holds it, changed one step at a time. */
  static final class World {
    final Wire wire;
    final String user;
    final String domain;
    final List<String[]> contacts = new ArrayList<>();
    final List<String[]> groups = new ArrayList<>();
    final List<String> otherContacts = new ArrayList<>();
    final List<String[]> entries = new ArrayList<>();
    int serial;

    World(Wire wire, String user) {
      this.wire = wire;
      this.user = user;
      this.domain = user.substring(user.indexOf('@') + 1);
    }

    String feed() {
      return "/m8/feeds/contacts/" + domain + "/full";
    }

    void apply(int op, int pick) throws Exception {
      serial++;
      switch (op) {
        case 0, 1, 2 -> createContact();
        case 3 -> ifAny(contacts, pick, this::updateContact);
        case 4 -> ifAny(contacts, pick, c -> delete(contacts, c, "/v1/" + c[0] + ":deleteContact"));
        case 5 -> createGroup();
        case 6 -> ifAny(groups, pick, this::renameGroup);
        case 7 -> ifAny(groups, pick, g -> delete(groups, g, "/v1/" + g[0]));
        case 8 -> ifAny(groups, pick, g -> ifAny(contacts, pick / 7, c -> addMember(g, c)));
        case 9, 10 -> createOtherContact();
        case 11 -> ifAny(otherContacts, pick, this::deleteOtherContact);
        case 12 -> createEntry();
        default -> ifAny(entries, pick, e -> changeEntry(e, pick % 2 == 0));
      }
    }

    interface Step<T> {
      void run(T item) throws Exception;
    }

    static <T> void ifAny(List<T> items, int pick, Step<T> step) throws Exception {
      if (!items.isEmpty()) {
        step.run(items.get(pick % items.size()));
      }
    }

    JsonNode ok(HttpResponse<String> response) throws Exception {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return Json.MAPPER.readTree(response.body().isEmpty() ? "{}" : response.body());
    }

    void createContact() throws Exception {
      JsonNode c =
          ok(
              wire.json(
                  "POST",
                  "/v1/people:createContact",
                  user,
                  "{\"names\":[{\"givenName\":\"C" + serial + "\"}]}"));
      contacts.add(new String[] {c.path("resourceName").asText(), c.path("etag").asText()});
    }

    void updateContact(String[] c) throws Exception {
      JsonNode updated =
          ok(
              wire.json(
                  "PATCH",
                  "/v1/" + c[0] + ":updateContact?updatePersonFields=names",
                  user,
                  "{\"etag\":\"" + c[1] + "\",\"names\":[{\"givenName\":\"U" + serial + "\"}]}"));
      c[1] = updated.path("etag").asText();
    }

    <T> void delete(List<T> items, T item, String path) throws Exception {
      ok(wire.json("DELETE", path, user, null));
      items.remove(item);
    }

    void createGroup() throws Exception {
      JsonNode g =
          ok(
              wire.json(
                  "POST",
                  "/v1/contactGroups",
                  user,
                  "{\"contactGroup\":{\"name\":\"G" + serial + "\"}}"));
      groups.add(new String[] {g.path("resourceName").asText(), g.path("etag").asText()});
    }

    void renameGroup(String[] g) throws Exception {
      JsonNode updated =
          ok(
              wire.json(
                  "PUT",
                  "/v1/" + g[0],
                  user,
                  "{\"contactGroup\":{\"name\":\"R" + serial + "\",\"etag\":\"" + g[1] + "\"}}"));
      g[1] = updated.path("etag").asText();
    }

    void addMember(String[] g, String[] c) throws Exception {
      ok(
          wire.json(
              "POST",
              "/v1/" + g[0] + "/members:modify",
              user,
              "{\"resourceNamesToAdd\":[\"" + c[0] + "\"]}"));
      // Membership lives in the contact: its etag changed; read it as a client would.
      c[1] =
          ok(wire.json("GET", "/v1/" + c[0] + "?personFields=names", user, null))
              .path("etag")
              .asText();
      g[1] = ok(wire.json("GET", "/v1/" + g[0], user, null)).path("etag").asText();
    }

    void createOtherContact() throws Exception {
      JsonNode o =
          ok(
              wire.json(
                  "POST",
                  "/emulator/v1/users/" + user + "/otherContacts",
                  null,
                  "{\"names\":[{\"givenName\":\"O"
                      + serial
                      + "\"}],\"emailAddresses\":[{\"value\":\"o"
                      + serial
                      + "@mail.example.org\"}]}"));
      otherContacts.add(o.path("resourceName").asText());
    }

    void deleteOtherContact(String name) throws Exception {
      String id = name.substring(name.indexOf('/') + 1);
      ok(wire.json("DELETE", "/emulator/v1/users/" + user + "/otherContacts/" + id, null, null));
      otherContacts.remove(name);
    }

    void createEntry() throws Exception {
      HttpResponse<String> created =
          wire.send("POST", feed(), user, Wire.ATOM, KillNineTest.Writer.entry(serial, 0));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String location = created.headers().firstValue("Location").orElseThrow();
      entries.add(
          new String[] {
            feed() + location.substring(location.lastIndexOf('/')),
            created.headers().firstValue("ETag").orElseThrow()
          });
    }

    void changeEntry(String[] e, boolean update) throws Exception {
      if (!update) {
        HttpResponse<String> gone = wire.send("DELETE", e[0], user, null, null, "If-Match", "*");
        assertThat(gone.statusCode()).as(gone.body()).isEqualTo(200);
        entries.remove(e);
        return;
      }
      HttpResponse<String> updated =
          wire.send(
              "PUT",
              e[0],
              user,
              Wire.ATOM,
              KillNineTest.Writer.entry(serial, serial),
              "If-Match",
              e[1]);
      assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
      e[1] = updated.headers().firstValue("ETag").orElseThrow();
    }

    /** A full listing (no sync token), paged: resource name to etag. */
    Map<String, String> fullList(Lists list) throws Exception {
      Map<String, String> all = new TreeMap<>();
      Replica.pull(this, list, all, null);
      return all;
    }

    Map<String, String> fullFeed() throws Exception {
      Map<String, String> all = new TreeMap<>();
      Replica.pullFeed(this, all, null);
      return all;
    }
  }

  /** The syncing client: a copy of each list kept current from sync tokens / updated-min. */
  static final class Replica {
    final World world;
    final Map<String, String> connections = new TreeMap<>();
    final Map<String, String> otherContacts = new TreeMap<>();
    final Map<String, String> groups = new TreeMap<>();
    final Map<String, String> feed = new TreeMap<>();
    final Map<Lists, String> tokens = new java.util.EnumMap<>(Lists.class);
    String feedUpdated;

    Replica(World world) {
      this.world = world;
    }

    void sync() throws Exception {
      tokens.put(
          Lists.CONNECTIONS,
          pull(world, Lists.CONNECTIONS, connections, tokens.get(Lists.CONNECTIONS)));
      tokens.put(
          Lists.OTHER_CONTACTS,
          pull(world, Lists.OTHER_CONTACTS, otherContacts, tokens.get(Lists.OTHER_CONTACTS)));
      tokens.put(Lists.GROUPS, pull(world, Lists.GROUPS, groups, tokens.get(Lists.GROUPS)));
      feedUpdated = pullFeed(world, feed, feedUpdated);
    }

    /** Pages through a list (3 per page), applying items to {@code copy}; the next sync token. */
    static String pull(World world, Lists list, Map<String, String> copy, String syncToken)
        throws Exception {
      String pageToken = null;
      while (true) {
        String path =
            list.path
                + "&pageSize=3"
                + (syncToken == null ? "" : "&syncToken=" + encode(syncToken))
                + (pageToken == null ? "" : "&pageToken=" + encode(pageToken));
        JsonNode page = world.ok(world.wire.json("GET", path, world.user, null));
        for (JsonNode item : page.path(list.items)) {
          String name = item.path("resourceName").asText();
          if (item.path("metadata").path("deleted").asBoolean()) {
            copy.remove(name);
          } else {
            copy.put(name, item.path("etag").asText());
          }
        }
        if (!page.hasNonNull("nextPageToken")) {
          return page.path("nextSyncToken").asText(null);
        }
        pageToken = page.path("nextPageToken").asText();
      }
    }

    /** Reads the feed changed since {@code updatedMin} (all of it when null); its updated time. */
    static String pullFeed(World world, Map<String, String> copy, String updatedMin)
        throws Exception {
      String path =
          world.feed()
              + "?max-results=10000"
              + (updatedMin == null ? "" : "&showdeleted=true&updated-min=" + encode(updatedMin));
      HttpResponse<String> response = world.wire.send("GET", path, world.user, null, null);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      AtomFeed feed = AtomFeed.parse(response.body());
      for (AtomFeed.Entry entry : feed.entries()) {
        if (entry.deleted()) {
          copy.remove(entry.id());
        } else {
          copy.put(entry.id(), entry.etag());
        }
      }
      return feed.updated();
    }

    static String encode(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.server.Json;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three server processes on one PostgreSQL database behave as one: requests go round-robin, and an
 * emulator call on one node governs the next request on any node — the clock, armed faults, the
 * otherContacts first-page quota and the strict search warm-up. PostgreSQL only: the build runs it
 * in the PostgreSQL execution alone (pom.xml).
 */
class ThreeNodeTest {
  static final int QUOTA = 3;
  private static TestDatabase db;
  private static final List<ServerProcess> NODES = new ArrayList<>();
  private static final AtomicInteger NEXT = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    if (!TestDatabase.postgres()) {
      throw new IllegalStateException(
          "three nodes share one PostgreSQL database: run in the PostgreSQL execution (pom.xml)");
    }
    db = TestDatabase.create();
    // The first node migrates the database; the other two start on it together.
    NODES.add(node());
    List<CompletableFuture<ServerProcess>> more = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      more.add(CompletableFuture.supplyAsync(ThreeNodeTest::uncheckedNode));
    }
    for (CompletableFuture<ServerProcess> f : more) {
      NODES.add(f.join());
    }
  }

  private static ServerProcess node() throws Exception {
    return ServerProcess.start(
        db.storageUrl(), "--other-contacts-first-page-quota=" + QUOTA, "--strict-search-warmup");
  }

  private static ServerProcess uncheckedNode() {
    try {
      return node();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    for (ServerProcess node : NODES) {
      node.close();
    }
    if (db != null) {
      db.close();
    }
  }

  /** The next node, round-robin. */
  private static Wire next() {
    return NODES.get(Math.floorMod(NEXT.getAndIncrement(), NODES.size())).wire();
  }

  private static JsonNode ok(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.MAPPER.readTree(response.body());
  }

  private static JsonNode error(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return Json.MAPPER.readTree(response.body()).path("error");
  }

  @Test
  void writesOnAnyNodeAreSeenOnEveryNode() throws Exception {
    String user = "rr@three.example.com";
    for (int i = 0; i < 6; i++) {
      ok(
          next()
              .json(
                  "POST",
                  "/v1/people:createContact",
                  user,
                  "{\"names\":[{\"givenName\":\"N" + i + "\"}]}"));
    }
    for (ServerProcess node : NODES) {
      JsonNode list =
          ok(node.wire().json("GET", "/v1/people/me/connections?personFields=names", user, null));
      assertThat(list.path("connections")).hasSize(6);
    }
  }

  @Test
  void clockAdvancedOnOneNodeExpiresTokensOnTheOthers() throws Exception {
    String user = "clock@three.example.com";
    String path = "/v1/people/me/connections?personFields=names&requestSyncToken=true";
    String token = ok(next().json("GET", path, user, null)).path("nextSyncToken").asText();
    long before =
        ok(next().json("GET", "/emulator/v1/clock", null, null)).path("offsetSeconds").asLong();
    ok(next().json("POST", "/emulator/v1/clock:advance", null, "{\"seconds\": 691200}"));
    for (int i = 0; i < NODES.size(); i++) {
      JsonNode clock = ok(next().json("GET", "/emulator/v1/clock", null, null));
      assertThat(clock.path("offsetSeconds").asLong()).isEqualTo(before + 691200);
      JsonNode expired =
          error(
              next().json("GET", path + "&syncToken=" + UpgradeTest.encode(token), user, null),
              400);
      assertThat(expired.path("details").path(0).path("reason").asText())
          .isEqualTo("EXPIRED_SYNC_TOKEN");
    }
  }

  @Test
  void faultArmedOnOneNodeFailsTheNextRequestsOnOtherNodes() throws Exception {
    String user = "faults@three.example.com";
    ok(
        next()
            .json(
                "POST",
                "/emulator/v1/faults",
                null,
                "{\"method\":\"people.people.connections.list\",\"error\":\"UNAVAILABLE\",\"count\":2,"
                    + "\"user\":\""
                    + user
                    + "\"}"));
    String connections = "/v1/people/me/connections?personFields=names";
    assertThat(error(next().json("GET", connections, user, null), 503).path("status").asText())
        .isEqualTo("UNAVAILABLE");
    assertThat(next().json("GET", connections, "other@three.example.com", null).statusCode())
        .as("another user")
        .isEqualTo(200);
    assertThat(error(next().json("GET", connections, user, null), 503).path("status").asText())
        .isEqualTo("UNAVAILABLE");
    for (int i = 0; i < NODES.size(); i++) {
      ok(next().json("GET", connections, user, null));
      assertThat(ok(next().json("GET", "/emulator/v1/faults", null, null)).path("faults"))
          .isEmpty();
    }
  }

  @Test
  void firstPageQuotaIsCountedAcrossNodes() throws Exception {
    String user = "quota@three.example.com";
    // Start at the top of a shared-clock minute, so the window cannot roll over mid-test.
    Instant now =
        Instant.parse(
            ok(next().json("GET", "/emulator/v1/clock", null, null)).path("now").asText());
    long toMinute = 60 - now.getEpochSecond() % 60;
    ok(next().json("POST", "/emulator/v1/clock:advance", null, "{\"seconds\": " + toMinute + "}"));
    String firstPage = "/v1/otherContacts?readMask=names&requestSyncToken=true";
    for (int i = 0; i < QUOTA; i++) {
      ok(next().json("GET", firstPage, user, null));
    }
    for (int i = 0; i < NODES.size(); i++) {
      JsonNode limited = error(next().json("GET", firstPage, user, null), 429);
      assertThat(limited.path("status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
    }
    assertThat(next().json("GET", firstPage, "fresh@three.example.com", null).statusCode())
        .as("another user's quota")
        .isEqualTo(200);
    ok(next().json("POST", "/emulator/v1/clock:advance", null, "{\"seconds\": 60}"));
    ok(next().json("GET", firstPage, user, null));
  }

  @Test
  void searchWarmupOnOneNodeGovernsSearchesOnTheOthers() throws Exception {
    String user = "warm@three.example.com";
    ok(
        next()
            .json(
                "POST",
                "/emulator/v1/users/" + user + "/otherContacts",
                null,
                "{\"names\":[{\"givenName\":\"Zelda\"}],\"emailAddresses\":[{\"value\":\"z@x.org\"}]}"));
    String search = "/v1/otherContacts:search?readMask=names&query=";
    assertThat(ok(next().json("GET", search + "zel", user, null)).path("results"))
        .as("nothing before a warmup")
        .isEmpty();
    ok(next().json("GET", search, user, null));
    for (int i = 0; i < NODES.size(); i++) {
      assertThat(ok(next().json("GET", search + "zel", user, null)).path("results")).hasSize(1);
    }
    ok(
        next()
            .json(
                "POST",
                "/emulator/v1/users/" + user + "/otherContacts",
                null,
                "{\"names\":[{\"givenName\":\"Zeno\"}],\"emailAddresses\":[{\"value\":\"zeno@x.org\"}]}"));
    assertThat(ok(next().json("GET", search + "ze", user, null)).path("results"))
        .as("the new one waits for the next warmup")
        .hasSize(1);
    ok(next().json("GET", search, user, null));
    assertThat(ok(next().json("GET", search + "ze", user, null)).path("results")).hasSize(2);
  }
}

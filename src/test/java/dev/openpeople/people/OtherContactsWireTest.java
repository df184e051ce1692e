// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static dev.openpeople.people.OtherContactsFixtures.create;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.OpenPeopleServer;
import dev.openpeople.OpenPeopleServerExtension;
import dev.openpeople.server.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Raw HTTP of the otherContacts methods and their emulator endpoints: exact error bodies (golden
 * files) and bad input that must be a 4xx, never a 500. The server allows one first page per user
 * and minute, so each test uses its own users.
 */
class OtherContactsWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER =
      new OpenPeopleServerExtension(
          OpenPeopleServer.Options.builder("unused")
              .otherContacts(new People.OtherContactsSettings(1, false))
              .build());

  private static String golden(String name, String id) throws IOException {
    try (InputStream in =
        OtherContactsWireTest.class.getResourceAsStream("/golden/people/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("%ID%", id);
    }
  }

  private static void assertError(HttpResponse<String> response, int code, String golden, String id)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(code);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=UTF-8");
    assertThat(Json.MAPPER.readTree(response.body()))
        .isEqualTo(Json.MAPPER.readTree(golden(golden, id)));
  }

  private static void assertError(HttpResponse<String> response, int code, String golden)
      throws Exception {
    assertError(response, code, golden, "");
  }

  @Test
  void listErrorsMatchGoogles() throws Exception {
    String user = "wire-list@example.com";
    assertError(
        SERVER.call("GET", "/v1/otherContacts", user, null),
        400,
        "other-contacts-missing-read-mask.json");
    assertError(
        SERVER.call(
            "GET", "/v1/otherContacts?readMask=names&sources=READ_SOURCE_TYPE_PROFILE", user, null),
        400,
        "other-contacts-profile-without-contact.json");
    assertThat(SERVER.call("GET", "/v1/otherContacts?readMask=names", user, null).statusCode())
        .isEqualTo(200);
    assertError(
        SERVER.call("GET", "/v1/otherContacts?readMask=names", user, null),
        429,
        "other-contacts-first-page-quota.json");
  }

  @Test
  void expiredSyncTokenMatchesGoogles() throws Exception {
    String user = "wire-expiry@example.com";
    JsonNode first =
        Json.MAPPER.readTree(
            SERVER
                .call("GET", "/v1/otherContacts?readMask=names&requestSyncToken=true", user, null)
                .body());
    String token = first.get("nextSyncToken").asText();
    SERVER.server().clock().advance(Duration.ofDays(8));
    assertError(
        SERVER.call(
            "GET",
            "/v1/otherContacts?readMask=names&requestSyncToken=true&syncToken=" + token,
            user,
            null),
        400,
        "other-contacts-expired-sync-token.json");
  }

  @Test
  void injectedRateLimitMatchesGoogles() throws Exception {
    String user = "wire-fault@example.com";
    assertThat(
            SERVER
                .call(
                    "POST",
                    "/emulator/v1/faults",
                    null,
                    "{\"method\":\"people.otherContacts.list\",\"user\":\""
                        + user
                        + "\","
                        + "\"error\":\"RESOURCE_EXHAUSTED\"}")
                .statusCode())
        .isEqualTo(200);
    assertError(
        SERVER.call("GET", "/v1/otherContacts?readMask=names", user, null),
        429,
        "fault-rate-limit.json");
  }

  @Test
  void copyingTwiceIsAClearConflict() throws Exception {
    String user = "wire-copy@example.com";
    String name = create(SERVER, user, "Twice", "twice@example.org");
    String path = "/v1/" + name + ":copyOtherContactToMyContactsGroup";
    assertThat(SERVER.call("POST", path, user, "{\"copyMask\":\"names\"}").statusCode())
        .isEqualTo(200);
    assertError(
        SERVER.call("POST", path, user, "{\"copyMask\":\"names\"}"),
        409,
        "other-contacts-copied-twice.json",
        name.substring("otherContacts/c".length()));
  }

  @Test
  void malformedInputIs400NeverA500() throws Exception {
    String user = "wire-bad@example.com";
    String[][] cases = {
      {"GET", "/v1/otherContacts?readMask=names&pageSize=abc", null},
      {"GET", "/v1/otherContacts?readMask=names&pageSize=0&pageToken=%25%25", null},
      {"GET", "/v1/otherContacts?readMask=names&syncToken=abc", null},
      {"GET", "/v1/otherContacts?readMask=names&requestSyncToken=maybe", null},
      {"GET", "/v1/otherContacts?readMask=names&sources=NOPE", null},
      {"GET", "/v1/otherContacts:search?readMask=names&query=a&pageSize=x", null},
      {"GET", "/v1/otherContacts:search?readMask=names,birthdays&query=a", null},
      {"POST", "/v1/otherContacts/c1:copyOtherContactToMyContactsGroup", "{\"copyMask\":5}"},
      {"POST", "/v1/otherContacts/c1:copyOtherContactToMyContactsGroup", "{\"copy_mask\":\"x\"}"},
      {"POST", "/v1/otherContacts/c1:copyOtherContactToMyContactsGroup", "{\"bogus\":1}"},
      {"POST", "/v1/otherContacts/c1:copyOtherContactToMyContactsGroup", "{"},
      {
        "POST", "/v1/otherContacts/zz:copyOtherContactToMyContactsGroup", "{\"copyMask\":\"names\"}"
      },
      {"POST", "/emulator/v1/users/" + user + "/otherContacts", "{\"names\":\"x\"}"},
      {"POST", "/emulator/v1/users/" + user + "/otherContacts", "{\"names\":[{\"givenName\":1}]}"},
      {"POST", "/emulator/v1/users/" + user + "/otherContacts", "[1]"},
      {"POST", "/emulator/v1/users/" + user + "/otherContacts", "{"},
      {"POST", "/emulator/v1/users/not-an-email/otherContacts", "{}"},
      {"POST", "/emulator/v1/users/" + user + "/otherContacts:batchCreate", "{\"people\":[]}"},
      {"POST", "/emulator/v1/users/" + user + "/otherContacts:batchCreate", "{\"people\":5}"},
      {"POST", "/emulator/v1/users/" + user + "/interactions", "{}"},
      {"POST", "/emulator/v1/users/" + user + "/interactions", "{\"email\":\"nope\"}"},
      {"POST", "/emulator/v1/users/" + user + "/interactions", "{\"email\":5}"},
      {"POST", "/emulator/v1/users/" + user + "/interactions", "{\"email\":\"a@b.org\",\"x\":1}"},
      {"DELETE", "/emulator/v1/users/" + user + "/otherContacts/abc", null},
      {"PUT", "/emulator/v1/users/" + user + "/profile", "{\"birthdays\":{}}"},
    };
    for (String[] c : cases) {
      HttpResponse<String> response = SERVER.call(c[0], c[1], user, c[2]);
      assertThat(response.statusCode()).as(c[0] + " " + c[1] + " " + c[2]).isEqualTo(400);
      assertThat(Json.MAPPER.readTree(response.body()).at("/error/status").asText())
          .isEqualTo("INVALID_ARGUMENT");
    }
    assertThat(
            SERVER
                .call("DELETE", "/emulator/v1/users/" + user + "/otherContacts/c42", null, null)
                .statusCode())
        .isEqualTo(404);
    String body = "{\"emailAddresses\":[{\"value\":\"dup@example.org\"}]}";
    create(SERVER, user, body);
    assertThat(
            SERVER
                .call("POST", "/emulator/v1/users/" + user + "/otherContacts", null, body)
                .statusCode())
        .as("one other contact per address")
        .isEqualTo(409);
  }

  @Test
  void aHugeAddressIsStoredAndStillOnePerAddress() throws Exception {
    // Not a deliverable address (over RFC 5321's 254 characters), but a Person may carry any
    // string: it must be stored on both backends (an index row of several KB fails PostgreSQL's
    // B-tree), read back whole, and still be one other contact per address.
    String user = "wire-huge@example.com";
    // Random letters: a repeated one compresses, and PostgreSQL indexes the compressed value.
    java.util.Random random = new java.util.Random(7);
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      letters.append((char) ('a' + random.nextInt(26)));
    }
    String local = letters.toString();
    String first = "{\"emailAddresses\":[{\"value\":\"" + local + "a@example.org\"}]}";
    String second = "{\"emailAddresses\":[{\"value\":\"" + local + "b@example.org\"}]}";
    String name = create(SERVER, user, first);
    create(SERVER, user, second);
    assertThat(
            SERVER
                .call("POST", "/emulator/v1/users/" + user + "/otherContacts", null, first)
                .statusCode())
        .as("one other contact per address, however long")
        .isEqualTo(409);
    HttpResponse<String> read =
        SERVER.call("GET", "/v1/otherContacts?readMask=emailAddresses&pageSize=10", user, null);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    JsonNode people = Json.MAPPER.readTree(read.body()).get("otherContacts");
    assertThat(people).hasSize(2);
    assertThat(people.findValuesAsText("value"))
        .containsExactlyInAnyOrder(local + "a@example.org", local + "b@example.org");
    assertThat(people.findValuesAsText("resourceName")).contains(name);
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.client.googleapis.batch.BatchRequest;
import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpHeaders;
import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.ListOtherContactsResponse;
import dev.openpeople.OpenPeopleServerExtension;
import dev.openpeople.server.Json;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Fault injection: the next N calls of a method (optionally of one user) fail as asked. */
class EmulatorFaultsClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static JsonNode arm(String body) throws Exception {
    HttpResponse<String> answer = SERVER.call("POST", "/emulator/v1/faults", null, body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return Json.MAPPER.readTree(answer.body());
  }

  private static void assertFails(int code, String status, String reason, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(code);
              assertThat(e.getDetails().get("status")).isEqualTo(status);
              if (reason != null) {
                assertThat(e.getDetails().getDetails().get(0).getReason()).isEqualTo(reason);
              }
            });
  }

  private static Object list(String user) throws Exception {
    return SERVER.people(user).otherContacts().list().setReadMask("names").execute();
  }

  @AfterEach
  void clear() throws Exception {
    assertThat(SERVER.call("DELETE", "/emulator/v1/faults", null, null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void theNextMatchingCallsFailThenServiceResumes() throws Exception {
    JsonNode armed =
        arm(
            "{\"method\":\"people.otherContacts.list\",\"error\":\"RESOURCE_EXHAUSTED\","
                + "\"count\":2}");
    assertThat(armed.at("/faults/0/count").asInt()).isEqualTo(2);

    assertFails(429, "RESOURCE_EXHAUSTED", "RATE_LIMIT_EXCEEDED", () -> list("f1@example.com"));
    // Other methods are untouched.
    SERVER.people("f1@example.com").people().get("people/me").setPersonFields("names").execute();
    assertFails(429, "RESOURCE_EXHAUSTED", "RATE_LIMIT_EXCEEDED", () -> list("f2@example.com"));
    assertThat(list("f1@example.com")).isNotNull();
    JsonNode left =
        Json.MAPPER.readTree(SERVER.call("GET", "/emulator/v1/faults", null, null).body());
    assertThat(left.get("faults")).isEmpty();
  }

  @Test
  void faultsCanTargetOneUserAndAnyMethod() throws Exception {
    arm(
        "{\"method\":\"people.people.get\",\"user\":\"Victim@example.com\","
            + "\"error\":\"UNAVAILABLE\"}");
    PeopleService bystander = SERVER.people("bystander@example.com");

    assertThat(bystander.people().get("people/me").setPersonFields("names").execute()).isNotNull();
    assertFails(
        503,
        "UNAVAILABLE",
        null,
        () ->
            SERVER
                .people("victim@example.com")
                .people()
                .get("people/me")
                .setPersonFields("names")
                .execute());
  }

  @Test
  void expiredSyncTokenCanBeForced() throws Exception {
    arm("{\"method\":\"people.otherContacts.list\",\"error\":\"EXPIRED_SYNC_TOKEN\"}");

    assertFails(400, "FAILED_PRECONDITION", "EXPIRED_SYNC_TOKEN", () -> list("f3@example.com"));
    assertThat(list("f3@example.com")).isNotNull();
  }

  @Test
  void faultsReachTheInnerCallsOfABatch() throws Exception {
    arm("{\"method\":\"people.otherContacts.list\",\"error\":\"UNAVAILABLE\"}");
    PeopleService client = SERVER.people("f5@example.com");
    List<Integer> codes = new ArrayList<>();
    BatchRequest batch = client.batch();
    JsonBatchCallback<ListOtherContactsResponse> callback =
        new JsonBatchCallback<>() {
          @Override
          public void onSuccess(ListOtherContactsResponse response, HttpHeaders headers) {
            codes.add(200);
          }

          @Override
          public void onFailure(GoogleJsonError error, HttpHeaders headers) {
            codes.add(error.getCode());
          }
        };
    client.otherContacts().list().setReadMask("names").queue(batch, callback);
    client.otherContacts().list().setReadMask("names").queue(batch, callback);
    batch.execute();

    assertThat(codes).containsExactly(503, 200);
  }

  @Test
  void clearingDisarmsEverything() throws Exception {
    arm("{\"method\":\"people.otherContacts.search\",\"error\":\"UNAVAILABLE\",\"count\":5}");
    clear();

    assertThat(
            SERVER
                .people("f4@example.com")
                .otherContacts()
                .search()
                .setQuery("x")
                .setReadMask("names")
                .execute())
        .isNotNull();
  }

  @Test
  void badFaultsAreRejected() throws Exception {
    for (String body :
        new String[] {
          "{\"method\":\"people.nothing\",\"error\":\"UNAVAILABLE\"}",
          "{\"method\":\"people.otherContacts.list\",\"error\":\"TEAPOT\"}",
          "{\"method\":\"people.otherContacts.list\",\"error\":\"UNAVAILABLE\",\"count\":0}",
          "{\"method\":\"people.otherContacts.list\",\"error\":\"UNAVAILABLE\",\"user\":\"x\"}",
          "not json"
        }) {
      HttpResponse<String> answer = SERVER.call("POST", "/emulator/v1/faults", null, body);
      assertThat(answer.statusCode()).as(body).isEqualTo(400);
      assertThat(Json.MAPPER.readTree(answer.body()).at("/error/status").asText())
          .isEqualTo("INVALID_ARGUMENT");
    }
  }
}

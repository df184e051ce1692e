// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import dev.openpeople.OpenPeopleServer;
import dev.openpeople.OpenPeopleServerExtension;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code --quotas google} through the official client: a user's writes past the per-minute limit
 * get Google's 429 with a retry hint, other users are not affected, and the next minute on the
 * server clock starts again. Limits are lowered here so that a few calls reach them.
 */
class QuotasClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER =
      new OpenPeopleServerExtension(
          OpenPeopleServer.Options.emulatorDefaults("unused")
              .withQuotas(Quotas.Limits.google().with("critical-writes=3").with("reads=2")));

  private static Person named(String givenName) {
    return new Person().setNames(List.of(new Name().setGivenName(givenName)));
  }

  /** Moves the server clock to the start of the next minute. */
  private static void nextMinute() throws Exception {
    JsonNode clock =
        Json.MAPPER.readTree(SERVER.call("GET", "/emulator/v1/clock", null, null).body());
    long now = Instant.parse(clock.path("now").asText()).getEpochSecond();
    long seconds = 60 - now % 60;
    SERVER.call("POST", "/emulator/v1/clock:advance", null, "{\"seconds\":" + seconds + "}");
  }

  @Test
  void writesPastTheLimitGet429UntilTheNextMinute() throws Exception {
    nextMinute();
    PeopleService busy = SERVER.people("busy@example.com");
    for (int i = 0; i < 3; i++) {
      busy.people().createContact(named("n" + i)).execute();
    }

    assertThatThrownBy(() -> busy.people().createContact(named("one too many")).execute())
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(429);
              assertThat(e.getDetails().getMessage())
                  .isEqualTo(
                      "Quota exceeded for quota metric 'Critical write requests' and limit"
                          + " 'Critical write requests per minute per user' of service"
                          + " 'people.googleapis.com' for consumer 'project_number:0'.");
              assertThat(e.getHeaders().getFirstHeaderStringValue("Retry-After"))
                  .matches("[1-9][0-9]?");
            });
    // Another user has a quota of their own.
    SERVER.people("calm@example.com").people().createContact(named("fine")).execute();

    nextMinute();
    busy.people().createContact(named("next minute")).execute();
  }

  @Test
  void theRawErrorCarriesErrorInfoAndRetryInfo() throws Exception {
    nextMinute();
    String user = "groups@example.com";
    for (int i = 0; i < 2; i++) {
      assertThat(SERVER.call("GET", "/v1/contactGroups", user, null).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> refused = SERVER.call("GET", "/v1/contactGroups", user, null);

    assertThat(refused.statusCode()).isEqualTo(429);
    JsonNode error = Json.MAPPER.readTree(refused.body()).path("error");
    assertThat(error.path("status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
    JsonNode info = error.path("details").get(0);
    assertThat(info.path("reason").asText()).isEqualTo("RATE_LIMIT_EXCEEDED");
    assertThat(info.path("metadata").path("quota_limit").asText())
        .isEqualTo("ReadsPerMinutePerProjectPerUser");
    JsonNode retry = error.path("details").get(1);
    assertThat(retry.path("@type").asText()).isEqualTo("type.googleapis.com/google.rpc.RetryInfo");
    assertThat(retry.path("retryDelay").asText())
        .isEqualTo(refused.headers().firstValue("Retry-After").orElseThrow() + "s");
  }
}

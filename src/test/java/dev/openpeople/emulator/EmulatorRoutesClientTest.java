// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import dev.openpeople.OpenPeopleServerExtension;
import dev.openpeople.server.Json;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The emulator controls: reset, the clock, and the health endpoints. */
class EmulatorRoutesClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  @Test
  void resetWipesAllData() throws Exception {
    Person created =
        SERVER
            .people("reset@example.com")
            .people()
            .createContact(new Person().setNames(List.of(new Name().setGivenName("Gone"))))
            .execute();

    assertThat(SERVER.call("POST", "/emulator/v1:reset", null, "{}").statusCode()).isEqualTo(200);

    assertThatThrownBy(
            () ->
                SERVER
                    .people("reset@example.com")
                    .people()
                    .get(created.getResourceName())
                    .setPersonFields("names")
                    .execute())
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
  }

  @Test
  void clockAdvancesOnRequest() throws Exception {
    JsonNode before =
        Json.MAPPER.readTree(SERVER.call("GET", "/emulator/v1/clock", null, null).body());

    HttpResponse<String> advanced =
        SERVER.call("POST", "/emulator/v1/clock:advance", null, "{\"seconds\": 3600}");

    JsonNode after = Json.MAPPER.readTree(advanced.body());
    assertThat(advanced.statusCode()).isEqualTo(200);
    assertThat(after.get("offsetSeconds").asLong() - before.get("offsetSeconds").asLong())
        .isEqualTo(3600);
    assertThat(Instant.parse(after.get("now").asText()))
        .isAfter(Instant.parse(before.get("now").asText()).plusSeconds(3599));
  }

  @Test
  void badClockBodiesAre400() throws Exception {
    for (String body : List.of("{\"seconds\": -1}", "{\"seconds\": \"x\"}", "{}", "nope")) {
      HttpResponse<String> response = SERVER.call("POST", "/emulator/v1/clock:advance", null, body);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(response.body()).contains("\"status\" : \"INVALID_ARGUMENT\"");
    }
  }

  @Test
  void healthEndpointsAnswer() throws Exception {
    assertThat(SERVER.call("GET", "/healthz", null, null).statusCode()).isEqualTo(200);
    HttpResponse<String> ready = SERVER.call("GET", "/readyz", null, null);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("ok");
  }
}

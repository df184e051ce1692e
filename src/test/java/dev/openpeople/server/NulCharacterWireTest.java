// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.OpenPeopleServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * U+0000 (which PostgreSQL cannot store in text) is refused alike on both backends with a 400 in
 * the API's own format; a request target Jetty cannot parse gets Google's JSON 400 and a {@code
 * Connection: close}, so clients do not reuse the connection Jetty drops.
 */
class NulCharacterWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static void assertInvalid(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = Json.MAPPER.readTree(response.body()).path("error");
    assertThat(error.path("status").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(error.path("message").asText()).contains("U+0000");
  }

  @Test
  void nulInABodyStringIsABadRequest() throws Exception {
    assertInvalid(
        SERVER.call(
            "POST",
            "/v1/people:createContact",
            "nulbody@example.com",
            "{\"names\":[{\"givenName\":\"A\\u0000B\"}]}"));
    assertInvalid(
        SERVER.call(
            "POST",
            "/v1/contactGroups",
            "nulbody@example.com",
            "{\"contactGroup\":{\"name\":\"\\u0000\"}}"));
    assertThat(
            SERVER
                .call(
                    "GET",
                    "/v1/people/me/connections?personFields=names",
                    "nulbody@example.com",
                    null)
                .body())
        .doesNotContain("connections");
  }

  @Test
  void nulInAQueryParameterIsABadRequestInEachApisFormat() throws Exception {
    assertInvalid(
        SERVER.call(
            "GET", "/v1/people:searchContacts?readMask=names&query=a%00", "nul@example.com", null));
    HttpResponse<String> gdata =
        SERVER.call("GET", "/m8/feeds/contacts/example.com/full?q=%00", "admin@example.com", null);
    assertThat(gdata.statusCode()).isEqualTo(400);
    assertThat(gdata.headers().firstValue("Content-Type"))
        .hasValueSatisfying(
            t -> assertThat(t).startsWith("application/vnd.google.gdata.error+xml"));
    assertThat(gdata.body()).contains("U+0000");
  }

  @Test
  void unparseableTargetIsAJsonErrorThatClosesTheConnection() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> bad =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(SERVER.baseUrl() + "m8/feeds/contacts/x.com/full/%00"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Connection")).hasValue("close");
    assertThat(Json.MAPPER.readTree(bad.body()).path("error").path("code").asInt()).isEqualTo(400);
    HttpResponse<String> next =
        http.send(
            HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + "v1/people:createContact"))
                .header("Authorization", "Bearer nul@example.com")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"names\":[{\"givenName\":\"Ok\"}]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(next.statusCode()).as("a POST right after, same client").isEqualTo(200);
  }
}

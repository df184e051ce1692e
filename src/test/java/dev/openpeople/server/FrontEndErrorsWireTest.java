// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.OpenPeopleServerExtension;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests Jetty refuses before the application sees them still get an answer in the API's own
 * format, for every HTTP method: Google's JSON error, or GData XML under {@code /m8/feeds}.
 */
class FrontEndErrorsWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static String send(String method, String target, String... headers) throws Exception {
    return RawHttp.exchange(SERVER.server().port(), method, target, headers);
  }

  private static JsonNode jsonError(String answer, int status) {
    assertThat(RawHttp.status(answer)).isEqualTo(status);
    assertThat(answer).containsIgnoringCase("Content-Type: application/json");
    JsonNode error =
        Json.parse(RawHttp.body(answer).getBytes(StandardCharsets.UTF_8)).path("error");
    assertThat(error.path("code").asInt()).isEqualTo(status);
    return error;
  }

  @Test
  void encodedSlashInAPathIsAJsonError() throws Exception {
    JsonNode error = jsonError(send("GET", "/v1/people/%2F?personFields=names"), 400);

    assertThat(error.path("status").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(error.path("message").asText()).isEqualTo("Ambiguous URI path separator");
  }

  @Test
  void patchWithAnEncodedSlashGetsABodyToo() throws Exception {
    JsonNode error =
        jsonError(
            send(
                "PATCH",
                "/v1/people/%2F:updateContact?updatePersonFields=names",
                "Authorization: Bearer edge@example.com"),
            400);

    assertThat(error.path("status").asText()).isEqualTo("INVALID_ARGUMENT");
  }

  @Test
  void emptySegmentAndNulInAPathAreJsonErrors() throws Exception {
    assertThat(jsonError(send("GET", "/v1//people/me"), 400).path("message").asText())
        .isEqualTo("Ambiguous URI empty segment");
    assertThat(jsonError(send("DELETE", "/v1/people/c1%00:deleteContact"), 400).path("status"))
        .hasToString("\"INVALID_ARGUMENT\"");
  }

  @Test
  void aUrlOverTheLimitIs414InJson() throws Exception {
    String target = "/v1/people:batchGet?personFields=names&x=" + "a".repeat(20_000);

    JsonNode error = jsonError(send("GET", target), 414);

    assertThat(error.path("message").asText())
        .isEqualTo("The requested URL is too large to process.");
  }

  @Test
  void headersOverTheLimitAre431InJson() throws Exception {
    JsonNode error = jsonError(send("GET", "/v1/people/me", "X-Big: " + "b".repeat(20_000)), 431);

    assertThat(error.path("status").asText()).isEqualTo("INVALID_ARGUMENT");
  }

  @Test
  void underTheGDataFeedsTheErrorIsGDataXml() throws Exception {
    String answer = send("GET", "/m8/feeds/contacts/example.com/full/%2F");

    assertThat(RawHttp.status(answer)).isEqualTo(400);
    assertThat(answer).contains("Content-Type: application/vnd.google.gdata.error+xml");
    assertThat(RawHttp.body(answer))
        .contains("<code>invalidArgument</code>", "Ambiguous URI path separator");
  }
}

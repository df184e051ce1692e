// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.OpenPeopleServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** By default the body limit is Google's: JSON over 10 MiB is refused with Google's message. */
class DefaultPayloadLimitWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private HttpResponse<String> createContact(int givenNameBytes) throws Exception {
    String body = "{\"names\":[{\"givenName\":\"" + "x".repeat(givenNameBytes) + "\"}]}";
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + "v1/people:createContact"))
                .header("Authorization", "Bearer limit@example.com")
                .header("Content-Type", "application/json")
                // With 100-continue the refusal arrives before the body is sent; without it the
                // client may still be writing when the server answers and closes, a race on the
                // client side that has nothing to do with the server's reply.
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aTwentyMegabyteContactIsRefusedWithGooglesMessage() throws Exception {
    HttpResponse<String> response = createContact(20_000_000);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains(
            "\"message\" : \"Request payload size exceeds the limit: 10485760 bytes.\"",
            "\"status\" : \"INVALID_ARGUMENT\"");
  }

  @Test
  void justOverTheLimitIsRefusedAndJustUnderIsRead() throws Exception {
    int wrapper = "{\"names\":[{\"givenName\":\"\"}]}".length();

    HttpResponse<String> over = createContact(10 * 1024 * 1024 - wrapper + 1);
    HttpResponse<String> under = createContact(10 * 1024 * 1024 - wrapper);

    assertThat(over.statusCode()).isEqualTo(400);
    assertThat(over.body()).contains("10485760 bytes");
    assertThat(under.body()).doesNotContain("Request payload size exceeds the limit");
  }
}

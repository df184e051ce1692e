// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.OpenPeopleServer;
import dev.openpeople.OpenPeopleServerExtension;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bodies over the configured limit get 400 in Google's format, gzip bombs included. */
class PayloadLimitWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER =
      new OpenPeopleServerExtension(
          OpenPeopleServer.Options.builder("unused").maxBodyBytes(1024).build());

  private HttpResponse<String> post(byte[] body, boolean gzip) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + "v1/people:createContact"))
            .header("Authorization", "Bearer big@example.com")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (gzip) {
      request.header("Content-Encoding", "gzip");
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void oversizedBodyIs400LikeGoogle() throws Exception {
    String big = "{\"names\":[{\"givenName\":\"" + "x".repeat(4000) + "\"}]}";

    HttpResponse<String> response = post(big.getBytes(StandardCharsets.UTF_8), false);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("Request payload size exceeds the limit: 1024 bytes.", "INVALID_ARGUMENT");
  }

  @Test
  void gzipBombIs400NotA500() throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write(new byte[1_000_000]);
    }

    HttpResponse<String> response = post(zipped.toByteArray(), true);

    assertThat(zipped.size()).isLessThan(1024 * 2);
    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void smallBodiesStillWork() throws Exception {
    assertThat(
            post("{\"names\":[{\"givenName\":\"ok\"}]}".getBytes(StandardCharsets.UTF_8), false)
                .statusCode())
        .isEqualTo(200);
  }
}

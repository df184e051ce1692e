// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.OpenPeopleServer;
import dev.openpeople.OpenPeopleServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A body over --max-body-bytes is refused before parsing, in the GData error format. */
class GDataPayloadLimitWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER =
      new OpenPeopleServerExtension(
          OpenPeopleServer.Options.builder("unused").maxBodyBytes(4096).build());

  @Test
  void oversizedBodyIsAGDataError() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(SERVER.baseUrl() + "m8/feeds/contacts/big.example.com/full"))
                    .header("Authorization", "Bearer admin@big.example.com")
                    .header("Content-Type", "application/atom+xml")
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(10_000)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/vnd.google.gdata.error+xml");
    assertThat(response.body()).contains("<code>invalidArgument</code>");
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.OpenPeopleServerExtension;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Google's front end does for every API: CORS (preflights answered for any origin, responses
 * marked with {@code Access-Control-Allow-Origin}), gzip only for {@code Accept-Encoding: gzip}
 * plus a User-Agent containing "gzip", and {@code HEAD}.
 */
class GoogleFrontEndWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final String APP = "http://localhost:3000";
  private static final String DISCOVERY = "$discovery/rest?version=v1";
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + path));
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void preflightFromABrowserAppIsAllowed() throws Exception {
    HttpResponse<byte[]> response =
        send(
            request("v1/people/c1:updateContact?updatePersonFields=names")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", APP)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow())
        .contains("PATCH", "DELETE", "PROPFIND", "REPORT");
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
        .containsIgnoringCase("authorization")
        .contains("*");
  }

  @Test
  void apiAnswersAndErrorsCarryTheAllowOrigin() throws Exception {
    HttpResponse<byte[]> ok =
        send(
            request("v1/people/me?personFields=names")
                .header("Origin", APP)
                .header("Authorization", "Bearer cors@example.com"));
    HttpResponse<byte[]> unauthenticated =
        send(request("v1/people/me?personFields=names").header("Origin", APP));

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(unauthenticated.statusCode()).isEqualTo(401);
    assertThat(unauthenticated.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
  }

  @Test
  void theDiscoveryDocumentLoadsCrossOrigin() throws Exception {
    HttpResponse<byte[]> response = send(request(DISCOVERY).header("Origin", APP));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
  }

  @Test
  void gzipNeedsAcceptEncodingAndAUserAgentSayingGzip() throws Exception {
    HttpResponse<byte[]> plain = send(request(DISCOVERY));
    HttpResponse<byte[]> gzipped =
        send(
            request(DISCOVERY)
                .header("Accept-Encoding", "gzip")
                .header("User-Agent", "my-app (gzip)"));
    HttpResponse<byte[]> agentWithoutGzip =
        send(request(DISCOVERY).header("Accept-Encoding", "gzip").header("User-Agent", "my-app"));

    assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gzipped.body().length).isLessThan(plain.body().length / 3);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
      assertThat(in.readAllBytes()).isEqualTo(plain.body());
    }
    assertThat(agentWithoutGzip.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(agentWithoutGzip.body()).isEqualTo(plain.body());
  }

  @Test
  void headAnswersLikeGetWithoutTheBody() throws Exception {
    String path = "v1/people/me?personFields=names";
    HttpResponse<byte[]> get =
        send(request(path).header("Authorization", "Bearer head@example.com"));
    HttpResponse<byte[]> head =
        send(
            request(path)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer head@example.com"));
    HttpResponse<byte[]> headWithoutCredentials =
        send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("Content-Length"))
        .hasValue(Integer.toString(get.body().length));
    assertThat(head.headers().firstValue("Content-Type"))
        .hasValue(get.headers().firstValue("Content-Type").orElseThrow());
    assertThat(new String(get.body(), StandardCharsets.UTF_8)).contains("resourceName");
    assertThat(headWithoutCredentials.statusCode()).isEqualTo(401);
    assertThat(headWithoutCredentials.body()).isEmpty();
  }
}

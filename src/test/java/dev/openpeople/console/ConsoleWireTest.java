// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.OpenPeopleServerExtension;
import dev.openpeople.TestJwts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console's static serving, raw: types, security headers, caching, 404s, both modes. */
class ConsoleWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  /** Production mode (JWT auth, no emulator routes): the assets are still public. */
  @RegisterExtension
  static final OpenPeopleServerExtension PRODUCTION =
      new OpenPeopleServerExtension(new TestJwts("console").serverOptions());

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> get(
      OpenPeopleServerExtension server, String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path.substring(1)));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theRootIsTheConsolePageWithAStrictPolicy() throws Exception {
    HttpResponse<String> page = get(SERVER, "/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
    assertThat(page.body()).contains("<title>OpenPeople console</title>");
    assertThat(page.body()).contains("<script type=\"module\" src=\"/console/app.js\"></script>");
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'")
        .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    // No inline script or style anywhere: everything the CSP allows comes from /console/.
    assertThat(page.body())
        .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
        .doesNotContain("style=");
  }

  @Test
  void assetsCarryTheirTypesAndRevalidateWithEtags() throws Exception {
    for (String[] asset :
        new String[][] {
          {"/console/app.js", "text/javascript; charset=UTF-8"},
          {"/console/contacts.js", "text/javascript; charset=UTF-8"},
          {"/console/console.css", "text/css; charset=UTF-8"},
          {"/console/icon.svg", "image/svg+xml"}
        }) {
      HttpResponse<String> first = get(SERVER, asset[0]);
      assertThat(first.statusCode()).as(asset[0]).isEqualTo(200);
      assertThat(first.headers().firstValue("Content-Type")).hasValue(asset[1]);
      assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
      String etag = first.headers().firstValue("ETag").orElseThrow();
      assertThat(etag).matches("\"[0-9a-f]{32}\"");
      HttpResponse<String> again = get(SERVER, asset[0], "If-None-Match", etag);
      assertThat(again.statusCode()).isEqualTo(304);
      assertThat(again.body()).isEmpty();
      assertThat(again.headers().firstValue("ETag")).hasValue(etag);
      assertThat(get(SERVER, asset[0], "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void unknownAssetsAreGoogleStyle404s() throws Exception {
    for (String path :
        new String[] {
          "/console/nope.js", "/console/app.exe", "/console/../pom.xml", "/console/", "/index.html"
        }) {
      HttpResponse<String> missing = get(SERVER, path);
      assertThat(missing.statusCode()).as(path).isEqualTo(404);
      assertThat(missing.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/json");
      assertThat(missing.body()).containsPattern("\"status\" ?: \"NOT_FOUND\"");
    }
  }

  @Test
  void productionModeServesTheAssetsToAnyoneButNoEmulatorRoutes() throws Exception {
    HttpResponse<String> page = get(PRODUCTION, "/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(get(PRODUCTION, "/console/app.js").statusCode()).isEqualTo(200);
    // The console finds its mode by this route; its data calls need a verified token.
    assertThat(get(PRODUCTION, "/emulator/v1/clock").statusCode()).isEqualTo(404);
    assertThat(get(PRODUCTION, "/emulator/v1/users?domain=example.com").statusCode())
        .isEqualTo(404);
    assertThat(
            get(
                    PRODUCTION,
                    "/v1/people/me/connections?personFields=names",
                    "Authorization",
                    "Bearer a@b.c")
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void emulatorUsersArePagedByAddressWithinADomain() throws Exception {
    for (String user :
        new String[] {
          "carol@list.example", "alice@list.example", "bob@list.example", "zed@other.example"
        }) {
      SERVER.call("GET", "/v1/people/me/connections?personFields=names", user, null);
    }
    HttpResponse<String> first = get(SERVER, "/emulator/v1/users?domain=list.example&pageSize=2");
    assertThat(first.statusCode()).isEqualTo(200);
    var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(first.body());
    assertThat(body.path("users").findValuesAsText("email"))
        .containsExactly("alice@list.example", "bob@list.example");
    assertThat(body.path("users").get(0).path("resourceName").asText()).startsWith("people/1");
    String next = body.path("nextPageToken").asText();
    var second =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                get(SERVER, "/emulator/v1/users?domain=list.example&pageSize=2&pageToken=" + next)
                    .body());
    assertThat(second.path("users").findValuesAsText("email"))
        .containsExactly("carol@list.example");
    assertThat(second.has("nextPageToken")).isFalse();
    assertThat(get(SERVER, "/emulator/v1/users").statusCode()).isEqualTo(400);
    assertThat(get(SERVER, "/emulator/v1/users?domain=list.example&pageToken=!!!").statusCode())
        .isEqualTo(400);
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.OpenPeopleServerExtension;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bytes of the GData feed the client hides: entry and feed XML, headers, error bodies. */
class GDataWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  static final String ADMIN = "admin@wire.example.com";
  static final String FEED = "/m8/feeds/contacts/wire.example.com/full";
  static final String ATOM = "application/atom+xml; charset=UTF-8";
  static final String ERRORS = "application/vnd.google.gdata.error+xml";

  static final String SAM =
      "<atom:entry xmlns:atom='http://www.w3.org/2005/Atom'"
          + " xmlns:gd='http://schemas.google.com/g/2005'>"
          + "<atom:category scheme='http://schemas.google.com/g/2005#kind'"
          + " term='http://schemas.google.com/contact/2008#contact'/>"
          + "<gd:name><gd:givenName>Sam</gd:givenName><gd:familyName>Lee</gd:familyName>"
          + "<gd:fullName>Sam Lee</gd:fullName></gd:name>"
          + "<atom:content type='text'>Supplier contact</atom:content>"
          + "<gd:email rel='http://schemas.google.com/g/2005#work' primary='true'"
          + " address='sam@vendor.test'/>"
          + "<gd:extendedProperty name='crm-id' value='A-1042'/>"
          + "</atom:entry>";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeEach
  void reset() throws Exception {
    SERVER.reset();
  }

  static HttpResponse<String> send(
      String method, String path, String token, String body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + path.substring(1)))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .header("GData-Version", "3.0");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/atom+xml; charset=UTF-8");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String golden(String name) throws Exception {
    try (InputStream in = GDataWireTest.class.getResourceAsStream("/golden/gdata/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  /** Replaces the origin, ids, etags and times, which change per run. */
  static String normalize(String xml) {
    String out = xml.replace(SERVER.baseUrl(), "ORIGIN/");
    out = out.replaceAll("/([0-9a-f]{16})(['<?/])", "/ID$2");
    out = out.replaceAll("start-key=[0-9a-f]{16}", "start-key=ID");
    out = out.replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z", "TIME");
    out = out.replaceAll("gd:etag='\"[^\"']*\"'", "gd:etag='ETAG'");
    out = out.replaceAll("gd:etag='W/\"[^\"']*\"'", "gd:etag='FEEDETAG'");
    return out.replaceAll("/batch/\\d+<", "/batch/N<");
  }

  static void assertError(HttpResponse<String> response, int status, String golden)
      throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(ERRORS);
    assertThat(response.body()).isEqualTo(golden(golden));
  }

  static String create(String body) throws Exception {
    HttpResponse<String> created = send("POST", FEED, ADMIN, body);
    assertThat(created.statusCode()).isEqualTo(201);
    Matcher id = Pattern.compile("/base/([0-9a-f]+)<").matcher(created.body());
    assertThat(id.find()).isTrue();
    return id.group(1);
  }

  static String etag(String path) throws Exception {
    return send("GET", path, ADMIN, null).headers().firstValue("ETag").orElseThrow();
  }

  @Test
  void createdEntryXmlAndHeadersArePinned() throws Exception {
    HttpResponse<String> created = send("POST", FEED, ADMIN, SAM);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Content-Type")).hasValue(ATOM);
    assertThat(created.headers().firstValue("GData-Version")).hasValue("3.0");
    String etag = created.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).matches("\"[A-Za-z0-9+/=]+\"");
    assertThat(created.body()).contains("gd:etag='" + etag + "'");
    assertThat(created.headers().firstValue("Location").orElseThrow())
        .startsWith(SERVER.baseUrl() + FEED.substring(1) + "/");
    assertThat(normalize(created.body())).isEqualTo(golden("entry.xml"));
    String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
    HttpResponse<String> thin = send("GET", FEED.replace("/full", "/thin") + "/" + id, ADMIN, null);
    assertThat(normalize(thin.body()))
        .isEqualTo(
            golden("entry.xml")
                .replace("<gd:extendedProperty name='crm-id' value='A-1042'/>", "")
                .replace("/full/", "/thin/"));
  }

  @Test
  void feedXmlIsPinned() throws Exception {
    create(SAM);
    create(SAM.replace("Sam", "Kim"));
    HttpResponse<String> feed = send("GET", FEED + "?max-results=1", ADMIN, null);
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type")).hasValue(ATOM);
    String body = normalize(feed.body());
    // Which entry comes first depends on the random ids; pin everything else.
    body = body.replace("Kim", "Sam").replace("kim@", "sam@");
    assertThat(body).isEqualTo(golden("feed.xml"));
    String feedEtag = feed.headers().firstValue("ETag").orElseThrow();
    assertThat(
            send("GET", FEED + "?max-results=1", ADMIN, null, "If-None-Match", feedEtag)
                .statusCode())
        .isEqualTo(304);
  }

  @Test
  void writesNeedAMatchingEtag() throws Exception {
    String id = create(SAM);
    String path = FEED + "/" + id;
    assertError(send("PUT", path, ADMIN, SAM), 403, "etag-required.xml");
    assertError(send("PUT", path, ADMIN, SAM, "If-Match", "\"stale\""), 412, "etag-mismatch.xml");
    assertError(send("DELETE", path, ADMIN, null), 403, "etag-required.xml");
    String current = etag(path);
    assertThat(
            send("PUT", path, ADMIN, SAM.replace("Sam Lee", "Sam Li"), "If-Match", current)
                .statusCode())
        .isEqualTo(200);
    assertThat(send("GET", path, ADMIN, null).body()).contains("<title>Sam Li</title>");
    assertThat(send("PUT", path, ADMIN, SAM, "If-Match", "*").statusCode()).isEqualTo(200);
    HttpResponse<String> entry = send("GET", path, ADMIN, null);
    assertThat(send("GET", path, ADMIN, null, "If-None-Match", etag(path)).statusCode())
        .isEqualTo(304);
    assertThat(entry.body()).contains("<title>Sam Lee</title>");
    // POST + X-HTTP-Method-Override: DELETE, for firewalls that drop DELETE
    // (https://developers.google.com/gdata/docs/2.0/reference).
    assertThat(
            send("POST", path, ADMIN, null, "X-HTTP-Method-Override", "DELETE", "If-Match", "*")
                .statusCode())
        .isEqualTo(200);
    assertThat(send("GET", path, ADMIN, null).statusCode()).isEqualTo(404);
  }

  @Test
  void accessIsLimitedToTheDomainAndItsAdministrators() throws Exception {
    assertError(send("GET", FEED, "eve@elsewhere.example.org", null), 403, "forbidden-read.xml");
    assertError(send("POST", FEED, "eve@elsewhere.example.org", SAM), 403, "forbidden-read.xml");
    assertError(send("GET", FEED, null, null), 401, "unauthenticated.xml");
    String jwtReadOnly = jwt("reader@wire.example.com", "https://www.google.com/m8/feeds/");
    assertThat(send("GET", FEED, jwtReadOnly, null).statusCode()).isEqualTo(200);
    String peopleOnly = jwt("admin@wire.example.com", "contacts.readonly");
    assertError(send("POST", FEED, peopleOnly, SAM), 403, "scope-insufficient.xml");
    HttpResponse<String> legacy =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + FEED.substring(1)))
                .header("Authorization", "GoogleLogin auth=" + ADMIN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(legacy.statusCode()).isEqualTo(200);
  }

  static String jwt(String email, String scope) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    String claims =
        b64.encodeToString(
            ("{\"email\":\"" + email + "\",\"scope\":\"" + scope + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    return header + "." + claims + ".";
  }
}

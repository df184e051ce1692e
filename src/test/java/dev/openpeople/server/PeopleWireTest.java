// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.OpenPeopleServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bytes the clients hide: error bodies (golden files), headers, system parameters, overrides. */
class PeopleWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final String USER = "wire@example.com";
  private final HttpClient http = HttpClient.newHttpClient();

  static JsonNode golden(String name) throws Exception {
    try (InputStream in = PeopleWireTest.class.getResourceAsStream("/golden/people/" + name)) {
      return Json.MAPPER.readTree(in);
    }
  }

  private static void assertError(HttpResponse<String> response, int code, String golden)
      throws Exception {
    assertThat(response.statusCode()).isEqualTo(code);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=UTF-8");
    assertThat(Json.MAPPER.readTree(response.body())).isEqualTo(golden(golden));
  }

  private String createContact() throws Exception {
    HttpResponse<String> created =
        SERVER.call(
            "POST", "/v1/people:createContact", USER, "{\"names\":[{\"givenName\":\"Wire\"}]}");
    assertThat(created.statusCode()).isEqualTo(200);
    return Json.MAPPER.readTree(created.body()).get("resourceName").asText();
  }

  @Test
  void errorBodiesMatchGoogles() throws Exception {
    assertError(
        SERVER.call("GET", "/v1/people/me?personFields=names&foo=1", USER, null),
        400,
        "unknown-query-param.json");
    assertError(SERVER.call("GET", "/v1/people/me", USER, null), 400, "missing-person-fields.json");
    assertError(
        SERVER.call("GET", "/v1/people/me?personFields=foo", USER, null),
        400,
        "bad-mask-path.json");
    assertError(
        SERVER.call("GET", "/v1/people/c12345?personFields=names", USER, null),
        404,
        "not-found.json");
    assertError(
        SERVER.call("GET", "/v1/people/me?personFields=names", null, null),
        401,
        "credentials-missing.json");
    assertError(
        SERVER.call("POST", "/v1/people:createContact", USER, "{\"nickName\":[]}"),
        400,
        "unknown-body-field.json");
  }

  @Test
  void staleEtagIsFailedPrecondition() throws Exception {
    String name = createContact();
    assertError(
        SERVER.call(
            "PATCH",
            "/v1/" + name + ":updateContact?updatePersonFields=names",
            USER,
            "{\"etag\":\"%stale\",\"names\":[{\"givenName\":\"X\"}]}"),
        400,
        "etag-mismatch.json");
  }

  @Test
  void malformedAndMistypedInputIs400NeverA500() throws Exception {
    String[][] cases = {
      {"POST", "/v1/people:createContact", "{\"names\": ["},
      {"POST", "/v1/people:createContact", "{\"names\": \"x\"}"},
      {"POST", "/v1/people:createContact", "{\"names\": [{\"givenName\": 5}]}"},
      {"POST", "/v1/people:createContact", "[1,2]"},
      {"GET", "/v1/people/me/connections?personFields=names&pageSize=abc", null},
      {"GET", "/v1/people/me/connections?personFields=names&requestSyncToken=maybe", null},
      {"GET", "/v1/people/me?personFields=names&sources=FOO", null},
      {"GET", "/v1/people/me?personFields=names&alt=media", null},
      {"GET", "/v1/people/cabc?personFields=names", null},
      {"GET", "/v1/people:batchGet?personFields=names&resourceNames=people/x/y", null},
    };
    for (String[] c : cases) {
      HttpResponse<String> response = SERVER.call(c[0], c[1], USER, c[2]);
      assertThat(response.statusCode()).as(c[0] + " " + c[1] + " " + c[2]).isEqualTo(400);
      assertThat(Json.MAPPER.readTree(response.body()).at("/error/status").asText())
          .isEqualTo("INVALID_ARGUMENT");
    }
    assertThat(SERVER.call("GET", "/v2/nothing", USER, null).statusCode()).isEqualTo(404);
  }

  @Test
  void snakeCaseFieldNamesAreAcceptedAsByGooglesParser() throws Exception {
    HttpResponse<String> created =
        SERVER.call(
            "POST",
            "/v1/people:createContact",
            USER,
            "{\"names\":[{\"given_name\":\"Snake\",\"family_name\":\"Case\"}]}");

    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(created.body()).at("/names/0/displayName").asText())
        .isEqualTo("Snake Case");
  }

  @Test
  void systemParametersShapeTheResponse() throws Exception {
    String name = createContact();
    HttpResponse<String> partial =
        SERVER.call(
            "GET",
            "/v1/"
                + name
                + "?personFields=names,metadata&fields=names(givenName),etag"
                + "&prettyPrint=false&%24.xgafv=2&alt=json&key=k&quotaUser=q",
            USER,
            null);

    assertThat(partial.statusCode()).isEqualTo(200);
    JsonNode body = Json.MAPPER.readTree(partial.body());
    assertThat(body.has("resourceName")).isFalse();
    assertThat(body.has("metadata")).isFalse();
    assertThat(body.at("/names/0/givenName").asText()).isEqualTo("Wire");
    assertThat(body.at("/names/0/displayName").isMissingNode()).isTrue();
    assertThat(partial.body()).doesNotContain("\n");
    assertThat(SERVER.call("GET", "/v1/" + name + "?personFields=names", USER, null).body())
        .contains("\n  ");
  }

  @Test
  void methodOverrideAndLongGetAsPostWork() throws Exception {
    String name = createContact();
    HttpResponse<String> etagged =
        SERVER.call("GET", "/v1/" + name + "?personFields=names", USER, null);
    String etag = Json.MAPPER.readTree(etagged.body()).get("etag").asText();
    HttpRequest patch =
        HttpRequest.newBuilder(
                URI.create(
                    SERVER.baseUrl() + "v1/" + name + ":updateContact?updatePersonFields=names"))
            .header("Authorization", "Bearer " + USER)
            .header("X-HTTP-Method-Override", "PATCH")
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"etag\":\"" + etag + "\",\"names\":[{\"givenName\":\"Patched\"}]}"))
            .build();
    assertThat(http.send(patch, HttpResponse.BodyHandlers.ofString()).body()).contains("Patched");

    HttpRequest longGet =
        HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + "v1/people:batchGet"))
            .header("Authorization", "Bearer " + USER)
            .header("X-HTTP-Method-Override", "GET")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "personFields=names&resourceNames=" + name + "&resourceNames=people%2Fc1"))
            .build();
    JsonNode batch =
        Json.MAPPER.readTree(http.send(longGet, HttpResponse.BodyHandlers.ofString()).body());
    assertThat(batch.at("/responses/0/person/names/0/givenName").asText()).isEqualTo("Patched");
    assertThat(batch.at("/responses/1/status/code").asInt()).isEqualTo(5);
  }

  @Test
  void gzipRequestBodiesAreInflated() throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write("{\"names\":[{\"givenName\":\"Zipped\"}]}".getBytes(StandardCharsets.UTF_8));
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + "v1/people:createContact"))
            .header("Authorization", "Bearer " + USER)
            .header("Content-Encoding", "gzip")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray()))
            .build();

    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("Zipped");
  }

  @Test
  void discoveryDocumentPointsAtThisServer() throws Exception {
    for (String path :
        new String[] {"/$discovery/rest?version=v1", "/discovery/v1/apis/people/v1/rest"}) {
      JsonNode doc = Json.MAPPER.readTree(SERVER.call("GET", path, null, null).body());
      assertThat(doc.get("rootUrl").asText()).isEqualTo(SERVER.baseUrl());
      assertThat(doc.get("mtlsRootUrl").asText()).isEqualTo(SERVER.baseUrl());
      assertThat(doc.get("baseUrl").asText()).isEqualTo(SERVER.baseUrl());
      assertThat(doc.get("batchPath").asText()).isEqualTo("batch");
    }
    assertThat(SERVER.call("GET", "/$discovery/rest?version=v2", null, null).statusCode())
        .isEqualTo(400);
  }
}

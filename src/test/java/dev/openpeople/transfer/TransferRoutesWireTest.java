// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.OpenPeopleServerExtension;
import dev.openpeople.server.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The emulator's import and export routes over raw HTTP (emulator mode). */
class TransferRoutesWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  static final String USER = "/emulator/v1/users/wire@example.com";
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void reset() throws Exception {
    SERVER.reset();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + path.substring(1))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String fixture(String name) throws Exception {
    return Files.readString(Path.of("src/test/resources/transfer", name));
  }

  @Test
  void importReportsWhatItSkippedWithCardNumbers() throws Exception {
    HttpResponse<String> response =
        SERVER.post(USER + ":import", "text/vcard; charset=utf-8", fixture("contacts-v3.vcf"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode report = Json.MAPPER.readTree(response.body());
    assertThat(report.path("imported").asInt()).isEqualTo(3);
    assertThat(report.path("skipped").asInt()).isEqualTo(2);
    assertThat(report.path("skippedEntries").get(0).path("where").asText())
        .isEqualTo("card 2 (line 10)");
    assertThat(report.path("skippedEntries").get(1).path("reason").asText())
        .isEqualTo("Only vCard 3.0 and 4.0 are accepted.");
  }

  @Test
  void formatComesFromTheParameterTheContentTypeOrTheContent() throws Exception {
    assertThat(
            SERVER
                .post(USER + ":import?format=csv", "text/plain", fixture("google-legacy.csv"))
                .body())
        .contains("\"imported\" : 2");
    assertThat(
            SERVER
                .post(USER + ":import", "application/octet-stream", fixture("people.jsonl"))
                .body())
        .contains("\"imported\" : 2");
    HttpResponse<String> bad = SERVER.post(USER + ":import?format=xml", "text/plain", "x");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .contains("INVALID_ARGUMENT")
        .contains("format must be vcard, csv or json");
    assertThat(
            SERVER.post("/emulator/v1/users/not-an-address:import", "text/vcard", "").statusCode())
        .isEqualTo(400);
  }

  @Test
  void exportInEachFormat() throws Exception {
    SERVER.post(USER + ":import", "text/vcard", fixture("contacts-v3.vcf"));
    HttpResponse<String> csv = get(USER + ":export?format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=UTF-8");
    assertThat(csv.body())
        .startsWith("First Name,Middle Name,Last Name,")
        .contains("Ada,,Lovelace,");
    HttpResponse<String> vcard = get(USER + ":export?format=vcard&version=4.0");
    assertThat(vcard.headers().firstValue("Content-Type")).hasValue("text/vcard; charset=UTF-8");
    assertThat(vcard.body()).contains("VERSION:4.0").contains("CATEGORIES:Friends,Mathematicians");
    assertThat(vcard.body().split("BEGIN:VCARD", -1)).hasSize(4);
    JsonNode json = Json.MAPPER.readTree(get(USER + ":export?format=json").body());
    assertThat(json.size()).isEqualTo(3);
    assertThat(json.get(0).path("resourceName").asText()).startsWith("people/c");
    assertThat(get(USER + ":export?format=pdf").statusCode()).isEqualTo(400);
    assertThat(get(USER + ":export?format=vcard&version=2.1").statusCode()).isEqualTo(400);
  }
}

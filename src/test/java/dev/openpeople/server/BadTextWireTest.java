// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.OpenPeopleServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Text with no place in a database or a UTF-8 reply (an unpaired surrogate, a NUL) is a 400 before
 * anything is written, on every entry point: JSON bodies, query strings and GData XML.
 */
class BadTextWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final String USER = "text@bad.example.com";
  private static final String FEED = "/m8/feeds/contacts/bad.example.com/full";
  // JSON text spelled with the escapes the request carries: backslash-u-d800 and backslash-u-0000.
  private static final String LONE_SURROGATE = "A" + "\\" + "ud800B";
  private static final String NUL = "A" + "\\" + "u0000B";

  @BeforeEach
  void reset() throws Exception {
    SERVER.reset();
  }

  private static void assertInvalid(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = Json.MAPPER.readTree(response.body()).get("error");
    assertThat(error.get("status").asText()).isEqualTo("INVALID_ARGUMENT");
  }

  private static int connectionCount() throws Exception {
    HttpResponse<String> list =
        SERVER.call("GET", "/v1/people/me/connections?personFields=names", USER, null);
    assertThat(list.statusCode()).isEqualTo(200);
    return Json.MAPPER.readTree(list.body()).path("totalPeople").asInt();
  }

  @Test
  void createContactWithLoneSurrogateIsRejectedBeforeWriting() throws Exception {
    assertInvalid(
        SERVER.call(
            "POST",
            "/v1/people:createContact",
            USER,
            "{\"names\":[{\"givenName\":\"" + LONE_SURROGATE + "\"}]}"));
    assertThat(connectionCount()).isZero();
  }

  @Test
  void batchCreateWithOneLoneSurrogateWritesNothing() throws Exception {
    StringBuilder body = new StringBuilder("{\"readMask\":\"names\",\"contacts\":[");
    for (int i = 0; i < 200; i++) {
      String given = i == 199 ? LONE_SURROGATE : "Person" + i;
      body.append(i == 0 ? "" : ",")
          .append("{\"contactPerson\":{\"names\":[{\"givenName\":\"")
          .append(given)
          .append("\"}]}}");
    }
    body.append("]}");
    assertInvalid(SERVER.call("POST", "/v1/people:batchCreateContacts", USER, body.toString()));
    assertThat(connectionCount()).isZero();
  }

  @Test
  void nulInContactGroupOrFieldNameIsRejected() throws Exception {
    assertInvalid(
        SERVER.call(
            "POST",
            "/v1/people:createContact",
            USER,
            "{\"emailAddresses\":[{\"value\":\"" + NUL + "@example.com\"}]}"));
    assertInvalid(
        SERVER.call(
            "POST", "/v1/contactGroups", USER, "{\"contactGroup\":{\"name\":\"" + NUL + "\"}}"));
    assertInvalid(
        SERVER.call(
            "POST",
            "/v1/people:createContact",
            USER,
            "{\"names\":[{\"givenName\":\"x\"}],\"" + NUL + "\":1}"));
    assertThat(connectionCount()).isZero();
    HttpResponse<String> groups = SERVER.call("GET", "/v1/contactGroups", USER, null);
    assertThat(Json.MAPPER.readTree(groups.body()).path("contactGroups").toString())
        .doesNotContain("USER_CONTACT_GROUP");
  }

  @Test
  void nulInSearchQueryIsRejected() throws Exception {
    assertInvalid(
        SERVER.call("GET", "/v1/people:searchContacts?query=A%00B&readMask=names", USER, null));
    assertInvalid(
        SERVER.call("GET", "/v1/otherContacts:search?query=A%00B&readMask=names", USER, null));
  }

  @Test
  void gdataQueryAndEntryWithNulAreRejected() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> query =
        http.send(
            HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + FEED.substring(1) + "?q=A%00B"))
                .header("Authorization", "Bearer " + USER)
                .header("GData-Version", "3.0")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(query.statusCode()).isEqualTo(400);
    assertThat(query.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.google.gdata.error+xml");

    for (String name : new String[] {"A&#0;B", "A&#xD800;B"}) {
      String entry =
          "<atom:entry xmlns:atom='http://www.w3.org/2005/Atom'"
              + " xmlns:gd='http://schemas.google.com/g/2005'>"
              + "<atom:category scheme='http://schemas.google.com/g/2005#kind'"
              + " term='http://schemas.google.com/contact/2008#contact'/>"
              + "<gd:name><gd:fullName>"
              + name
              + "</gd:fullName></gd:name></atom:entry>";
      HttpResponse<String> insert =
          http.send(
              HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + FEED.substring(1)))
                  .header("Authorization", "Bearer " + USER)
                  .header("GData-Version", "3.0")
                  .header("Content-Type", "application/atom+xml; charset=UTF-8")
                  .POST(HttpRequest.BodyPublishers.ofString(entry, StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(insert.statusCode()).as(insert.body()).isEqualTo(400);
    }
    HttpResponse<String> feed =
        http.send(
            HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + FEED.substring(1)))
                .header("Authorization", "Bearer " + USER)
                .header("GData-Version", "3.0")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(feed.body()).doesNotContain("<entry");
  }
}

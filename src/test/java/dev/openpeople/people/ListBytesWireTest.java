// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.OpenPeopleServer;
import dev.openpeople.OpenPeopleServerExtension;
import dev.openpeople.server.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The exact bytes of Person responses (list pages, people.get, getBatchGet, written contacts): the
 * layout of pretty and compact output, stored values copied raw, member order, escapes, field
 * masks, the {@code fields} selector, deleted rows, empty pages and other contacts with a merged
 * profile. Ids, etags, times, tokens and the port vary between runs, so they are replaced by
 * placeholders (numbered by first appearance) before the comparison; everything else must match the
 * golden files under {@code src/test/resources/golden/people/bytes/} byte for byte.
 */
class ListBytesWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER =
      new OpenPeopleServerExtension(
          OpenPeopleServer.Options.builder("unused")
              .otherContacts(new People.OtherContactsSettings(0, false))
              .build());

  private static final String USER = "bytes-list@example.com";
  private static final String FIELDS =
      "personFields=names,emailAddresses,phoneNumbers,biographies,organizations,urls";

  /** A contact with text that needs escapes, non-ASCII letters and a character outside the BMP. */
  private static final String ADA =
      """
      {"names":[{"givenName":"Åda","familyName":"Ünïcode 😀 中文"}],
       "emailAddresses":[{"value":"ada@example.com","type":"work"},{"value":"a2@example.com"}],
       "phoneNumbers":[{"value":"+1 650 555 0100","type":"mobile"}],
       "biographies":[{"value":"line one\\nline \\"two\\" \\\\ tab\\t ctl\\u0001 </script>"}],
       "urls":[{"value":"https://example.com/?a=1&b=<2>"}]}
      """;

  private static final String BOB =
      """
      {"names":[{"givenName":"Bob","familyName":"Builder"}],
       "organizations":[{"name":"Acme","title":"Chief"}],
       "userDefined":[{"key":"k","value":"v"}]}
      """;

  private static final String CAROL =
      """
      {"names":[{"unstructuredName":"Carol"}],"emailAddresses":[{"value":"carol@example.com"}]}
      """;

  @Test
  void personResponsesKeepTheirBytes() throws Exception {
    List<String> out = new ArrayList<>();
    contacts(out);
    otherContacts(out);
    String actual = normalise(String.join("\n", out)) + "\n";
    if (!actual.equals(golden("responses.txt"))) {
      // For a reviewed update of the golden file.
      Files.writeString(Path.of("target", "ListBytesWireTest-responses.txt"), actual);
    }
    assertThat(actual).isEqualTo(golden("responses.txt"));
  }

  /** Contacts: list pages, get, batchGet, an update and an incremental sync with a deletion. */
  private static void contacts(List<String> out) throws Exception {
    String ada = create(ADA);
    String bob = create(BOB);
    String carol = create(CAROL);
    JsonNode first =
        record(out, "GET", "/v1/people/me/connections?pageSize=2&" + FIELDS + ",metadata", null);
    record(
        out,
        "GET",
        "/v1/people/me/connections?pageSize=2&"
            + FIELDS
            + ",metadata&pageToken="
            + enc(first.get("nextPageToken").asText()),
        null);
    JsonNode synced =
        record(
            out,
            "GET",
            "/v1/people/me/connections?prettyPrint=false&requestSyncToken=true"
                + "&personFields=names,photos,memberships,phoneNumbers",
            null);
    record(
        out,
        "GET",
        "/v1/people/me/connections?personFields=names,emailAddresses&sortOrder=FIRST_NAME_ASCENDING"
            + "&fields=connections(names/displayName,resourceName,etag),totalItems",
        null);
    record(
        out,
        "GET",
        "/v1/people/me/connections?personFields=names&sources=READ_SOURCE_TYPE_PROFILE"
            + "&sources=READ_SOURCE_TYPE_CONTACT&prettyPrint=true",
        null);
    record(out, "GET", "/v1/" + ada + "?personFields=names,biographies,urls,metadata", null);
    record(
        out,
        "GET",
        "/v1/people:batchGet?personFields=names,organizations&resourceNames="
            + bob
            + "&resourceNames="
            + carol,
        null);
    assertThat(SERVER.call("DELETE", "/v1/" + carol + ":deleteContact", USER, null).statusCode())
        .isEqualTo(200);
    record(
        out,
        "PATCH",
        "/v1/" + bob + ":updateContact?updatePersonFields=names&personFields=names,organizations",
        "{\"etag\":\""
            + etagOf(bob)
            + "\",\"names\":[{\"givenName\":\"Robert\",\"familyName\":\"Builder\"}]}");
    record(
        out,
        "GET",
        "/v1/people/me/connections?prettyPrint=false&requestSyncToken=true"
            + "&personFields=names,photos,memberships,phoneNumbers&syncToken="
            + enc(synced.get("nextSyncToken").asText()),
        null);
    record(out, "GET", "/v1/people/me/connections?personFields=names&pageSize=5", null, "empty-");
  }

  private static void otherContacts(List<String> out) throws Exception {
    // A server user the other contact's address belongs to: its profile merges in with PROFILE.
    assertThat(
            SERVER
                .call("GET", "/v1/people/me?personFields=names", "bytes-profiled@example.com", null)
                .statusCode())
        .isEqualTo(200);
    OtherContactsFixtures.create(
        SERVER,
        USER,
        OtherContactsFixtures.person("Dan", "Ötter", "dan@example.com", "+44 20 7946 0000"));
    OtherContactsFixtures.create(
        SERVER,
        USER,
        OtherContactsFixtures.person("Profiled", null, "bytes-profiled@example.com", null));
    String mask = "readMask=names,emailAddresses,phoneNumbers,metadata,photos";
    JsonNode first = record(out, "GET", "/v1/otherContacts?pageSize=1&" + mask, null);
    record(
        out,
        "GET",
        "/v1/otherContacts?pageSize=1&"
            + mask
            + "&pageToken="
            + enc(first.get("nextPageToken").asText()),
        null);
    record(
        out,
        "GET",
        "/v1/otherContacts?prettyPrint=false&requestSyncToken=true&readMask=names,emailAddresses",
        null);
    record(
        out,
        "GET",
        "/v1/otherContacts?sources=READ_SOURCE_TYPE_CONTACT&sources=READ_SOURCE_TYPE_PROFILE&"
            + mask
            + ",phoneNumbers",
        null);
    record(
        out,
        "GET",
        "/v1/otherContacts?" + mask + "&fields=otherContacts(emailAddresses/value),totalSize",
        null);
  }

  private static String create(String person) throws Exception {
    HttpResponse<String> created =
        SERVER.call(
            "POST",
            "/v1/people:createContact?personFields=names,emailAddresses,phoneNumbers,biographies,"
                + "organizations,urls,userDefined,metadata,memberships",
            USER,
            person);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    return Json.MAPPER.readTree(created.body()).get("resourceName").asText();
  }

  private static String etagOf(String resourceName) throws Exception {
    return Json.MAPPER
        .readTree(
            SERVER.call("GET", "/v1/" + resourceName + "?personFields=names", USER, null).body())
        .get("etag")
        .asText();
  }

  private static JsonNode record(List<String> out, String method, String path, String body)
      throws Exception {
    return record(out, method, path, body, "");
  }

  private static JsonNode record(
      List<String> out, String method, String path, String body, String userPrefix)
      throws Exception {
    HttpResponse<String> response = SERVER.call(method, path, userPrefix + USER, body);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    out.add("== " + method + " " + path.replaceAll("(pageToken|syncToken)=[^&]*", "$1=TOKEN"));
    out.add(response.body());
    return Json.MAPPER.readTree(response.body());
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static final Pattern VARYING =
      Pattern.compile(
          "(\"(?:etag|id|updateTime|nextPageToken|nextSyncToken)\" ?: ?\")([^\"]*)(\")"
              + "|((?:people|otherContacts)/c)([0-9]+)"
              + "|(http://127\\.0\\.0\\.1:)([0-9]+)");

  /** Replaces what varies between runs by placeholders, the same value by the same one. */
  static String normalise(String text) {
    Map<String, String> seen = new LinkedHashMap<>();
    Matcher m = VARYING.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group(1) != null) {
        String key = m.group(1).replaceAll("[\" :]", "") + "=" + m.group(2);
        String name =
            seen.computeIfAbsent(key, k -> m.group(1).replaceAll("[\" :]", "") + seen.size());
        replacement = m.group(1) + name + m.group(3);
      } else if (m.group(4) != null) {
        String name = seen.computeIfAbsent(m.group(0), k -> "ID" + seen.size());
        replacement = m.group(4) + name;
      } else {
        replacement = m.group(6) + "PORT";
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String golden(String name) throws IOException {
    try (InputStream in =
        ListBytesWireTest.class.getResourceAsStream("/golden/people/bytes/" + name)) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

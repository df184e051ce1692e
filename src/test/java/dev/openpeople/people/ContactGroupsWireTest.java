// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.OpenPeopleServerExtension;
import dev.openpeople.server.Json;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Contact-group bytes the client hides: exact shapes, error bodies (golden files), headers. */
class ContactGroupsWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final String USER = "groups-wire@example.com";

  private static JsonNode golden(String name) throws Exception {
    try (InputStream in =
        ContactGroupsWireTest.class.getResourceAsStream("/golden/people/" + name)) {
      return Json.MAPPER.readTree(in);
    }
  }

  private static JsonNode ok(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=UTF-8");
    return Json.MAPPER.readTree(response.body());
  }

  private static void assertError(HttpResponse<String> response, int code, String golden)
      throws Exception {
    assertThat(response.statusCode()).isEqualTo(code);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=UTF-8");
    assertThat(Json.MAPPER.readTree(response.body())).isEqualTo(golden(golden));
  }

  private static JsonNode createGroup(String name) throws Exception {
    return ok(
        SERVER.call(
            "POST", "/v1/contactGroups", USER, "{\"contactGroup\":{\"name\":\"" + name + "\"}}"));
  }

  @Test
  void systemGroupsHaveGooglesShape() throws Exception {
    String user = "system-shape@example.com";
    ok(SERVER.call("POST", "/v1/people:createContact", user, "{}"));
    JsonNode list = ok(SERVER.call("GET", "/v1/contactGroups", user, null));
    assertThat(list.get("contactGroups")).isEqualTo(golden("system-groups.json"));
    assertThat(list.get("totalItems").asInt()).isEqualTo(8);
    assertThat(list.has("nextSyncToken")).isTrue();
  }

  @Test
  void userGroupsHaveGooglesShape() throws Exception {
    JsonNode created = createGroup("Shape");
    assertThat(fieldNames(created))
        .containsExactly("resourceName", "etag", "metadata", "groupType", "name", "formattedName");
    assertThat(created.get("etag").asText()).matches("[A-Za-z0-9+/]{11}=");
    assertThat(created.at("/metadata/updateTime").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    JsonNode modify =
        ok(
            SERVER.call(
                "POST",
                "/v1/" + created.get("resourceName").asText() + "/members:modify",
                USER,
                "{}"));
    assertThat(modify).isEqualTo(Json.object());
    JsonNode deleted =
        ok(SERVER.call("DELETE", "/v1/" + created.get("resourceName").asText(), USER, null));
    assertThat(deleted).isEqualTo(Json.object());
  }

  @Test
  void errorBodiesMatch() throws Exception {
    JsonNode group = createGroup("Wire");
    String name = group.get("resourceName").asText();
    assertError(
        SERVER.call("POST", "/v1/contactGroups", USER, "{\"contactGroup\":{\"name\":\"Wire\"}}"),
        409,
        "group-name-exists.json");
    assertError(
        SERVER.call(
            "PUT",
            "/v1/" + name,
            USER,
            "{\"contactGroup\":{\"name\":\"W2\",\"etag\":\"AAAAAAAAAAA=\"}}"),
        400,
        "group-etag-mismatch.json");
    JsonNode person = ok(SERVER.call("POST", "/v1/people:createContact", USER, "{}"));
    assertError(
        SERVER.call(
            "POST",
            "/v1/contactGroups/friends/members:modify",
            USER,
            "{\"resourceNamesToAdd\":[\"" + person.get("resourceName").asText() + "\"]}"),
        400,
        "deprecated-system-group.json");
    assertError(
        SERVER.call("GET", "/v1/contactGroups/Not-Valid", USER, null),
        400,
        "invalid-group-name.json");
    assertError(
        SERVER.call("GET", "/v1/contactGroups/abcdef12", USER, null), 404, "not-found.json");
    assertError(
        SERVER.call("GET", "/v1/" + name, "someone-else@example.com", null), 404, "not-found.json");
  }

  @Test
  void unknownBodyFieldsAreRejected() throws Exception {
    HttpResponse<String> response =
        SERVER.call("POST", "/v1/contactGroups", USER, "{\"contactGroup\":{\"nam\":\"x\"}}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Json.MAPPER.readTree(response.body()).at("/error/status").asText())
        .isEqualTo("INVALID_ARGUMENT");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

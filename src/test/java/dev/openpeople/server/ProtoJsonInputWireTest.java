// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.OpenPeopleServerExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Request bodies follow protobuf JSON's input rules; replies stay canonical. */
class ProtoJsonInputWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final String USER = "proto@example.com";

  @Test
  void booleansAsStringsAreAcceptedAndAnsweredAsBooleans() throws Exception {
    // What an admin CLI sends: metadata.primary as a string in addresses and organizations.
    HttpResponse<String> created =
        SERVER.call(
            "POST",
            "/v1/people:createContact?personFields=addresses,organizations",
            USER,
            "{\"names\":[{\"givenName\":\"Ada\"}],"
                + "\"addresses\":[{\"metadata\":{\"primary\":\"false\"},\"city\":\"Paris\"},"
                + "{\"metadata\":{\"primary\":\"true\"},\"city\":\"Lyon\"}],"
                + "\"organizations\":[{\"metadata\":{\"primary\":\"false\"},\"name\":\"Acme\"}]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode person = Json.MAPPER.readTree(created.body());
    assertThat(person.findValues("primary")).allMatch(JsonNode::isBoolean).isNotEmpty();
    assertThat(person.path("addresses").findValuesAsText("city")).contains("Paris", "Lyon");
    assertThat(person.at("/organizations/0/name").asText()).isEqualTo("Acme");
  }

  @Test
  void otherStringsForBooleansAreStillRejected() throws Exception {
    HttpResponse<String> bad =
        SERVER.call(
            "POST",
            "/v1/people:createContact",
            USER,
            "{\"addresses\":[{\"metadata\":{\"primary\":\"yes\"},\"city\":\"Paris\"}]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Json.MAPPER.readTree(bad.body()).at("/error/message").asText())
        .contains("TYPE_BOOL");
  }

  @Test
  void integersAsStringsAndEnumsByNameAreAccepted() throws Exception {
    HttpResponse<String> created =
        SERVER.call(
            "POST",
            "/v1/people:createContact?personFields=birthdays,genders",
            USER,
            "{\"birthdays\":[{\"date\":{\"year\":\"1990\",\"month\":\"7\",\"day\":\"4\"}}]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode date = Json.MAPPER.readTree(created.body()).at("/birthdays/0/date");
    assertThat(date.get("year").isInt()).isTrue();
    assertThat(date.get("month").asInt()).isEqualTo(7);

    HttpResponse<String> batch =
        SERVER.call(
            "GET",
            "/v1/people:batchGet?personFields=names&resourceNames=people/me"
                + "&sources=READ_SOURCE_TYPE_PROFILE",
            USER,
            null);
    assertThat(batch.statusCode()).isEqualTo(200);
  }
}

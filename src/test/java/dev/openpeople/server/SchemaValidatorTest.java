// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.error.ApiException;
import org.junit.jupiter.api.Test;

/** Request bodies checked against the bundled discovery document's schemas. */
class SchemaValidatorTest {
  private static final SchemaValidator VALIDATOR = new SchemaValidator(Discovery.load());

  private static String valid(String json) {
    return Json.writeString(VALIDATOR.validate(Json.parseStored(json), "Person", "person"));
  }

  private static void assertInvalid(String json, String message) {
    assertThatThrownBy(() -> valid(json)).isInstanceOf(ApiException.class).hasMessage(message);
  }

  @Test
  void acceptsAWellTypedPersonAndDropsNulls() {
    assertThat(valid("{\"names\":[{\"givenName\":\"Ada\"}],\"etag\":null}"))
        .isEqualTo("{\"names\":[{\"givenName\":\"Ada\"}]}");
  }

  @Test
  void snakeCaseNamesAreAcceptedAsTheirCamelCaseFields() {
    assertThat(valid("{\"email_addresses\":[{\"value\":\"a@x.test\"}]}"))
        .isEqualTo("{\"emailAddresses\":[{\"value\":\"a@x.test\"}]}");
  }

  @Test
  void integersMayBeSentAsStringsAndAreNormalized() {
    assertThat(valid("{\"birthdays\":[{\"date\":{\"year\":\"1815\",\"month\":12,\"day\":10}}]}"))
        .isEqualTo("{\"birthdays\":[{\"date\":{\"year\":1815,\"month\":12,\"day\":10}}]}");
  }

  @Test
  void wrongTypesUnknownFieldsAndNullListItemsAreRejectedWithTheirPath() {
    assertInvalid(
        "{\"names\":[{\"givenName\":5}]}",
        "Invalid value at 'person.names[0].givenName' (TYPE_STRING), 5");
    assertInvalid(
        "{\"birthdays\":[{\"date\":{\"year\":\"soon\"}}]}",
        "Invalid value at 'person.birthdays[0].date.year' (TYPE_INT32), \"soon\"");
    assertInvalid(
        "{\"birthdays\":[{\"date\":{\"year\":3000000000}}]}",
        "Invalid value at 'person.birthdays[0].date.year' (TYPE_INT32), 3000000000");
    assertInvalid(
        "{\"names\":{\"givenName\":\"Ada\"}}",
        "Invalid JSON payload received. Proto field is not repeating, cannot start list at"
            + " 'person.names'.");
    assertInvalid(
        "{\"names\":[null]}", "Invalid JSON payload received. null in list at 'person.names'.");
    assertInvalid(
        "{\"nmes\":[]}",
        "Invalid JSON payload received. Unknown name \"nmes\" at 'person': Cannot find field.");
    assertInvalid("{\"names\":[\"Ada\"]}", "Invalid value at 'person.names[0]' (object), \"Ada\"");
  }

  @Test
  void enumValuesAreChecked() {
    assertThat(valid("{\"metadata\":{\"objectType\":\"PERSON\"}}")).contains("PERSON");
    assertInvalid(
        "{\"metadata\":{\"objectType\":\"ROBOT\"}}",
        "Invalid value at 'person.metadata.objectType' (enum), \"ROBOT\"");
  }

  @Test
  void returnsTheBodyItNormalized() {
    JsonNode body = Json.parseStored("{\"names\":[]}");
    assertThat(VALIDATOR.validate(body, "Person", "person")).isSameAs(body);
  }
}

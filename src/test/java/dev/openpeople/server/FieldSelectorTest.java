// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.error.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Google's {@code fields} selector: parsing and applying it to a response. */
class FieldSelectorTest {
  private static final JsonNode PERSON =
      Json.parseStored(
          """
          {"resourceName":"people/c1","etag":"e",
           "names":[{"givenName":"Ada","familyName":"L","metadata":{"primary":true}},
                    {"givenName":"A"}],
           "emailAddresses":[{"value":"a@x.test","type":"home"}],
           "metadata":{"sources":[{"type":"CONTACT","id":"1"}]}}
          """);

  private static String select(String spec, JsonNode node) {
    return Json.writeString(FieldSelector.parse(spec).apply(node));
  }

  @Test
  void keepsOnlyTheNamedTopLevelFields() {
    assertThat(select("resourceName,etag", PERSON))
        .isEqualTo("{\"resourceName\":\"people/c1\",\"etag\":\"e\"}");
  }

  @Test
  void slashAndParenthesesSelectInsideObjectsAndEveryArrayElement() {
    assertThat(select("names/givenName", PERSON))
        .isEqualTo("{\"names\":[{\"givenName\":\"Ada\"},{\"givenName\":\"A\"}]}");
    assertThat(select("names(givenName,metadata/primary)", PERSON))
        .isEqualTo(
            "{\"names\":[{\"givenName\":\"Ada\",\"metadata\":{\"primary\":true}},"
                + "{\"givenName\":\"A\"}]}");
    assertThat(select("metadata/sources/type", PERSON))
        .isEqualTo("{\"metadata\":{\"sources\":[{\"type\":\"CONTACT\"}]}}");
  }

  @Test
  void aNamedFieldKeepsItsWholeValueAndAStarKeepsEverything() {
    assertThat(select("emailAddresses", PERSON))
        .isEqualTo("{\"emailAddresses\":[{\"value\":\"a@x.test\",\"type\":\"home\"}]}");
    assertThat(select("*", PERSON)).isEqualTo(Json.writeString(PERSON));
  }

  @Test
  void absentFieldsAreLeftOutNotNulled() {
    assertThat(select("nicknames,etag,names/middleName", PERSON))
        .isEqualTo("{\"etag\":\"e\",\"names\":[{},{}]}");
  }

  @Test
  void whitespaceAroundNamesIsIgnoredAndRepeatsMerge() {
    assertThat(select(" etag , names/givenName,names/familyName", PERSON))
        .isEqualTo(
            "{\"etag\":\"e\",\"names\":[{\"givenName\":\"Ada\",\"familyName\":\"L\"},"
                + "{\"givenName\":\"A\"}]}");
  }

  @Test
  void doesNotChangeTheInput() {
    String before = Json.writeString(PERSON);
    select("etag", PERSON);
    assertThat(Json.writeString(PERSON)).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", ",", "a,", ",a", "a/", "a//b", "a(", "a(b", "a(b))", "a)", "(a)", "a()"})
  void malformedSelectorsAreA400(String spec) {
    assertThatThrownBy(() -> FieldSelector.parse(spec))
        .isInstanceOf(ApiException.class)
        .hasMessage("Invalid field selection " + spec);
  }
}

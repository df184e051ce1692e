// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.error.ApiException;
import dev.openpeople.server.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Resource names and etags as every Person write method reads them. */
class PersonRequestsTest {
  private static ObjectNode person(String json) {
    return (ObjectNode) Json.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void contactIdsComeOnlyFromContactResourceNames() {
    assertThat(PersonRequests.contactId("people/c42")).hasValue(42);
    assertThat(PersonRequests.contactId("people/c18446744073709551615")).hasValue(-1);
    assertThat(PersonRequests.contactId("people/me")).isEmpty();
    assertThat(PersonRequests.contactId("people/123")).isEmpty();
    assertThat(PersonRequests.contactId("otherContacts/c42")).isEmpty();
    assertThat(PersonRequests.contactId("people/c")).isEmpty();
    assertThat(PersonRequests.contactId("people/c18446744073709551616")).isEmpty();
  }

  @Test
  void onlyContactsCanBeModified() {
    assertThat(PersonRequests.requireContact("people/c7")).isEqualTo(7);
    assertThatThrownBy(() -> PersonRequests.requireContact("people/me"))
        .isInstanceOf(ApiException.class)
        .hasMessage("Only contact-based people can be modified: people/me.");
    assertThatThrownBy(() -> PersonRequests.requireContact("people/1234"))
        .hasMessage("Only contact-based people can be modified: people/1234.");
    assertThatThrownBy(() -> PersonRequests.requireContact("people/x"))
        .hasMessage("Resource name \"people/x\" is not valid.");
  }

  @Test
  void theEtagIsThePersonsElseItsContactSources() {
    assertThat(PersonRequests.etagOf(person("{\"etag\":\"%A\"}"))).isEqualTo("%A");
    assertThat(
            PersonRequests.etagOf(
                person(
                    "{\"metadata\":{\"sources\":[{\"type\":\"PROFILE\",\"etag\":\"#P\"},"
                        + "{\"type\":\"CONTACT\",\"etag\":\"#C\"}]}}")))
        .isEqualTo("#C");
    assertThat(PersonRequests.etagOf(person("{\"etag\":null}"))).isNull();
    assertThat(PersonRequests.etagOf(person("{}"))).isNull();
  }

  @Test
  void aResourceNameInTheBodyMustBeTheRequestsOne() {
    PersonRequests.checkBodyName(person("{}"), "people/c1");
    PersonRequests.checkBodyName(person("{\"resourceName\":\"people/c1\"}"), "people/c1");
    assertThatThrownBy(
            () ->
                PersonRequests.checkBodyName(
                    person("{\"resourceName\":\"people/c2\"}"), "people/c1"))
        .hasMessage(
            "person.resourceName \"people/c2\" does not match the resource name \"people/c1\" of"
                + " the request.");
  }
}

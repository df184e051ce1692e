// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.BatchCreateContactsRequest;
import com.google.api.services.people.v1.model.ContactToCreate;
import com.google.api.services.people.v1.model.GetPeopleResponse;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import com.google.api.services.people.v1.model.PersonResponse;
import dev.openpeople.OpenPeopleServerExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code people.getBatchGet} takes up to 200 resource names (its documented maximum): about 9 KB of
 * URL, more than Jetty's default request-line buffer, and it works through the official client.
 */
class LongUrlClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  @Test
  void batchGetOfTwoHundredNamesWorks() throws Exception {
    PeopleService people = SERVER.people("long-url@example.com");
    List<ContactToCreate> contacts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      contacts.add(
          new ContactToCreate()
              .setContactPerson(new Person().setNames(List.of(new Name().setGivenName("n" + i)))));
    }
    List<String> names = new ArrayList<>();
    people
        .people()
        .batchCreateContacts(
            new BatchCreateContactsRequest().setContacts(contacts).setReadMask("names"))
        .execute()
        .getCreatedPeople()
        .forEach(created -> names.add(created.getPerson().getResourceName()));
    int queryBytes = names.stream().mapToInt(n -> "resourceNames=".length() + n.length() + 1).sum();

    GetPeopleResponse response =
        people.people().getBatchGet().setResourceNames(names).setPersonFields("names").execute();

    assertThat(queryBytes).isGreaterThan(8 * 1024);
    assertThat(response.getResponses()).hasSize(200);
    assertThat(response.getResponses())
        .extracting(PersonResponse::getRequestedResourceName)
        .containsExactlyElementsOf(names);
    assertThat(response.getResponses())
        .allSatisfy(r -> assertThat(r.getPerson().getNames()).hasSize(1));
  }
}

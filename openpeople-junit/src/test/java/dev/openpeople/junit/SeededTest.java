// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.ContactGroup;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A snapshot restored and a vCard file imported before each test: team@example.com's two contacts
 * and group "Pioneers" from the snapshot, two more contacts (and group "NASA") from the cards.
 */
@OpenPeopleTest(
    user = "team@example.com",
    snapshot = "fixtures/team.snapshot.jsonl",
    seed = "fixtures/two-cards.vcf")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeededTest {
  private static List<String> givenNames(PeopleService people) throws Exception {
    return people
        .people()
        .connections()
        .list("people/me")
        .setPersonFields("names")
        .setSortOrder("FIRST_NAME_ASCENDING")
        .execute()
        .getConnections()
        .stream()
        .map(p -> p.getNames().get(0).getGivenName())
        .toList();
  }

  @Test
  @Order(1)
  void theSnapshotAndTheSeedFileAreThere(PeopleService people) throws Exception {
    assertThat(givenNames(people)).containsExactly("Ada", "Dorothy", "Grace", "Katherine");
    assertThat(people.contactGroups().list().execute().getContactGroups())
        .extracting(ContactGroup::getName)
        .contains("Pioneers", "NASA");

    people
        .people()
        .createContact(new Person().setNames(List.of(new Name().setGivenName("Extra"))))
        .execute();
  }

  @Test
  @Order(2)
  void everyTestStartsFromTheSameData(PeopleService people) throws Exception {
    assertThat(givenNames(people)).containsExactly("Ada", "Dorothy", "Grace", "Katherine");
  }
}

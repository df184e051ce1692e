// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.ListConnectionsResponse;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import com.google.gdata.client.contacts.ContactsService;
import com.google.gdata.data.contacts.ContactEntry;
import com.google.gdata.data.contacts.ContactFeed;
import com.google.gdata.data.extensions.Email;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** What a test class annotated with {@link OpenPeopleTest} gets, driven by the official clients. */
@OpenPeopleTest(user = "carol@example.com")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenPeopleTestAnnotationTest {
  private static Person named(String givenName) {
    return new Person().setNames(List.of(new Name().setGivenName(givenName)));
  }

  private static List<Person> connections(PeopleService people) throws Exception {
    List<Person> list =
        people
            .people()
            .connections()
            .list("people/me")
            .setPersonFields("names")
            .execute()
            .getConnections();
    return list == null ? List.of() : list;
  }

  @Test
  @Order(1)
  void theInjectedClientWritesAndReadsTheDefaultUsersContacts(PeopleService people)
      throws Exception {
    people.people().createContact(named("Ada")).execute();

    assertThat(connections(people))
        .extracting(p -> p.getNames().get(0).getGivenName())
        .containsExactly("Ada");
  }

  @Test
  @Order(2)
  void eachTestStartsFromAnEmptyServer(PeopleService people) throws Exception {
    assertThat(connections(people)).isEmpty();
  }

  @Test
  @Order(3)
  void aUserAnnotationPicksAnotherUser(
      PeopleService carol, @User("dave@example.com") PeopleService dave) throws Exception {
    dave.people().createContact(named("Dave's friend")).execute();

    assertThat(connections(dave)).hasSize(1);
    assertThat(connections(carol)).isEmpty();
  }

  @Test
  @Order(4)
  void theClockMovesSyncTokensPastTheirSevenDays(PeopleService people, OpenPeopleEmulator emulator)
      throws Exception {
    ListConnectionsResponse first =
        people
            .people()
            .connections()
            .list("people/me")
            .setPersonFields("names")
            .setRequestSyncToken(true)
            .execute();
    String token = first.getNextSyncToken();

    emulator.advanceClock(Duration.ofDays(8));

    assertThatThrownBy(
            () ->
                people
                    .people()
                    .connections()
                    .list("people/me")
                    .setPersonFields("names")
                    .setSyncToken(token)
                    .execute())
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(400);
              assertThat(e.getContent()).contains("EXPIRED_SYNC_TOKEN");
            });
  }

  @Test
  @Order(5)
  void anArmedFaultFailsTheNextCalls(PeopleService people, OpenPeopleEmulator emulator)
      throws Exception {
    // Two armed, one used: the next test proves the other is disarmed before it starts.
    emulator.armFault("people.people.connections.list", "UNAVAILABLE", 2);

    assertThatThrownBy(() -> connections(people))
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(503));
  }

  @Test
  @Order(6)
  void faultsAreDisarmedBeforeEachTest(PeopleService people) throws Exception {
    assertThat(connections(people)).isEmpty();
  }

  @Test
  @Order(7)
  void theGDataClientWritesTheDomainsSharedContacts(
      ContactsService contacts, OpenPeopleEmulator emulator) throws Exception {
    ContactEntry entry = new ContactEntry();
    Email email = new Email();
    email.setAddress("front-desk@example.com");
    email.setRel("http://schemas.google.com/g/2005#work");
    entry.addEmailAddress(email);
    contacts.insert(emulator.sharedContactsFeed(), entry);

    ContactFeed feed = contacts.getFeed(emulator.sharedContactsFeed(), ContactFeed.class);

    assertThat(feed.getEntries())
        .extracting(e -> e.getEmailAddresses().get(0).getAddress())
        .containsExactly("front-desk@example.com");
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static dev.openpeople.people.OtherContactsFixtures.assertBadRequest;
import static dev.openpeople.people.OtherContactsFixtures.create;
import static dev.openpeople.people.OtherContactsFixtures.delete;
import static dev.openpeople.people.OtherContactsFixtures.interact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.ListOtherContactsResponse;
import com.google.api.services.people.v1.model.Person;
import dev.openpeople.OpenPeopleServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sync tokens of otherContacts.list: full and incremental syncs, tombstones, expiry. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OtherContactsSyncClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  /** Pages through a sync; returns the people seen and the final sync token. */
  private static Map.Entry<List<Person>, String> sync(PeopleService client, String syncToken)
      throws Exception {
    List<Person> people = new ArrayList<>();
    String pageToken = null;
    while (true) {
      ListOtherContactsResponse page =
          client
              .otherContacts()
              .list()
              .setReadMask("names,emailAddresses")
              .setPageSize(2)
              .setRequestSyncToken(true)
              .setSyncToken(syncToken)
              .setPageToken(pageToken)
              .execute();
      if (page.getOtherContacts() != null) {
        people.addAll(page.getOtherContacts());
      }
      if (page.getNextPageToken() == null) {
        return Map.entry(people, page.getNextSyncToken());
      }
      assertThat(page.getNextSyncToken()).as("sync token only on the last page").isNull();
      pageToken = page.getNextPageToken();
    }
  }

  @Test
  @Order(1)
  void incrementalSyncReturnsOnlyChangesAndTombstones() throws Exception {
    String user = "osync@example.com";
    String kept = create(SERVER, user, "Kept", "kept@example.org");
    String changed = create(SERVER, user, "Changed", "changed@example.org");
    String removed = create(SERVER, user, "Removed", "removed@example.org");
    PeopleService client = SERVER.people(user);
    var full = sync(client, null);
    assertThat(full.getKey())
        .extracting(Person::getResourceName)
        .containsExactly(kept, changed, removed);
    assertThat(full.getValue()).isNotBlank();

    interact(SERVER, user, "{\"email\":\"changed@example.org\",\"displayName\":\"Changed Again\"}");
    delete(SERVER, user, removed);
    String added = create(SERVER, user, "Added", "added@example.org");
    var delta = sync(client, full.getValue());

    assertThat(delta.getKey())
        .extracting(Person::getResourceName)
        .containsExactly(changed, removed, added);
    assertThat(delta.getKey().get(0).getNames().get(0).getDisplayName()).isEqualTo("Changed Again");
    Person tombstone = delta.getKey().get(1);
    assertThat(tombstone.getMetadata().getDeleted()).isTrue();
    assertThat(tombstone.getMetadata().getSources().get(0).getType()).isEqualTo("OTHER_CONTACT");
    assertThat(tombstone.getNames()).isNull();
    // Nothing changed since: an empty delta, and a fresh token.
    var quiet = sync(client, delta.getValue());
    assertThat(quiet.getKey()).isEmpty();
    assertThat(quiet.getValue()).isNotBlank();
    // Contacts' changes never show up in the other contacts' sync.
    client
        .people()
        .createContact(
            new Person()
                .setNames(
                    List.of(new com.google.api.services.people.v1.model.Name().setGivenName("C"))))
        .execute();
    assertThat(sync(client, quiet.getValue()).getKey()).isEmpty();
  }

  @Test
  @Order(2)
  void syncTokensAreBoundToTheirParameters() throws Exception {
    String user = "obind@example.com";
    create(SERVER, user, "Bound", "bound@example.org");
    PeopleService client = SERVER.people(user);
    String token = sync(client, null).getValue();

    assertBadRequest(
        "must match the first call",
        () -> client.otherContacts().list().setReadMask("names").setSyncToken(token).execute());
    // Every parameter is bound, page size and requestSyncToken included ("all other request
    // parameters must match the first call":
    // https://developers.google.com/people/api/rest/v1/otherContacts/list).
    assertBadRequest(
        "must match the first call",
        () ->
            client
                .otherContacts()
                .list()
                .setReadMask("names,emailAddresses")
                .setPageSize(3)
                .setRequestSyncToken(true)
                .setSyncToken(token)
                .execute());
    assertBadRequest(
        "must match the first call",
        () ->
            client
                .otherContacts()
                .list()
                .setReadMask("names,emailAddresses")
                .setPageSize(2)
                .setSyncToken(token)
                .execute());
    assertBadRequest(
        "sync token",
        () ->
            SERVER
                .people("thief@example.com")
                .otherContacts()
                .list()
                .setReadMask("names,emailAddresses")
                .setSyncToken(token)
                .execute());
    assertBadRequest(
        "sync token",
        () ->
            client
                .people()
                .connections()
                .list("people/me")
                .setPersonFields("names,emailAddresses")
                .setSyncToken(token)
                .execute());
  }

  @Test
  @Order(3)
  void syncTokensExpireSevenDaysAfterTheFullSync() throws Exception {
    String user = "oexpiry@example.com";
    create(SERVER, user, "Old", "old@example.org");
    PeopleService client = SERVER.people(user);
    String token = sync(client, null).getValue();

    SERVER.server().clock().advance(Duration.ofDays(6));
    assertThat(sync(client, token).getKey()).isEmpty();
    SERVER.server().clock().advance(Duration.ofDays(1).plusSeconds(1));

    assertThatThrownBy(() -> sync(client, token))
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(400);
              assertThat(e.getDetails().get("status")).isEqualTo("FAILED_PRECONDITION");
              assertThat(e.getDetails().getDetails().get(0).getReason())
                  .isEqualTo("EXPIRED_SYNC_TOKEN");
            });
    assertThat(sync(client, null).getKey()).hasSize(1);
  }
}

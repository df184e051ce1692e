// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static dev.openpeople.people.ContactGroupsClientTest.contact;
import static dev.openpeople.people.ContactGroupsClientTest.create;
import static dev.openpeople.people.PeopleConnectionsClientTest.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.ContactGroup;
import com.google.api.services.people.v1.model.ListContactGroupsResponse;
import com.google.api.services.people.v1.model.UpdateContactGroupRequest;
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

/** Sync tokens of contactGroups.list: changed and deleted groups since a sync, and expiry. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContactGroupsSyncClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  /** Pages through a listing; returns the groups seen and the final sync token. */
  private static Map.Entry<List<ContactGroup>, String> sync(PeopleService client, String token)
      throws Exception {
    List<ContactGroup> groups = new ArrayList<>();
    String pageToken = null;
    while (true) {
      ListContactGroupsResponse page =
          client
              .contactGroups()
              .list()
              .setPageSize(2)
              .setSyncToken(token)
              .setPageToken(pageToken)
              .execute();
      if (page.getContactGroups() != null) {
        groups.addAll(page.getContactGroups());
      }
      if (page.getNextPageToken() == null) {
        return Map.entry(groups, page.getNextSyncToken());
      }
      assertThat(page.getNextSyncToken()).as("sync token only on the last page").isNull();
      pageToken = page.getNextPageToken();
    }
  }

  @Test
  @Order(1)
  void incrementalSyncReturnsChangedAndDeletedGroups() throws Exception {
    PeopleService client = SERVER.people("gsync@example.com");
    ContactGroup kept = create(client, "Kept");
    ContactGroup renamed = create(client, "Renamed");
    ContactGroup removed = create(client, "Removed");
    var full = sync(client, null);
    assertThat(full.getKey()).hasSize(11);

    client
        .contactGroups()
        .update(
            renamed.getResourceName(),
            new UpdateContactGroupRequest().setContactGroup(renamed.setName("Renamed 2")))
        .execute();
    client.contactGroups().delete(removed.getResourceName()).execute();
    ContactGroup added = create(client, "Added");
    contact(client, "Not a group change");
    var delta = sync(client, full.getValue());

    assertThat(delta.getKey())
        .extracting(ContactGroup::getResourceName)
        .containsExactly(
            renamed.getResourceName(), removed.getResourceName(), added.getResourceName())
        .doesNotContain(kept.getResourceName());
    assertThat(delta.getKey().get(0).getName()).isEqualTo("Renamed 2");
    assertThat(delta.getKey().get(1).getMetadata().getDeleted()).isTrue();
    assertThat(delta.getKey().get(2).getMetadata().getDeleted()).isNull();

    var quiet = sync(client, delta.getValue());
    assertThat(quiet.getKey()).isEmpty();
    assertThat(quiet.getValue()).isNotBlank();
  }

  @Test
  @Order(2)
  void syncTokensAreBoundToUserAndGroupFields() throws Exception {
    PeopleService client = SERVER.people("gbound@example.com");
    String token = sync(client, null).getValue();
    assertBadRequest(
        () -> client.contactGroups().list().setSyncToken(token).setGroupFields("name").execute());
    assertBadRequest(
        () ->
            SERVER
                .people("gother@example.com")
                .contactGroups()
                .list()
                .setSyncToken(token)
                .execute());
    // A people.connections token is no contactGroups token.
    String connections =
        client
            .people()
            .connections()
            .list("people/me")
            .setPersonFields("names")
            .setRequestSyncToken(true)
            .execute()
            .getNextSyncToken();
    assertBadRequest(() -> client.contactGroups().list().setSyncToken(connections).execute());
  }

  @Test
  @Order(3)
  void syncTokensExpireSevenDaysAfterTheSync() throws Exception {
    PeopleService client = SERVER.people("gexpiry@example.com");
    create(client, "Old");
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
  }
}

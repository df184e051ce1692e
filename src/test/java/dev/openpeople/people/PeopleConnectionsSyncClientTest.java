// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static dev.openpeople.people.PeopleConnectionsClientTest.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.ListConnectionsResponse;
import com.google.api.services.people.v1.model.Name;
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

/** Sync tokens of people.connections.list: full and incremental syncs, deletions, expiry. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeopleConnectionsSyncClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static Person named(String given) {
    return new Person().setNames(List.of(new Name().setGivenName(given)));
  }

  /** Pages through a sync; returns the people seen and the final sync token. */
  private static Map.Entry<List<Person>, String> sync(PeopleService client, String syncToken)
      throws Exception {
    List<Person> people = new ArrayList<>();
    String pageToken = null;
    while (true) {
      ListConnectionsResponse page =
          client
              .people()
              .connections()
              .list("people/me")
              .setPersonFields("names")
              .setPageSize(2)
              .setRequestSyncToken(true)
              .setSyncToken(syncToken)
              .setPageToken(pageToken)
              .execute();
      if (page.getConnections() != null) {
        people.addAll(page.getConnections());
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
  void incrementalSyncReturnsOnlyChangesAndDeletions() throws Exception {
    PeopleService client = SERVER.people("sync@example.com");
    Person kept = client.people().createContact(named("Kept")).execute();
    Person changed = client.people().createContact(named("Changed")).execute();
    Person removed = client.people().createContact(named("Removed")).execute();
    var full = sync(client, null);
    assertThat(full.getKey()).hasSize(3);
    assertThat(full.getValue()).isNotBlank();

    client
        .people()
        .updateContact(changed.getResourceName(), named("Changed2").setEtag(changed.getEtag()))
        .setUpdatePersonFields("names")
        .execute();
    client.people().deleteContact(removed.getResourceName()).execute();
    Person added = client.people().createContact(named("Added")).execute();
    var delta = sync(client, full.getValue());

    assertThat(delta.getKey())
        .extracting(Person::getResourceName)
        .containsExactly(
            changed.getResourceName(), removed.getResourceName(), added.getResourceName());
    assertThat(delta.getKey().get(0).getNames().get(0).getGivenName()).isEqualTo("Changed2");
    assertThat(delta.getKey().get(1).getMetadata().getDeleted()).isTrue();
    assertThat(delta.getKey())
        .extracting(Person::getResourceName)
        .doesNotContain(kept.getResourceName());

    var nothing = sync(client, delta.getValue());
    assertThat(nothing.getKey()).isEmpty();
    assertThat(nothing.getValue()).isNotBlank();
    assertThat(sync(client, full.getValue()).getKey()).as("tokens are reusable").hasSize(3);
  }

  @Test
  @Order(2)
  void syncTokenIsBoundToUserAndParameters() throws Exception {
    PeopleService client = SERVER.people("bound-sync@example.com");
    client.people().createContact(named("One")).execute();
    String token = sync(client, null).getValue();

    assertBadRequest(
        () ->
            client
                .people()
                .connections()
                .list("people/me")
                .setPersonFields("emailAddresses")
                .setSyncToken(token)
                .execute());
    assertBadRequest(
        () ->
            SERVER
                .people("other@example.com")
                .people()
                .connections()
                .list("people/me")
                .setPersonFields("names")
                .setSyncToken(token)
                .execute());
    String tampered =
        token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);
    assertBadRequest(
        () ->
            client
                .people()
                .connections()
                .list("people/me")
                .setPersonFields("names")
                .setSyncToken(tampered)
                .execute());
    ListConnectionsResponse otherPageSize =
        client
            .people()
            .connections()
            .list("people/me")
            .setPersonFields("names")
            .setPageSize(50)
            .setSyncToken(token)
            .execute();
    assertThat(otherPageSize.getConnections()).isNull();
  }

  @Test
  @Order(3)
  void syncTokensExpireSevenDaysAfterTheSync() throws Exception {
    PeopleService client = SERVER.people("expiry@example.com");
    client.people().createContact(named("Old")).execute();
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
              assertThat(e.getDetails().getMessage()).startsWith("Sync token is expired");
              assertThat(e.getDetails().getDetails().get(0).getReason())
                  .isEqualTo("EXPIRED_SYNC_TOKEN");
            });
  }
}

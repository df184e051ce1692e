// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static dev.openpeople.people.OtherContactsFixtures.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.ListOtherContactsResponse;
import dev.openpeople.OpenPeopleServer;
import dev.openpeople.OpenPeopleServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server with a tight first-page quota and strict search warmup (--strict-search-warmup). */
class OtherContactsQuotaClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER =
      new OpenPeopleServerExtension(
          OpenPeopleServer.Options.builder("unused")
              .otherContacts(new People.OtherContactsSettings(2, true))
              .build());

  private static ListOtherContactsResponse firstPage(PeopleService client) throws Exception {
    return client.otherContacts().list().setReadMask("names").setPageSize(1).execute();
  }

  @Test
  void firstPagesOfFullSyncsHaveTheirOwnQuota() throws Exception {
    String user = "quota@example.com";
    create(SERVER, user, "Q1", "q1@example.org");
    create(SERVER, user, "Q2", "q2@example.org");
    PeopleService client = SERVER.people(user);
    firstPage(client);
    String next = firstPage(client).getNextPageToken();

    assertThatThrownBy(() -> firstPage(client))
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(429);
              assertThat(e.getDetails().get("status")).isEqualTo("RESOURCE_EXHAUSTED");
              assertThat(e.getDetails().getDetails().get(0).getReason())
                  .isEqualTo("RATE_LIMIT_EXCEEDED");
            });
    // Later pages are not first pages; other users have their own quota.
    assertThat(
            client
                .otherContacts()
                .list()
                .setReadMask("names")
                .setPageSize(1)
                .setPageToken(next)
                .execute()
                .getOtherContacts())
        .hasSize(1);
    assertThat(firstPage(SERVER.people("other-quota@example.com"))).isNotNull();
    // The window is a minute of the server clock.
    SERVER.server().clock().advance(Duration.ofMinutes(1));
    assertThat(firstPage(client).getOtherContacts()).hasSize(1);
  }

  private static int hits(PeopleService client, String query) throws Exception {
    var results =
        client.otherContacts().search().setQuery(query).setReadMask("names").execute().getResults();
    return results == null ? 0 : results.size();
  }

  @Test
  void strictSearchSeesTheDataOfTheLastWarmup() throws Exception {
    String user = "warm@example.com";
    create(SERVER, user, "Early", "early@example.org");
    PeopleService client = SERVER.people(user);

    assertThat(hits(client, "early")).as("never warmed up").isZero();
    assertThat(hits(client, "")).isZero();
    assertThat(hits(client, "early")).isEqualTo(1);
    create(SERVER, user, "Late", "late@example.org");
    assertThat(hits(client, "late")).as("created after the warmup").isZero();
    hits(client, "");
    assertThat(hits(client, "late")).isEqualTo(1);
  }
}

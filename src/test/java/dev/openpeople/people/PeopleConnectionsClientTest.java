// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.ListConnectionsResponse;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import dev.openpeople.OpenPeopleServerExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** people.connections.list: paging, sort orders, masks and bad input, via the Java client. */
class PeopleConnectionsClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  static List<String> createNamed(PeopleService client, String... givenFamily) throws Exception {
    List<String> names = new ArrayList<>();
    for (String pair : givenFamily) {
      String[] parts = pair.split(" ", -1);
      Person created =
          client
              .people()
              .createContact(
                  new Person()
                      .setNames(List.of(new Name().setGivenName(parts[0]).setFamilyName(parts[1]))))
              .execute();
      names.add(created.getResourceName());
    }
    return names;
  }

  static List<String> listAll(PeopleService client, String sortOrder, int pageSize)
      throws Exception {
    List<String> given = new ArrayList<>();
    String token = null;
    do {
      ListConnectionsResponse page =
          client
              .people()
              .connections()
              .list("people/me")
              .setPersonFields("names")
              .setSortOrder(sortOrder)
              .setPageSize(pageSize)
              .setPageToken(token)
              .execute();
      if (page.getConnections() != null) {
        page.getConnections().forEach(p -> given.add(p.getNames().get(0).getGivenName()));
      }
      token = page.getNextPageToken();
    } while (token != null);
    return given;
  }

  @Test
  void listsEveryContactAcrossPagesInModificationOrder() throws Exception {
    PeopleService client = SERVER.people("paging@example.com");
    createNamed(client, "Cy Zeta", "Al Yank", "Bo Xray", "Di Will", "Ed Vic");

    assertThat(listAll(client, null, 2)).containsExactly("Cy", "Al", "Bo", "Di", "Ed");
    assertThat(listAll(client, "LAST_MODIFIED_DESCENDING", 3))
        .containsExactly("Ed", "Di", "Bo", "Al", "Cy");
    assertThat(listAll(client, "FIRST_NAME_ASCENDING", 2))
        .containsExactly("Al", "Bo", "Cy", "Di", "Ed");
    assertThat(listAll(client, "LAST_NAME_ASCENDING", 4))
        .containsExactly("Ed", "Di", "Bo", "Al", "Cy");
  }

  @Test
  void reportsTotalsAndOmitsTokensOnLastPage() throws Exception {
    PeopleService client = SERVER.people("totals@example.com");
    createNamed(client, "A One", "B Two", "C Three");

    ListConnectionsResponse first =
        client
            .people()
            .connections()
            .list("people/me")
            .setPersonFields("names")
            .setPageSize(2)
            .execute();
    ListConnectionsResponse last =
        client
            .people()
            .connections()
            .list("people/me")
            .setPersonFields("names")
            .setPageSize(2)
            .setPageToken(first.getNextPageToken())
            .execute();

    assertThat(first.getTotalItems()).isEqualTo(3);
    assertThat(first.getConnections()).hasSize(2);
    assertThat(first.getNextSyncToken()).isNull();
    assertThat(last.getConnections()).hasSize(1);
    assertThat(last.getNextPageToken()).isNull();
    assertThat(last.getTotalItems()).isEqualTo(3);
  }

  @Test
  void returnsOnlyRequestedFields() throws Exception {
    PeopleService client = SERVER.people("fields@example.com");
    createNamed(client, "Fi Elds");

    Person person =
        client
            .people()
            .connections()
            .list("people/me")
            .setPersonFields("metadata")
            .execute()
            .getConnections()
            .get(0);

    assertThat(person.getNames()).isNull();
    assertThat(person.getMetadata().getSources().get(0).getType()).isEqualTo("CONTACT");
    assertThat(person.getResourceName()).startsWith("people/c");
  }

  @Test
  void emptyListIsEmptyObject() throws Exception {
    ListConnectionsResponse empty =
        SERVER
            .people("nobody@example.com")
            .people()
            .connections()
            .list("people/me")
            .setPersonFields("names")
            .execute();

    assertThat(empty.getConnections()).isNull();
    assertThat(empty.getNextPageToken()).isNull();
  }

  @Test
  void rejectsBadParameters() {
    PeopleService client = SERVER.people("bad@example.com");
    assertBadRequest(() -> client.people().connections().list("people/me").execute());
    assertBadRequest(
        () ->
            client
                .people()
                .connections()
                .list("people/me")
                .setPersonFields("names")
                .setSortOrder("SIDEWAYS")
                .execute());
    assertBadRequest(
        () -> client.people().connections().list("people/c123").setPersonFields("names").execute());
    assertBadRequest(
        () ->
            client
                .people()
                .connections()
                .list("people/me")
                .setPersonFields("names")
                .setPageToken("not-a-token")
                .execute());
  }

  @Test
  void pageTokenIsBoundToParameters() throws Exception {
    PeopleService client = SERVER.people("bound@example.com");
    createNamed(client, "A A", "B B", "C C");
    String token =
        client
            .people()
            .connections()
            .list("people/me")
            .setPersonFields("names")
            .setPageSize(1)
            .execute()
            .getNextPageToken();

    assertBadRequest(
        () ->
            client
                .people()
                .connections()
                .list("people/me")
                .setPersonFields("names,emailAddresses")
                .setPageSize(1)
                .setPageToken(token)
                .execute());
    assertBadRequest(
        () ->
            client
                .people()
                .connections()
                .list("people/me")
                .setPersonFields("names")
                .setPageSize(2)
                .setPageToken(token)
                .execute());
    assertBadRequest(
        () ->
            SERVER
                .people("thief@example.com")
                .people()
                .connections()
                .list("people/me")
                .setPersonFields("names")
                .setPageSize(1)
                .setPageToken(token)
                .execute());
  }

  @Test
  void usersSeeOnlyTheirOwnConnections() throws Exception {
    createNamed(SERVER.people("owner@example.com"), "Own Er");

    assertThat(listAll(SERVER.people("stranger@example.com"), null, 10)).isEmpty();
  }

  static void assertBadRequest(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.ListConnectionsResponse;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import com.google.api.services.people.v1.model.SearchResult;
import dev.openpeople.OpenPeopleServer;
import dev.openpeople.OpenPeopleServerExtension;
import dev.openpeople.server.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Eventual consistency on purpose: with a propagation delay, writes reach connections.list syncs,
 * searchContacts and otherContacts.search only once the server clock has passed the delay, and an
 * incremental sync then delivers what it held back. The server's own delay is 30 s here; users can
 * have their own through the emulator route.
 */
class PropagationDelayClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER =
      new OpenPeopleServerExtension(
          OpenPeopleServer.Options.emulatorDefaults("unused")
              .withPropagationDelay(Duration.ofSeconds(30)));

  private static Person named(String givenName) {
    return new Person().setNames(List.of(new Name().setGivenName(givenName)));
  }

  private static ListConnectionsResponse sync(PeopleService people, String token) throws Exception {
    return people
        .people()
        .connections()
        .list("people/me")
        .setPersonFields("names")
        .setRequestSyncToken(true)
        .setSyncToken(token)
        .execute();
  }

  private static List<String> names(ListConnectionsResponse response) {
    return response.getConnections() == null
        ? List.of()
        : response.getConnections().stream().map(p -> p.getNames().get(0).getGivenName()).toList();
  }

  private static List<String> search(PeopleService people, String query) throws Exception {
    List<SearchResult> results =
        people
            .people()
            .searchContacts()
            .setQuery(query)
            .setReadMask("names")
            .execute()
            .getResults();
    return results == null
        ? List.of()
        : results.stream().map(r -> r.getPerson().getNames().get(0).getGivenName()).toList();
  }

  private static void advance(long seconds) throws Exception {
    assertThat(
            SERVER
                .call("POST", "/emulator/v1/clock:advance", null, "{\"seconds\":" + seconds + "}")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void writesReachSyncAndSearchOnlyAfterTheDelay() throws Exception {
    PeopleService people = SERVER.people("late@example.com");
    people.people().createContact(named("Early")).execute();
    advance(31);
    String token = sync(people, null).getNextSyncToken();

    people.people().createContact(named("Latecomer")).execute();

    ListConnectionsResponse full = sync(people, null);
    assertThat(names(full)).containsExactly("Early");
    ListConnectionsResponse incremental = sync(people, token);
    assertThat(names(incremental)).isEmpty();
    assertThat(search(people, "latecomer")).isEmpty();

    advance(31);

    assertThat(names(sync(people, incremental.getNextSyncToken()))).containsExactly("Latecomer");
    // The full listing's token sat before the hidden write, so it is delivered from there too.
    assertThat(names(sync(people, full.getNextSyncToken()))).containsExactly("Latecomer");
    assertThat(search(people, "latecomer")).containsExactly("Latecomer");
  }

  @Test
  void aUsersOwnDelayOverridesTheServersAndOtherContactsSearchWaitsToo() throws Exception {
    String user = "own@example.com";
    HttpResponse<String> set =
        SERVER.call(
            "PUT", "/emulator/v1/users/" + user + "/propagationDelay", null, "{\"seconds\":0}");
    assertThat(set.statusCode()).isEqualTo(200);
    PeopleService people = SERVER.people(user);
    people.people().createContact(named("Instant")).execute();
    assertThat(search(people, "instant")).containsExactly("Instant");

    SERVER.call(
        "PUT", "/emulator/v1/users/" + user + "/propagationDelay", null, "{\"seconds\":\"120\"}");
    JsonNode read =
        Json.MAPPER.readTree(
            SERVER
                .call("GET", "/emulator/v1/users/" + user + "/propagationDelay", null, null)
                .body());
    assertThat(read.path("seconds").asLong()).isEqualTo(120);
    SERVER.call(
        "POST",
        "/emulator/v1/users/" + user + "/otherContacts",
        null,
        "{\"names\":[{\"givenName\":\"Pending\"}],\"emailAddresses\":[{\"value\":\"p@x.com\"}]}");
    people.otherContacts().search().setQuery("").setReadMask("names").execute();

    assertThat(
            people
                .otherContacts()
                .search()
                .setQuery("pending")
                .setReadMask("names")
                .execute()
                .getResults())
        .isNull();
    advance(121);
    assertThat(
            people
                .otherContacts()
                .search()
                .setQuery("pending")
                .setReadMask("names")
                .execute()
                .getResults())
        .hasSize(1);
  }

  @Test
  void badDelaysAreRefused() throws Exception {
    for (String body :
        List.of("{\"seconds\":-1}", "{\"seconds\":1.5}", "{}", "{\"seconds\":\"x\"}")) {
      HttpResponse<String> response =
          SERVER.call("PUT", "/emulator/v1/users/bad@example.com/propagationDelay", null, body);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(response.body()).contains("INVALID_ARGUMENT");
    }
    assertThat(
            SERVER
                .call(
                    "PUT",
                    "/emulator/v1/users/not-an-email/propagationDelay",
                    null,
                    "{\"seconds\":1}")
                .statusCode())
        .isEqualTo(400);
  }
}

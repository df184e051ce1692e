// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.ListConnectionsResponse;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import dev.openpeople.OpenPeopleServerExtension;
import dev.openpeople.server.Json;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** pageSize above a list method's maximum reads as the maximum (AIP-158); negative is a 400. */
class PageSizeClampClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final String USER = "pages@clamp.example.com";

  @Test
  void connectionsListWithPageSize2000AnswersAPage() throws Exception {
    PeopleService client = SERVER.people(USER);
    client
        .people()
        .createContact(new Person().setNames(List.of(new Name().setGivenName("Clamped"))))
        .execute();
    ListConnectionsResponse page =
        client
            .people()
            .connections()
            .list("people/me")
            .setPersonFields("names")
            .setPageSize(2000)
            .execute();
    assertThat(page.getConnections()).hasSize(1);
  }

  @Test
  void everyListMethodClampsAndRefusesNegativeSizes() throws Exception {
    List<String> lists =
        List.of(
            "/v1/people/me/connections?personFields=names&pageSize=",
            "/v1/otherContacts?readMask=names&pageSize=",
            "/v1/contactGroups?pageSize=",
            "/v1/people:listDirectoryPeople?readMask=names"
                + "&sources=DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE&pageSize=",
            "/v1/people:searchDirectoryPeople?query=clamp&readMask=names"
                + "&sources=DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE&pageSize=");
    for (String list : lists) {
      HttpResponse<String> big = SERVER.call("GET", list + "2000", USER, null);
      assertThat(big.statusCode()).as(list + big.body()).isEqualTo(200);
      HttpResponse<String> negative = SERVER.call("GET", list + "-1", USER, null);
      assertThat(negative.statusCode()).as(list).isEqualTo(400);
      JsonNode error = Json.MAPPER.readTree(negative.body()).get("error");
      assertThat(error.get("status").asText()).isEqualTo("INVALID_ARGUMENT");
    }
  }
}

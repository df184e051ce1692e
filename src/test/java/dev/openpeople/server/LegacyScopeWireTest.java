// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.services.people.v1.model.ListConnectionsResponse;
import com.google.api.services.people.v1.model.Person;
import dev.openpeople.OpenPeopleServerExtension;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tokens holding only the legacy Contacts API scope call the People API contact methods, and a 403
 * for a missing scope carries Google's {@code WWW-Authenticate} challenge.
 */
class LegacyScopeWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static String token(String email, String scope) {
    return AuthClientTest.unsignedJwt("{\"email\":\"" + email + "\",\"scope\":\"" + scope + "\"}");
  }

  @Test
  void legacyFeedsScopeCallsContactMethodsThroughTheOfficialClient() throws Exception {
    String legacy = token("legacy@example.com", "https://www.google.com/m8/feeds");
    var people = SERVER.people(legacy);
    Person created =
        people
            .people()
            .createContact(
                new Person()
                    .setNames(
                        List.of(
                            new com.google.api.services.people.v1.model.Name()
                                .setGivenName("Old"))))
            .execute();
    assertThat(created.getResourceName()).startsWith("people/c");
    ListConnectionsResponse list =
        people.people().connections().list("people/me").setPersonFields("names").execute();
    assertThat(list.getConnections())
        .extracting(Person::getResourceName)
        .containsExactly(created.getResourceName());
  }

  @Test
  void everyLegacyVariantIsAccepted() throws Exception {
    for (String scope : Scopes.LEGACY_CONTACTS) {
      HttpResponse<String> response =
          SERVER.call(
              "GET",
              "/v1/people/me/connections?personFields=names",
              token("variant@example.com", scope),
              null);
      assertThat(response.statusCode()).as(scope).isEqualTo(200);
    }
  }

  @Test
  void legacyScopeDoesNotOpenDirectoryMethods() throws Exception {
    HttpResponse<String> response =
        SERVER.call(
            "GET",
            "/v1/people:listDirectoryPeople?readMask=names&sources=DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE",
            token("legacy2@example.com", "https://www.google.com/m8/feeds"),
            null);
    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void missingScopeCarriesTheInsufficientScopeChallenge() throws Exception {
    HttpResponse<String> response =
        SERVER.call(
            "GET",
            "/v1/people/me/connections?personFields=names",
            token("profile@example.com", "https://www.googleapis.com/auth/userinfo.email"),
            null);
    assertThat(response.statusCode()).isEqualTo(403);
    JsonNode error = Json.MAPPER.readTree(response.body()).get("error");
    assertThat(error.get("status").asText()).isEqualTo("PERMISSION_DENIED");
    String challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
    assertThat(challenge)
        .startsWith(
            "Bearer realm=\"https://accounts.google.com/\", error=\"insufficient_scope\","
                + " scope=\"https://www.googleapis.com/auth/contacts"
                + " https://www.googleapis.com/auth/contacts.readonly"
                + " https://www.google.com/m8/feeds https://www.google.com/m8/feeds/ ")
        .contains(" http://www.google.com/m8/feeds/user/\"");
  }
}

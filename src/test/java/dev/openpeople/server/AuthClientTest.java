// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import dev.openpeople.OpenPeopleServerExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Emulator-mode credentials and per-method scopes. */
class AuthClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  static String unsignedJwt(String claimsJson) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8))
        + ".";
  }

  @Test
  void unsignedJwtGrantsOnlyItsScopes() throws Exception {
    String readOnly =
        unsignedJwt(
            "{\"email\":\"ro@example.com\",\"scope\":\"https://www.googleapis.com/auth/contacts.readonly\"}");

    Person me =
        SERVER
            .people(readOnly)
            .people()
            .get("people/me")
            .setPersonFields("emailAddresses")
            .execute();
    assertThat(me.getEmailAddresses().get(0).getValue()).isEqualTo("ro@example.com");

    HttpResponse<String> denied = SERVER.call("POST", "/v1/people:createContact", readOnly, "{}");
    assertThat(denied.statusCode()).isEqualTo(403);
    JsonNode error = Json.MAPPER.readTree(denied.body()).get("error");
    assertThat(error.get("status").asText()).isEqualTo("PERMISSION_DENIED");
    assertThat(error.at("/details/0/reason").asText()).isEqualTo("ACCESS_TOKEN_SCOPE_INSUFFICIENT");
    assertThat(error.at("/details/0/metadata/method").asText())
        .isEqualTo("google.people.v1.PeopleService.CreateContact");
  }

  @Test
  void shortScopeNamesAreAccepted() throws Exception {
    String token = unsignedJwt("{\"email\":\"short@example.com\",\"scope\":\"contacts\"}");

    Person created =
        SERVER
            .people(token)
            .people()
            .createContact(new Person().setNames(List.of(new Name().setGivenName("S"))))
            .execute();

    assertThat(created.getResourceName()).startsWith("people/c");
  }

  @Test
  void badOrMissingCredentialsAre401WithGooglesChallenge() throws Exception {
    for (String token :
        new String[] {
          null,
          "not a token",
          unsignedJwt("{\"scope\":\"contacts\"}"),
          "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"
        }) {
      HttpResponse<String> response =
          SERVER.call("GET", "/v1/people/me?personFields=names", token, null);
      assertThat(response.statusCode()).as(String.valueOf(token)).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValue("Bearer realm=\"https://accounts.google.com/\"");
      assertThat(Json.MAPPER.readTree(response.body()).at("/error/status").asText())
          .isEqualTo("UNAUTHENTICATED");
    }
    assertThatThrownBy(
            () -> SERVER.people("").people().get("people/me").setPersonFields("names").execute())
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(401));
  }

  @Test
  void accessTokenQueryParameterIsACredential() throws Exception {
    HttpResponse<String> response =
        SERVER.call(
            "GET",
            "/v1/people/me?personFields=emailAddresses&access_token=query@example.com",
            null,
            null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("query@example.com");
  }
}

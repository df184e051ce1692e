// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import dev.openpeople.OpenPeopleServerExtension;
import dev.openpeople.server.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Makes other contacts through the emulator API for the otherContacts tests. */
final class OtherContactsFixtures {
  private OtherContactsFixtures() {}

  /** An unsigned emulator JWT for {@code user} granting only {@code scope}. */
  static String token(String user, String scope) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String claims = "{\"email\":\"" + user + "\",\"scope\":\"" + scope + "\"}";
    return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + ".";
  }

  /** A Person JSON with a name, an e-mail address and optionally a phone number. */
  static String person(String given, String family, String email, String phone) {
    ObjectNode person = Json.object();
    ObjectNode name = person.putArray("names").addObject();
    name.put("givenName", given);
    if (family != null) {
      name.put("familyName", family);
    }
    if (email != null) {
      person.putArray("emailAddresses").addObject().put("value", email);
    }
    if (phone != null) {
      person.putArray("phoneNumbers").addObject().put("value", phone);
    }
    return Json.writeString(person);
  }

  /** Creates an other contact for {@code user}; returns its resource name. */
  static String create(OpenPeopleServerExtension server, String user, String personJson)
      throws Exception {
    HttpResponse<String> created =
        server.call("POST", "/emulator/v1/users/" + user + "/otherContacts", null, personJson);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    return Json.MAPPER.readTree(created.body()).get("resourceName").asText();
  }

  static String create(OpenPeopleServerExtension server, String user, String given, String email)
      throws Exception {
    return create(server, user, person(given, null, email, null));
  }

  /** Records an interaction; returns the answer's JSON. */
  static JsonNode interact(OpenPeopleServerExtension server, String user, String body)
      throws Exception {
    HttpResponse<String> answer =
        server.call("POST", "/emulator/v1/users/" + user + "/interactions", null, body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return Json.MAPPER.readTree(answer.body());
  }

  static void delete(OpenPeopleServerExtension server, String user, String resourceName)
      throws Exception {
    HttpResponse<String> answer =
        server.call("DELETE", "/emulator/v1/users/" + user + "/" + resourceName, null, null);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  static void assertStatus(int code, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class,
            e -> assertThat(e.getStatusCode()).as(e.getMessage()).isEqualTo(code));
  }

  /** Asserts a 400 whose message contains {@code text}. */
  static void assertBadRequest(String text, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(400);
              assertThat(e.getDetails().getMessage()).contains(text);
            });
  }
}

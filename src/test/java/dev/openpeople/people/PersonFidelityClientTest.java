// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.ClientData;
import com.google.api.services.people.v1.model.GetPeopleResponse;
import com.google.api.services.people.v1.model.ListConnectionsResponse;
import com.google.api.services.people.v1.model.ListOtherContactsResponse;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import com.google.api.services.people.v1.model.PhoneNumber;
import dev.openpeople.OpenPeopleServerExtension;
import dev.openpeople.server.Json;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Person fields as real clients send and read them: empty values, clientData, scopes. */
class PersonFidelityClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  @Test
  void emptyItemsAreDroppedAndEmptyStringsNeverEchoed() throws Exception {
    String user = "empty@fidelity.example.com";
    HttpResponse<String> created =
        SERVER.call(
            "POST",
            "/v1/people:createContact?personFields=names,phoneNumbers,addresses,emailAddresses",
            user,
            "{\"names\":[{\"givenName\":\"Ann\",\"familyName\":\"\"}],"
                + "\"phoneNumbers\":[{\"value\":null},{},{\"value\":\"\",\"type\":\"\"},"
                + "{\"value\":\"+1 650 253 0000\"}],"
                + "\"addresses\":[{\"city\":\"Paris\",\"region\":\"\"}],"
                + "\"emailAddresses\":[{\"value\":\"\"}]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode person = Json.MAPPER.readTree(created.body());
    assertThat(person.get("phoneNumbers")).hasSize(1);
    assertThat(person.at("/phoneNumbers/0/metadata/primary").asBoolean()).isTrue();
    assertThat(person.has("emailAddresses")).isFalse();
    assertThat(person.at("/names/0").has("familyName")).isFalse();
    assertThat(person.at("/addresses/0").has("region")).isFalse();
    assertThat(created.body()).doesNotContain("\"\"");

    // A client that reads every phone's value no longer meets a phone without one.
    ListConnectionsResponse list =
        SERVER
            .people(user)
            .people()
            .connections()
            .list("people/me")
            .setPersonFields("phoneNumbers")
            .execute();
    assertThat(list.getConnections().get(0).getPhoneNumbers())
        .extracting(PhoneNumber::getValue)
        .containsExactly("+1 650 253 0000");
  }

  @Test
  void otherContactWithOnlyADisplayNameKeepsIt() throws Exception {
    String user = "display@fidelity.example.com";
    OtherContactsFixtures.create(
        SERVER, user, "{\"names\":[{\"displayName\":\"Pat from Sales\"}]}");
    ListOtherContactsResponse list =
        SERVER.people(user).otherContacts().list().setReadMask("names").execute();
    Name name = list.getOtherContacts().get(0).getNames().get(0);
    assertThat(name.getDisplayName()).isEqualTo("Pat from Sales");
  }

  @Test
  void clientDataCarriesMetadataLikeEveryOtherField() throws Exception {
    PeopleService client = SERVER.people("client@fidelity.example.com");
    Person created =
        client
            .people()
            .createContact(
                new Person()
                    .setNames(List.of(new Name().setGivenName("Data")))
                    .setClientData(List.of(new ClientData().setKey("crm").setValue("42"))))
            .setPersonFields("clientData")
            .execute();
    ClientData data = created.getClientData().get(0);
    assertThat(data.getKey()).isEqualTo("crm");
    assertThat(data.getMetadata().getPrimary()).isTrue();
    assertThat(data.getMetadata().getSource().getType()).isEqualTo("CONTACT");
  }

  @Test
  void profileScopesDoNotReadSavedContacts() throws Exception {
    String user = "scopes@fidelity.example.com";
    Person contact =
        SERVER
            .people(user)
            .people()
            .createContact(new Person().setNames(List.of(new Name().setGivenName("Secret"))))
            .execute();
    String name = contact.getResourceName();
    for (String scope :
        List.of(
            "https://www.googleapis.com/auth/userinfo.profile",
            "https://www.googleapis.com/auth/directory.readonly",
            "https://www.googleapis.com/auth/contacts.other.readonly")) {
      String token = OtherContactsFixtures.token(user, scope);
      HttpResponse<String> get =
          SERVER.call("GET", "/v1/" + name + "?personFields=names", token, null);
      assertThat(get.statusCode()).as(scope).isEqualTo(403);
      assertThat(get.headers().firstValue("WWW-Authenticate").orElse(""))
          .contains("insufficient_scope");
      GetPeopleResponse batch =
          SERVER
              .people(token)
              .people()
              .getBatchGet()
              .setResourceNames(List.of(name, "people/me"))
              .setPersonFields("names")
              .execute();
      assertThat(batch.getResponses().get(0).getHttpStatusCode()).as(scope).isEqualTo(403);
      assertThat(batch.getResponses().get(0).getPerson()).isNull();
      assertThat(batch.getResponses().get(1).getHttpStatusCode()).isEqualTo(200);
    }
    String readOnly =
        OtherContactsFixtures.token(user, "https://www.googleapis.com/auth/contacts.readonly");
    assertThat(
            SERVER.call("GET", "/v1/" + name + "?personFields=names", readOnly, null).statusCode())
        .isEqualTo(200);
  }
}

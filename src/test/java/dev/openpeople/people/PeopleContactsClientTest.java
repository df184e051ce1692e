// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.EmailAddress;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import com.google.api.services.people.v1.model.PhoneNumber;
import dev.openpeople.OpenPeopleServerExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** createContact, get, updateContact and deleteContact through the official Java client. */
class PeopleContactsClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private final PeopleService alice = SERVER.people("alice@example.com");
  private final PeopleService bob = SERVER.people("bob@example.com");

  static Person john() {
    return new Person()
        .setNames(List.of(new Name().setGivenName("John").setFamilyName("Doe")))
        .setEmailAddresses(List.of(new EmailAddress().setValue("john@example.com").setType("work")))
        .setPhoneNumbers(List.of(new PhoneNumber().setValue("+1 555 0100").setType("mobile")));
  }

  @Test
  void createContactReturnsContactResourceNameAndComputedFields() throws Exception {
    Person created = alice.people().createContact(john()).execute();

    assertThat(created.getResourceName()).matches("people/c\\d+");
    assertThat(created.getEtag()).startsWith("%");
    assertThat(created.getNames().get(0).getDisplayName()).isEqualTo("John Doe");
    assertThat(created.getNames().get(0).getDisplayNameLastFirst()).isEqualTo("Doe, John");
    assertThat(created.getEmailAddresses().get(0).getFormattedType()).isEqualTo("Work");
    assertThat(created.getPhoneNumbers().get(0).getCanonicalForm()).isEqualTo("+15550100");
    assertThat(created.getEmailAddresses().get(0).getMetadata().getPrimary()).isTrue();
    assertThat(created.getEmailAddresses().get(0).getMetadata().getSource().getType())
        .isEqualTo("CONTACT");
    assertThat(
            created
                .getMemberships()
                .get(0)
                .getContactGroupMembership()
                .getContactGroupResourceName())
        .isEqualTo("contactGroups/myContacts");
  }

  @Test
  void getReturnsOnlyRequestedFields() throws Exception {
    Person created = alice.people().createContact(john()).execute();

    Person got = alice.people().get(created.getResourceName()).setPersonFields("names").execute();

    assertThat(got.getNames()).hasSize(1);
    assertThat(got.getEmailAddresses()).isNull();
    assertThat(got.getMetadata()).isNull();
    assertThat(got.getEtag()).isEqualTo(created.getEtag());
  }

  @Test
  void getRequiresPersonFields() {
    assertThatThrownBy(() -> alice.people().get("people/me").execute())
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(400);
              assertThat(e.getDetails().getMessage()).startsWith("personFields mask is required");
            });
  }

  @Test
  void getPeopleMeReturnsTheCallersProfile() throws Exception {
    Person me =
        alice.people().get("people/me").setPersonFields("emailAddresses,metadata").execute();

    assertThat(me.getResourceName()).matches("people/\\d{21}");
    assertThat(me.getEmailAddresses().get(0).getValue()).isEqualTo("alice@example.com");
    assertThat(me.getMetadata().getSources().get(0).getType()).isEqualTo("PROFILE");
  }

  @Test
  void updateContactReplacesMaskedFieldsAndClearsAbsentOnes() throws Exception {
    Person created = alice.people().createContact(john()).execute();
    Person change =
        new Person()
            .setEtag(created.getEtag())
            .setNames(List.of(new Name().setGivenName("Johnny")));

    Person updated =
        alice
            .people()
            .updateContact(created.getResourceName(), change)
            .setUpdatePersonFields("names,phoneNumbers")
            .execute();

    assertThat(updated.getNames().get(0).getDisplayName()).isEqualTo("Johnny");
    assertThat(updated.getPhoneNumbers()).isNull();
    assertThat(updated.getEmailAddresses().get(0).getValue()).isEqualTo("john@example.com");
    assertThat(updated.getEtag()).isNotEqualTo(created.getEtag());
  }

  @Test
  void updateContactRejectsStaleEtag() throws Exception {
    Person created = alice.people().createContact(john()).execute();
    alice
        .people()
        .updateContact(created.getResourceName(), new Person().setEtag(created.getEtag()))
        .setUpdatePersonFields("biographies")
        .execute();

    assertThatThrownBy(
            () ->
                alice
                    .people()
                    .updateContact(created.getResourceName(), created)
                    .setUpdatePersonFields("names")
                    .execute())
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(400);
              assertThat(e.getDetails().get("status")).isEqualTo("FAILED_PRECONDITION");
            });
  }

  @Test
  void updateContactRequiresEtagAndMask() throws Exception {
    Person created = alice.people().createContact(john()).execute();

    assertThatThrownBy(
            () ->
                alice
                    .people()
                    .updateContact(created.getResourceName(), new Person())
                    .setUpdatePersonFields("names")
                    .execute())
        .hasMessageContaining("Request must set person.etag");
    assertThatThrownBy(
            () -> alice.people().updateContact(created.getResourceName(), created).execute())
        .hasMessageContaining("updatePersonFields mask is required");
  }

  @Test
  void singletonFieldsAcceptOneValue() {
    Person twoNames =
        new Person().setNames(List.of(new Name().setGivenName("A"), new Name().setGivenName("B")));

    assertThatThrownBy(() -> alice.people().createContact(twoNames).execute())
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
  }

  @Test
  void deleteContactRemovesIt() throws Exception {
    Person created = alice.people().createContact(john()).execute();

    alice.people().deleteContact(created.getResourceName()).execute();

    assertThatThrownBy(
            () -> alice.people().get(created.getResourceName()).setPersonFields("names").execute())
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
  }

  @Test
  void usersNeverSeeEachOthersContacts() throws Exception {
    Person created = alice.people().createContact(john()).execute();

    assertThatThrownBy(
            () -> bob.people().get(created.getResourceName()).setPersonFields("names").execute())
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    assertThatThrownBy(() -> bob.people().deleteContact(created.getResourceName()).execute())
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
  }
}

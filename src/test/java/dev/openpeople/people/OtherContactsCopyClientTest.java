// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static dev.openpeople.people.OtherContactsFixtures.assertBadRequest;
import static dev.openpeople.people.OtherContactsFixtures.assertStatus;
import static dev.openpeople.people.OtherContactsFixtures.create;
import static dev.openpeople.people.OtherContactsFixtures.interact;
import static dev.openpeople.people.OtherContactsFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.CopyOtherContactToMyContactsGroupRequest;
import com.google.api.services.people.v1.model.ListConnectionsResponse;
import com.google.api.services.people.v1.model.ListOtherContactsResponse;
import com.google.api.services.people.v1.model.Person;
import dev.openpeople.OpenPeopleServerExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** otherContacts.copyOtherContactToMyContactsGroup through the official client. */
class OtherContactsCopyClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static Person copy(PeopleService client, String name, String copyMask) throws Exception {
    return client
        .otherContacts()
        .copyOtherContactToMyContactsGroup(
            name, new CopyOtherContactToMyContactsGroupRequest().setCopyMask(copyMask))
        .execute();
  }

  @Test
  void copyCreatesTheSameIdInMyContactsAndRetiresTheOtherContact() throws Exception {
    String user = "copy@example.com";
    String name =
        create(SERVER, user, person("Eve", "Moneypenny", "eve@example.org", "+44 20 7946 0000"));
    PeopleService client = SERVER.people(user);
    ListConnectionsResponse before =
        client
            .people()
            .connections()
            .list("people/me")
            .setPersonFields("names")
            .setRequestSyncToken(true)
            .execute();
    ListOtherContactsResponse othersBefore =
        client.otherContacts().list().setReadMask("names").setRequestSyncToken(true).execute();

    Person copied = copy(client, name, "names,emailAddresses");

    assertThat(copied.getResourceName()).isEqualTo(name.replace("otherContacts/", "people/"));
    assertThat(copied.getMetadata().getSources().get(0).getType()).isEqualTo("CONTACT");
    assertThat(copied.getNames().get(0).getDisplayName()).isEqualTo("Eve Moneypenny");
    assertThat(copied.getNames().get(0).getMetadata().getSource().getType()).isEqualTo("CONTACT");
    assertThat(copied.getEmailAddresses().get(0).getValue()).isEqualTo("eve@example.org");
    assertThat(copied.getPhoneNumbers()).as("not in the copy mask").isNull();
    assertThat(
            copied
                .getMemberships()
                .get(0)
                .getContactGroupMembership()
                .getContactGroupResourceName())
        .isEqualTo("contactGroups/myContacts");
    assertVisibleAsContactOnly(client, name, copied, before, othersBefore);
  }

  private static void assertVisibleAsContactOnly(
      PeopleService client,
      String name,
      Person copied,
      ListConnectionsResponse before,
      ListOtherContactsResponse othersBefore)
      throws Exception {
    // A contact now: in connections.list and its sync, fetchable with people.get.
    List<Person> delta =
        client
            .people()
            .connections()
            .list("people/me")
            .setPersonFields("names")
            .setRequestSyncToken(true)
            .setSyncToken(before.getNextSyncToken())
            .execute()
            .getConnections();
    assertThat(delta).extracting(Person::getResourceName).containsExactly(copied.getResourceName());
    assertThat(
            client
                .people()
                .get(copied.getResourceName())
                .setPersonFields("names")
                .execute()
                .getNames())
        .hasSize(1);
    // No longer an other contact: gone from the list, reported deleted by the next sync.
    assertThat(client.otherContacts().list().setReadMask("names").execute().getOtherContacts())
        .isNull();
    List<Person> otherDelta =
        client
            .otherContacts()
            .list()
            .setReadMask("names")
            .setRequestSyncToken(true)
            .setSyncToken(othersBefore.getNextSyncToken())
            .execute()
            .getOtherContacts();
    assertThat(otherDelta).hasSize(1);
    assertThat(otherDelta.get(0).getResourceName()).isEqualTo(name);
    assertThat(otherDelta.get(0).getMetadata().getDeleted()).isTrue();
  }

  @Test
  void copyingTwiceIsAConflictNeverADuplicate() throws Exception {
    String user = "twice@example.com";
    String name = create(SERVER, user, "Twice", "twice@example.org");
    PeopleService client = SERVER.people(user);
    copy(client, name, "names");

    assertStatus(409, () -> copy(client, name, "names"));
    assertThat(
            client
                .people()
                .connections()
                .list("people/me")
                .setPersonFields("names")
                .execute()
                .getConnections())
        .hasSize(1);
  }

  @Test
  void interactionsWithASavedAddressMakeNoOtherContact() throws Exception {
    String user = "saved@example.com";
    String name = create(SERVER, user, "Kept", "kept@example.org");
    PeopleService client = SERVER.people(user);
    Person copied = copy(client, name, "names,emailAddresses");
    Person created =
        client
            .people()
            .createContact(
                new Person()
                    .setEmailAddresses(
                        List.of(
                            new com.google.api.services.people.v1.model.EmailAddress()
                                .setValue("Made@Example.org"))))
            .execute();

    assertThat(
            interact(SERVER, user, "{\"email\":\"KEPT@example.org\"}").get("resourceName").asText())
        .isEqualTo(copied.getResourceName());
    assertThat(
            interact(SERVER, user, "{\"email\":\"made@example.org\"}").get("resourceName").asText())
        .isEqualTo(created.getResourceName());
    assertThat(client.otherContacts().list().setReadMask("names").execute().getOtherContacts())
        .isNull();
    // An address that is merely a prefix of a saved one is still a new other contact.
    assertThat(
            interact(SERVER, user, "{\"email\":\"kept@example.o\"}").get("resourceName").asText())
        .startsWith("otherContacts/c");
  }

  @Test
  void copyValidatesItsRequest() throws Exception {
    String user = "copyargs@example.com";
    String name = create(SERVER, user, "Args", "args@example.org");
    PeopleService client = SERVER.people(user);

    assertBadRequest(
        "copyMask mask is required",
        () ->
            client
                .otherContacts()
                .copyOtherContactToMyContactsGroup(
                    name, new CopyOtherContactToMyContactsGroupRequest())
                .execute());
    assertBadRequest(
        "Invalid copyMask mask path: \"birthdays\"", () -> copy(client, name, "birthdays"));
    assertBadRequest(
        "Invalid readMask mask path",
        () ->
            client
                .otherContacts()
                .copyOtherContactToMyContactsGroup(
                    name,
                    new CopyOtherContactToMyContactsGroupRequest()
                        .setCopyMask("names")
                        .setReadMask("bogus"))
                .execute());
    assertBadRequest(
        "is not a valid other contact", () -> copy(client, "otherContacts/xyz", "names"));
    assertStatus(404, () -> copy(client, "otherContacts/c12345", "names"));
    // Nothing was written by the failed calls.
    assertThat(client.otherContacts().list().setReadMask("names").execute().getOtherContacts())
        .hasSize(1);

    Person shaped =
        client
            .otherContacts()
            .copyOtherContactToMyContactsGroup(
                name,
                new CopyOtherContactToMyContactsGroupRequest()
                    .setCopyMask("names,emailAddresses")
                    .setReadMask("emailAddresses")
                    .setSources(List.of("READ_SOURCE_TYPE_CONTACT")))
            .execute();
    assertThat(shaped.getNames()).isNull();
    assertThat(shaped.getEmailAddresses().get(0).getValue()).isEqualTo("args@example.org");
  }

  @Test
  void copyNeedsAWriteOrOtherContactsScope() throws Exception {
    String user = "copyscope@example.com";
    String name = create(SERVER, user, "Scope", "scope@example.org");
    String readOnly = OtherContactsFixtures.token(user, "contacts.readonly");
    String contacts = OtherContactsFixtures.token(user, "contacts");

    assertStatus(403, () -> copy(SERVER.people(readOnly), name, "names"));
    assertThat(copy(SERVER.people(contacts), name, "names").getResourceName())
        .startsWith("people/c");
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static dev.openpeople.people.ContactGroupsClientTest.assertStatus;
import static dev.openpeople.people.ContactGroupsClientTest.contact;
import static dev.openpeople.people.ContactGroupsClientTest.create;
import static dev.openpeople.people.PeopleConnectionsClientTest.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.BatchCreateContactsRequest;
import com.google.api.services.people.v1.model.ContactGroup;
import com.google.api.services.people.v1.model.ContactGroupMembership;
import com.google.api.services.people.v1.model.ContactToCreate;
import com.google.api.services.people.v1.model.ListConnectionsResponse;
import com.google.api.services.people.v1.model.Membership;
import com.google.api.services.people.v1.model.ModifyContactGroupMembersRequest;
import com.google.api.services.people.v1.model.ModifyContactGroupMembersResponse;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import com.google.api.services.people.v1.model.PersonResponse;
import dev.openpeople.OpenPeopleServerExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** contactGroups.members.modify, and memberships as people show and change them. */
class ContactGroupsMembersClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static ModifyContactGroupMembersResponse modify(
      PeopleService client, String group, List<String> add, List<String> remove) throws Exception {
    return client
        .contactGroups()
        .members()
        .modify(
            group,
            new ModifyContactGroupMembersRequest()
                .setResourceNamesToAdd(add)
                .setResourceNamesToRemove(remove))
        .execute();
  }

  private static List<String> groupsOf(PeopleService client, String person) throws Exception {
    Person got = client.people().get(person).setPersonFields("memberships").execute();
    return got.getMemberships().stream()
        .map(m -> m.getContactGroupMembership().getContactGroupResourceName())
        .toList();
  }

  private static Membership member(String group) {
    return new Membership()
        .setContactGroupMembership(new ContactGroupMembership().setContactGroupResourceName(group));
  }

  private static int count(PeopleService client, String group) throws Exception {
    Integer count = client.contactGroups().get(group).execute().getMemberCount();
    return count == null ? 0 : count;
  }

  @Test
  void modifyAddsAndRemovesMembersAndChangesTheirEtags() throws Exception {
    PeopleService client = SERVER.people("modify@example.com");
    ContactGroup group = create(client, "Friends of Ann");
    Person ann = contact(client, "Ann");
    Person bob = contact(client, "Bob");
    ListConnectionsResponse full =
        client
            .people()
            .connections()
            .list("people/me")
            .setPersonFields("names")
            .setRequestSyncToken(true)
            .execute();

    ModifyContactGroupMembersResponse added =
        modify(
            client,
            group.getResourceName(),
            List.of(ann.getResourceName(), bob.getResourceName()),
            null);
    assertThat(added.getNotFoundResourceNames()).isNull();
    assertThat(added.getCanNotRemoveLastContactGroupResourceNames()).isNull();
    assertThat(count(client, group.getResourceName())).isEqualTo(2);
    assertThat(groupsOf(client, ann.getResourceName()))
        .containsExactly("contactGroups/myContacts", group.getResourceName());
    ContactGroup after = client.contactGroups().get(group.getResourceName()).execute();
    assertThat(after.getEtag()).isNotEqualTo(group.getEtag());

    ListConnectionsResponse delta =
        client
            .people()
            .connections()
            .list("people/me")
            .setPersonFields("names")
            .setSyncToken(full.getNextSyncToken())
            .setRequestSyncToken(true)
            .execute();
    assertThat(delta.getConnections())
        .extracting(Person::getResourceName)
        .containsExactlyInAnyOrder(ann.getResourceName(), bob.getResourceName());
    assertThat(delta.getConnections().get(0).getEtag()).isNotIn(ann.getEtag(), bob.getEtag());

    modify(client, group.getResourceName(), null, List.of(bob.getResourceName()));
    assertThat(count(client, group.getResourceName())).isEqualTo(1);
    assertThat(groupsOf(client, bob.getResourceName())).containsExactly("contactGroups/myContacts");

    modify(client, "contactGroups/starred", List.of(bob.getResourceName()), null);
    assertThat(count(client, "contactGroups/starred")).isEqualTo(1);
    assertThat(groupsOf(client, bob.getResourceName()))
        .containsExactly("contactGroups/myContacts", "contactGroups/starred");
  }

  @Test
  void modifyReportsUnknownPeopleAndLastGroups() throws Exception {
    PeopleService client = SERVER.people("report@example.com");
    Person only = contact(client, "Only");
    Person gone = contact(client, "Gone");
    client.people().deleteContact(gone.getResourceName()).execute();

    ModifyContactGroupMembersResponse response =
        modify(
            client,
            "contactGroups/myContacts",
            List.of("people/c123456789", "people/me", gone.getResourceName()),
            List.of(only.getResourceName()));

    assertThat(response.getNotFoundResourceNames())
        .containsExactlyInAnyOrder("people/c123456789", "people/me", gone.getResourceName());
    assertThat(response.getCanNotRemoveLastContactGroupResourceNames())
        .containsExactly(only.getResourceName());
    assertThat(groupsOf(client, only.getResourceName()))
        .containsExactly("contactGroups/myContacts");
  }

  @Test
  void onlyMyContactsStarredAndUserGroupsTakeNewMembers() throws Exception {
    PeopleService client = SERVER.people("deprecated@example.com");
    Person ann = contact(client, "Ann");
    for (String group :
        List.of("friends", "family", "coworkers", "chatBuddies", "all", "blocked")) {
      assertStatus(
          () -> modify(client, "contactGroups/" + group, List.of(ann.getResourceName()), null),
          400,
          "FAILED_PRECONDITION");
    }
    // Removing from a deprecated group the contact is not in is harmless.
    assertThat(modify(client, "contactGroups/friends", null, List.of(ann.getResourceName())))
        .isNotNull();
    assertStatus(
        () -> modify(client, "contactGroups/0badc0de", List.of(ann.getResourceName()), null),
        404,
        "NOT_FOUND");
    assertBadRequest(() -> modify(client, "contactGroups/myContacts", List.of("c1"), null));
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      tooMany.add("people/c" + (i + 1));
    }
    assertBadRequest(() -> modify(client, "contactGroups/myContacts", tooMany, null));
  }

  @Test
  void aThousandMembersAtOnce() throws Exception {
    PeopleService client = SERVER.people("thousand@example.com");
    List<String> names = new ArrayList<>();
    for (int batch = 0; batch < 5; batch++) {
      List<ContactToCreate> contacts = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        contacts.add(
            new ContactToCreate()
                .setContactPerson(
                    new Person().setNames(List.of(new Name().setGivenName("P" + batch + i)))));
      }
      client
          .people()
          .batchCreateContacts(
              new BatchCreateContactsRequest().setContacts(contacts).setReadMask("names"))
          .execute()
          .getCreatedPeople()
          .stream()
          .map(PersonResponse::getPerson)
          .forEach(p -> names.add(p.getResourceName()));
    }
    ContactGroup group = create(client, "Big");

    ModifyContactGroupMembersResponse response =
        modify(client, group.getResourceName(), names, null);

    assertThat(response.getNotFoundResourceNames()).isNull();
    assertThat(count(client, group.getResourceName())).isEqualTo(1000);
    assertThat(count(client, "contactGroups/myContacts")).isEqualTo(1000);

    // One more, only in the group; deleting the group (in slices of 1,000) keeps every contact.
    Person extra =
        client
            .people()
            .createContact(new Person().setMemberships(List.of(member(group.getResourceName()))))
            .execute();
    assertThat(count(client, group.getResourceName())).isEqualTo(1001);
    client.contactGroups().delete(group.getResourceName()).execute();
    assertThat(count(client, "contactGroups/myContacts")).isEqualTo(1001);
    assertThat(groupsOf(client, extra.getResourceName()))
        .containsExactly("contactGroups/myContacts");
    assertThat(groupsOf(client, names.get(999))).containsExactly("contactGroups/myContacts");
  }

  @Test
  void membershipsAreWrittenThroughCreateAndUpdateContact() throws Exception {
    PeopleService client = SERVER.people("memberships@example.com");
    ContactGroup group = create(client, "Climbing");
    Person created =
        client
            .people()
            .createContact(
                new Person()
                    .setNames(List.of(new Name().setGivenName("Cleo")))
                    .setMemberships(
                        List.of(member(group.getResourceName()), member("contactGroups/starred"))))
            .setPersonFields("memberships")
            .execute();
    assertThat(created.getMemberships())
        .extracting(m -> m.getContactGroupMembership().getContactGroupId())
        .containsExactly(group.getResourceName().substring(14), "starred");
    assertThat(count(client, group.getResourceName())).isEqualTo(1);
    assertThat(count(client, "contactGroups/myContacts")).isZero();

    Person updated =
        client
            .people()
            .updateContact(
                created.getResourceName(),
                new Person()
                    .setEtag(created.getEtag())
                    .setMemberships(List.of(member("contactGroups/myContacts"))))
            .setUpdatePersonFields("memberships")
            .setPersonFields("memberships")
            .execute();
    assertThat(updated.getEtag()).isNotEqualTo(created.getEtag());
    assertThat(count(client, group.getResourceName())).isZero();
    assertThat(count(client, "contactGroups/starred")).isZero();
    assertThat(count(client, "contactGroups/myContacts")).isEqualTo(1);

    assertBadRequest(
        () ->
            client
                .people()
                .updateContact(
                    created.getResourceName(),
                    new Person().setEtag(updated.getEtag()).setMemberships(List.of()))
                .setUpdatePersonFields("memberships")
                .execute());
    for (String bad :
        List.of("contactGroups/friends", "contactGroups/00ff00ff", "contactGroups/Bad-Name")) {
      assertBadRequest(
          () ->
              client
                  .people()
                  .createContact(new Person().setMemberships(List.of(member(bad))))
                  .execute());
    }
    assertThat(count(client, "contactGroups/myContacts")).isEqualTo(1);
  }

  @Test
  void deletingAGroupUpdatesOrDeletesItsMembers() throws Exception {
    PeopleService client = SERVER.people("groupdelete@example.com");
    ContactGroup keep = create(client, "Keep members");
    ContactGroup drop = create(client, "Drop members");
    Person kept = contact(client, "Kept");
    Person onlyInGroup =
        client
            .people()
            .createContact(new Person().setMemberships(List.of(member(keep.getResourceName()))))
            .execute();
    Person dropped = contact(client, "Dropped");
    modify(client, keep.getResourceName(), List.of(kept.getResourceName()), null);
    modify(client, drop.getResourceName(), List.of(dropped.getResourceName()), null);
    String keptEtag =
        client.people().get(kept.getResourceName()).setPersonFields("names").execute().getEtag();

    client.contactGroups().delete(keep.getResourceName()).setDeleteContacts(false).execute();

    Person keptAfter =
        client.people().get(kept.getResourceName()).setPersonFields("memberships").execute();
    assertThat(keptAfter.getEtag()).isNotEqualTo(keptEtag);
    assertThat(groupsOf(client, kept.getResourceName()))
        .containsExactly("contactGroups/myContacts");
    assertThat(groupsOf(client, onlyInGroup.getResourceName()))
        .as("a contact keeps at least one membership")
        .containsExactly("contactGroups/myContacts");

    client.contactGroups().delete(drop.getResourceName()).setDeleteContacts(true).execute();
    assertStatus(
        () -> client.people().get(dropped.getResourceName()).setPersonFields("names").execute(),
        404,
        "NOT_FOUND");
    assertThat(count(client, "contactGroups/myContacts")).isEqualTo(2);
  }
}

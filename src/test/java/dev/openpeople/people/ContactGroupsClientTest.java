// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static dev.openpeople.people.PeopleConnectionsClientTest.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.BatchGetContactGroupsResponse;
import com.google.api.services.people.v1.model.ContactGroup;
import com.google.api.services.people.v1.model.ContactGroupResponse;
import com.google.api.services.people.v1.model.CreateContactGroupRequest;
import com.google.api.services.people.v1.model.GroupClientData;
import com.google.api.services.people.v1.model.ListContactGroupsResponse;
import com.google.api.services.people.v1.model.ModifyContactGroupMembersRequest;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import com.google.api.services.people.v1.model.UpdateContactGroupRequest;
import dev.openpeople.OpenPeopleServerExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** contactGroups get, batchGet, list, create, update and delete through the official client. */
class ContactGroupsClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  /** An emulator-mode JWT naming the user and scopes (see AuthClientTest). */
  private static String unsignedJwt(String claimsJson) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8))
        + ".";
  }

  static ContactGroup create(PeopleService client, String name) throws Exception {
    return client
        .contactGroups()
        .create(new CreateContactGroupRequest().setContactGroup(new ContactGroup().setName(name)))
        .execute();
  }

  static Person contact(PeopleService client, String given) throws Exception {
    return client
        .people()
        .createContact(new Person().setNames(List.of(new Name().setGivenName(given))))
        .execute();
  }

  static void assertStatus(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int code, String status) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(code);
              assertThat(e.getDetails().get("status")).isEqualTo(status);
            });
  }

  @Test
  void everyUserHasTheSystemGroups() throws Exception {
    PeopleService client = SERVER.people("system@example.com");
    contact(client, "Ann");
    contact(client, "Bob");

    ListContactGroupsResponse list = client.contactGroups().list().execute();

    Map<String, ContactGroup> byName =
        list.getContactGroups().stream()
            .collect(
                Collectors.toMap(
                    ContactGroup::getResourceName, g -> g, (a, b) -> a, LinkedHashMap::new));
    assertThat(byName.keySet())
        .containsExactly(
            "contactGroups/myContacts",
            "contactGroups/starred",
            "contactGroups/friends",
            "contactGroups/family",
            "contactGroups/coworkers",
            "contactGroups/chatBuddies",
            "contactGroups/all",
            "contactGroups/blocked");
    ContactGroup myContacts = byName.get("contactGroups/myContacts");
    assertThat(myContacts.getGroupType()).isEqualTo("SYSTEM_CONTACT_GROUP");
    assertThat(myContacts.getName()).isEqualTo("myContacts");
    assertThat(myContacts.getFormattedName()).isEqualTo("My Contacts");
    assertThat(myContacts.getMemberCount()).isEqualTo(2);
    assertThat(myContacts.getEtag()).isNull();
    assertThat(byName.get("contactGroups/chatBuddies").getFormattedName())
        .isEqualTo("Chat contacts");
    assertThat(byName.get("contactGroups/starred").getMemberCount()).isNull();
    assertThat(list.getTotalItems()).isEqualTo(8);
    assertThat(list.getNextSyncToken()).isNotBlank();
    assertThat(list.getNextPageToken()).isNull();

    ContactGroup starred = client.contactGroups().get("contactGroups/starred").execute();
    assertThat(starred.getFormattedName()).isEqualTo("Starred");
  }

  @Test
  void createGetUpdateAndDeleteAUserGroup() throws Exception {
    PeopleService client = SERVER.people("crud@example.com");
    ContactGroup created =
        client
            .contactGroups()
            .create(
                new CreateContactGroupRequest()
                    .setContactGroup(
                        new ContactGroup()
                            .setName("Climbers")
                            .setClientData(
                                List.of(new GroupClientData().setKey("k").setValue("v"))))
                    .setReadGroupFields("name,clientData,groupType,metadata"))
            .execute();
    assertThat(created.getResourceName()).matches("contactGroups/[0-9a-f]{16}");
    assertThat(created.getGroupType()).isEqualTo("USER_CONTACT_GROUP");
    assertThat(created.getName()).isEqualTo("Climbers");
    assertThat(created.getFormattedName()).isEqualTo("Climbers");
    assertThat(created.getEtag()).isNotBlank();
    assertThat(created.getMetadata().getUpdateTime()).endsWith("Z");
    assertThat(created.getClientData()).extracting(GroupClientData::getValue).containsExactly("v");
    assertThat(created.getMemberCount()).isNull();

    ContactGroup got = client.contactGroups().get(created.getResourceName()).execute();
    assertThat(got.getEtag()).isEqualTo(created.getEtag());
    assertThat(got.getClientData()).as("not in the default mask").isNull();

    ContactGroup renamed =
        client
            .contactGroups()
            .update(
                created.getResourceName(),
                new UpdateContactGroupRequest()
                    .setContactGroup(got.setName("Boulderers"))
                    .setReadGroupFields("name,clientData"))
            .execute();
    assertThat(renamed.getName()).isEqualTo("Boulderers");
    assertThat(renamed.getEtag()).isNotEqualTo(created.getEtag());
    assertThat(renamed.getClientData()).as("kept: not in updateGroupFields").hasSize(1);

    ContactGroup cleared =
        client
            .contactGroups()
            .update(
                created.getResourceName(),
                new UpdateContactGroupRequest()
                    .setContactGroup(new ContactGroup().setName("ignored"))
                    .setUpdateGroupFields("clientData")
                    .setReadGroupFields("name,clientData"))
            .execute();
    assertThat(cleared.getName()).isEqualTo("Boulderers");
    assertThat(cleared.getClientData()).isNull();

    client.contactGroups().delete(created.getResourceName()).execute();
    assertStatus(
        () -> client.contactGroups().get(created.getResourceName()).execute(), 404, "NOT_FOUND");
  }

  @Test
  void updateChecksTheEtagAndNamesStayUnique() throws Exception {
    PeopleService client = SERVER.people("unique@example.com");
    ContactGroup first = create(client, "Family trip");
    ContactGroup second = create(client, "Work");

    assertStatus(() -> create(client, "Family trip"), 409, "ALREADY_EXISTS");
    assertStatus(
        () ->
            client
                .contactGroups()
                .update(
                    second.getResourceName(),
                    new UpdateContactGroupRequest()
                        .setContactGroup(new ContactGroup().setName("Family trip")))
                .execute(),
        409,
        "ALREADY_EXISTS");
    client
        .contactGroups()
        .update(
            first.getResourceName(),
            new UpdateContactGroupRequest().setContactGroup(first.setName("Trip")))
        .execute();
    assertStatus(
        () ->
            client
                .contactGroups()
                .update(
                    first.getResourceName(),
                    new UpdateContactGroupRequest().setContactGroup(first.setName("Stale")))
                .execute(),
        400,
        "FAILED_PRECONDITION");
    // The freed name can be taken again, also after a delete.
    create(client, "Family trip");
    client.contactGroups().delete(second.getResourceName()).execute();
    assertThat(create(client, "Work").getResourceName()).isNotEqualTo(second.getResourceName());
  }

  @Test
  void getWithMaxMembersAndBatchGet() throws Exception {
    PeopleService client = SERVER.people("batch@example.com");
    ContactGroup group = create(client, "Team");
    List<String> members = new ArrayList<>();
    for (String given : List.of("A", "B", "C")) {
      members.add(contact(client, given).getResourceName());
    }
    client
        .contactGroups()
        .members()
        .modify(
            group.getResourceName(),
            new ModifyContactGroupMembersRequest().setResourceNamesToAdd(members))
        .execute();

    ContactGroup two =
        client.contactGroups().get(group.getResourceName()).setMaxMembers(2).execute();
    assertThat(two.getMemberCount()).isEqualTo(3);
    assertThat(two.getMemberResourceNames()).hasSize(2).isSubsetOf(members);
    ContactGroup none = client.contactGroups().get(group.getResourceName()).execute();
    assertThat(none.getMemberResourceNames()).isNull();
    ContactGroup all =
        client.contactGroups().get("contactGroups/myContacts").setMaxMembers(10).execute();
    assertThat(all.getMemberResourceNames()).containsExactlyInAnyOrderElementsOf(members);

    BatchGetContactGroupsResponse batch =
        client
            .contactGroups()
            .batchGet()
            .setResourceNames(
                List.of(group.getResourceName(), "contactGroups/starred", "contactGroups/abc123"))
            .setMaxMembers(5)
            .execute();
    List<ContactGroupResponse> responses = batch.getResponses();
    assertThat(responses)
        .extracting(ContactGroupResponse::getRequestedResourceName)
        .containsExactly(group.getResourceName(), "contactGroups/starred", "contactGroups/abc123");
    assertThat(responses.get(0).getContactGroup().getMemberResourceNames()).hasSize(3);
    assertThat(responses.get(1).getContactGroup().getGroupType()).isEqualTo("SYSTEM_CONTACT_GROUP");
    assertThat(responses.get(2).getContactGroup()).isNull();
    assertThat(responses.get(2).getStatus().getCode()).isEqualTo(5);

    List<String> tooMany = new ArrayList<>(Collections.nCopies(201, "contactGroups/starred"));
    assertBadRequest(() -> client.contactGroups().batchGet().setResourceNames(tooMany).execute());
  }

  @Test
  void listPagesThroughSystemAndUserGroups() throws Exception {
    PeopleService client = SERVER.people("paging@example.com");
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(create(client, "Group " + i).getResourceName());
    }
    List<String> seen = new ArrayList<>();
    String pageToken = null;
    int pages = 0;
    do {
      ListContactGroupsResponse page =
          client.contactGroups().list().setPageSize(3).setPageToken(pageToken).execute();
      page.getContactGroups().forEach(g -> seen.add(g.getResourceName()));
      assertThat(page.getTotalItems()).isEqualTo(13);
      pageToken = page.getNextPageToken();
      if (pageToken != null) {
        String token = pageToken;
        assertBadRequest(
            () -> client.contactGroups().list().setPageSize(4).setPageToken(token).execute());
      } else {
        assertThat(page.getNextSyncToken()).isNotBlank();
      }
      pages++;
    } while (pageToken != null);
    assertThat(pages).isEqualTo(5);
    assertThat(seen).hasSize(13).doesNotHaveDuplicates().containsAll(created);
    assertThat(client.contactGroups().list().execute().getContactGroups()).hasSize(13);
  }

  @Test
  void systemGroupsCannotBeChanged() throws Exception {
    PeopleService client = SERVER.people("sysrules@example.com");
    assertBadRequest(() -> client.contactGroups().delete("contactGroups/myContacts").execute());
    assertBadRequest(
        () ->
            client
                .contactGroups()
                .update(
                    "contactGroups/starred",
                    new UpdateContactGroupRequest()
                        .setContactGroup(new ContactGroup().setName("Stars")))
                .execute());
  }

  @Test
  void badInputIsAClear400() throws Exception {
    PeopleService client = SERVER.people("bad@example.com");
    assertBadRequest(() -> client.contactGroups().list().setPageSize(-1).execute());
    assertBadRequest(() -> client.contactGroups().list().setGroupFields("names").execute());
    assertBadRequest(() -> client.contactGroups().list().setPageToken("garbage").execute());
    assertBadRequest(() -> client.contactGroups().list().setSyncToken("garbage").execute());
    assertBadRequest(() -> client.contactGroups().get("contactGroups/Not-A-Group").execute());
    assertBadRequest(
        () -> client.contactGroups().get("contactGroups/myContacts").setMaxMembers(-1).execute());
    assertBadRequest(() -> create(client, "  "));
    assertBadRequest(
        () ->
            client
                .contactGroups()
                .create(new CreateContactGroupRequest().setReadGroupFields("memberCount"))
                .execute());
    assertStatus(
        () -> client.contactGroups().get("contactGroups/0123abcd").execute(), 404, "NOT_FOUND");
  }

  @Test
  void usersNeverSeeEachOthersGroups() throws Exception {
    PeopleService alice = SERVER.people("alice-g@example.com");
    PeopleService bob = SERVER.people("bob-g@example.com");
    ContactGroup group = create(alice, "Secret");
    Person aliceContact = contact(alice, "Ann");

    assertStatus(
        () -> bob.contactGroups().get(group.getResourceName()).execute(), 404, "NOT_FOUND");
    assertStatus(
        () ->
            bob.contactGroups()
                .update(
                    group.getResourceName(),
                    new UpdateContactGroupRequest().setContactGroup(group.setName("Mine")))
                .execute(),
        404,
        "NOT_FOUND");
    assertStatus(
        () -> bob.contactGroups().delete(group.getResourceName()).execute(), 404, "NOT_FOUND");
    assertThat(bob.contactGroups().list().execute().getContactGroups())
        .extracting(ContactGroup::getResourceName)
        .doesNotContain(group.getResourceName());
    assertThat(
            bob.contactGroups()
                .get("contactGroups/myContacts")
                .setMaxMembers(10)
                .execute()
                .getMemberResourceNames())
        .isNull();
    // Bob cannot add Alice's contact to his groups, nor his contacts to her group.
    var modify =
        bob.contactGroups()
            .members()
            .modify(
                "contactGroups/starred",
                new ModifyContactGroupMembersRequest()
                    .setResourceNamesToAdd(List.of(aliceContact.getResourceName())))
            .execute();
    assertThat(modify.getNotFoundResourceNames()).containsExactly(aliceContact.getResourceName());
  }

  @Test
  void scopesFollowTheDiscoveryDocument() throws Exception {
    String readOnly =
        unsignedJwt("{\"email\":\"scoped@example.com\",\"scope\":\"contacts.readonly\"}");
    PeopleService reader = SERVER.people(readOnly);
    assertThat(reader.contactGroups().list().execute().getContactGroups()).hasSize(8);
    assertThat(reader.contactGroups().get("contactGroups/all").execute().getName())
        .isEqualTo("all");
    assertStatus(() -> create(reader, "Nope"), 403, "PERMISSION_DENIED");
    assertStatus(
        () ->
            reader
                .contactGroups()
                .members()
                .modify("contactGroups/starred", new ModifyContactGroupMembersRequest())
                .execute(),
        403,
        "PERMISSION_DENIED");
    String other =
        unsignedJwt("{\"email\":\"scoped@example.com\",\"scope\":\"contacts.other.readonly\"}");
    assertStatus(
        () -> SERVER.people(other).contactGroups().list().execute(), 403, "PERMISSION_DENIED");
  }
}

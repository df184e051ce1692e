// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.ListDirectoryPeopleResponse;
import com.google.api.services.people.v1.model.Person;
import com.google.api.services.people.v1.model.SearchDirectoryPeopleResponse;
import com.google.gdata.client.contacts.ContactsService;
import com.google.gdata.data.contacts.ContactEntry;
import com.google.gdata.data.extensions.Email;
import com.google.gdata.data.extensions.FullName;
import com.google.gdata.data.extensions.Name;
import dev.openpeople.OpenPeopleServerExtension;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * people.listDirectoryPeople and searchDirectoryPeople through the official People client, over
 * shared contacts written with the official GData client.
 */
class PeopleDirectoryClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final String ADMIN = "admin@dir.example.com";
  private static final String READER = "reader@dir.example.com";
  private static final List<String> CONTACTS = List.of("DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT");

  private ContactsService gdata;
  private URL feed;

  @BeforeEach
  void setUp() throws Exception {
    SERVER.reset();
    gdata = new ContactsService("openpeople-tests");
    gdata.setHeader("Authorization", "Bearer " + ADMIN);
    feed = URI.create(SERVER.baseUrl() + "m8/feeds/contacts/dir.example.com/full").toURL();
  }

  private ContactEntry shared(String fullName, String email) throws Exception {
    ContactEntry entry = new ContactEntry();
    Name name = new Name();
    name.setFullName(new FullName(fullName, null));
    entry.setName(name);
    Email address = new Email();
    address.setAddress(email);
    address.setRel("http://schemas.google.com/g/2005#work");
    entry.addEmailAddress(address);
    return gdata.insert(feed, entry);
  }

  private PeopleService.People.ListDirectoryPeople list(String user) throws Exception {
    return SERVER
        .people(user)
        .people()
        .listDirectoryPeople()
        .setReadMask("names,emailAddresses,metadata")
        .setSources(CONTACTS);
  }

  @Test
  void sharedContactsAppearAtOnceAndSyncIncrementally() throws Exception {
    ContactEntry ada = shared("Ada Lovelace", "ada@vendor.test");
    ContactEntry alan = shared("Alan Turing", "alan@vendor.test");
    ListDirectoryPeopleResponse first = list(READER).setRequestSyncToken(true).execute();
    assertThat(first.getPeople())
        .extracting(p -> p.getNames().get(0).getDisplayName())
        .containsExactlyInAnyOrder("Ada Lovelace", "Alan Turing");
    Person person = first.getPeople().get(0);
    assertThat(person.getResourceName()).startsWith("people/c");
    assertThat(person.getMetadata().getSources().get(0).getType()).isEqualTo("DOMAIN_CONTACT");
    assertThat(person.getEmailAddresses().get(0).getValue()).endsWith("@vendor.test");
    String sync = first.getNextSyncToken();
    assertThat(sync).isNotEmpty();

    ada.getName().getFullName().setValue("Ada King");
    ada.update();
    alan.delete();
    shared("Grace Hopper", "grace@vendor.test");

    ListDirectoryPeopleResponse delta =
        list(READER).setSyncToken(sync).setRequestSyncToken(true).execute();
    List<String> changes = new ArrayList<>();
    for (Person p : delta.getPeople()) {
      changes.add(
          Boolean.TRUE.equals(p.getMetadata().getDeleted())
              ? "deleted " + p.getResourceName()
              : p.getNames().get(0).getDisplayName());
    }
    String alanName =
        first.getPeople().stream()
            .filter(p -> p.getNames().get(0).getDisplayName().equals("Alan Turing"))
            .findFirst()
            .orElseThrow()
            .getResourceName();
    assertThat(changes).containsExactly("Ada King", "deleted " + alanName, "Grace Hopper");
    assertThat(delta.getNextSyncToken()).isNotEmpty();
    ListDirectoryPeopleResponse later =
        list(READER).setSyncToken(delta.getNextSyncToken()).setRequestSyncToken(true).execute();
    assertThat(later.getPeople()).isNull();
  }

  @Test
  void pagesCoverProfilesAndContactsOnce() throws Exception {
    for (int i = 0; i < 3; i++) {
      shared("Paged " + i, "paged" + i + "@vendor.test");
    }
    SERVER
        .people("bob@dir.example.com")
        .people()
        .get("people/me")
        .setPersonFields("names")
        .execute();
    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      ListDirectoryPeopleResponse page =
          list(READER)
              .setSources(
                  List.of(
                      "DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT",
                      "DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE"))
              .setPageSize(2)
              .setPageToken(token)
              .execute();
      if (page.getPeople() != null) {
        page.getPeople()
            .forEach(
                p ->
                    seen.add(
                        p.getMetadata().getSources().get(0).getType()
                            + " "
                            + p.getNames().get(0).getDisplayName()));
      }
      token = page.getNextPageToken();
    } while (token != null);
    assertThat(seen)
        .containsExactlyInAnyOrder(
            "DOMAIN_PROFILE Bob",
            "DOMAIN_PROFILE Reader",
            "DOMAIN_CONTACT Paged 0",
            "DOMAIN_CONTACT Paged 1",
            "DOMAIN_CONTACT Paged 2");
  }

  private static final List<String> BOTH =
      List.of("DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT", "DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE");

  private static void touch(String user) throws Exception {
    SERVER.people(user).people().get("people/me").setPersonFields("names").execute();
  }

  private static void setProfile(String user, String givenName) throws Exception {
    assertThat(
            SERVER
                .call(
                    "PUT",
                    "/emulator/v1/users/" + user + "/profile",
                    null,
                    "{\"names\":[{\"givenName\":\"" + givenName + "\"}]}")
                .statusCode())
        .isEqualTo(200);
  }

  private static String describe(Person p) {
    String type = p.getMetadata().getSources().get(0).getType();
    return type + " " + p.getNames().get(0).getDisplayName();
  }

  /** Pages an incremental sync with pageSize 1 into {@code seen}; returns the next sync token. */
  private String pageOneByOne(String sync, List<String> seen) throws Exception {
    String token = null;
    String nextSync = null;
    do {
      ListDirectoryPeopleResponse page =
          list(READER)
              .setSources(BOTH)
              .setSyncToken(sync)
              .setRequestSyncToken(true)
              .setPageSize(1)
              .setPageToken(token)
              .execute();
      assertThat(page.getPeople()).hasSize(1);
      seen.add(describe(page.getPeople().get(0)));
      token = page.getNextPageToken();
      nextSync = page.getNextSyncToken();
      assertThat(token == null).isEqualTo(nextSync != null);
    } while (token != null);
    return nextSync;
  }

  @Test
  void incrementalSyncReportsNewUsersAndProfileChangesWithSharedContacts() throws Exception {
    touch("bob@dir.example.com");
    touch("carol@dir.example.com");
    ContactEntry ada = shared("Ada Lovelace", "ada@vendor.test");
    ListDirectoryPeopleResponse first =
        list(READER).setSources(BOTH).setRequestSyncToken(true).execute();
    assertThat(first.getPeople()).hasSize(4);
    String sync = first.getNextSyncToken();
    assertThat(sync).isNotEmpty();

    touch("dave@dir.example.com");
    ada.getName().getFullName().setValue("Ada King");
    ada.update();
    setProfile("bob@dir.example.com", "Robert");
    touch("eve@else.example.org");
    setProfile("eve@else.example.org", "Eve");

    ListDirectoryPeopleResponse delta =
        list(READER).setSources(BOTH).setSyncToken(sync).setRequestSyncToken(true).execute();
    List<String> expected =
        List.of("DOMAIN_PROFILE Dave", "DOMAIN_CONTACT Ada King", "DOMAIN_PROFILE Robert");
    assertThat(delta.getPeople())
        .extracting(PeopleDirectoryClientTest::describe)
        .isEqualTo(expected);
    assertThat(delta.getNextPageToken()).isNull();
    assertThat(delta.getPeople().get(0).getResourceName()).matches("people/1\\d{20}");

    List<String> paged = new ArrayList<>();
    String nextSync = pageOneByOne(sync, paged);
    assertThat(paged).isEqualTo(expected);

    ListDirectoryPeopleResponse profilesOnly =
        list(READER)
            .setSources(List.of("DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE"))
            .setRequestSyncToken(true)
            .execute();
    assertThat(profilesOnly.getPeople()).hasSize(4);
    setProfile("carol@dir.example.com", "Caroline");
    assertThat(
            list(READER)
                .setSources(List.of("DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE"))
                .setSyncToken(profilesOnly.getNextSyncToken())
                .execute()
                .getPeople())
        .extracting(PeopleDirectoryClientTest::describe)
        .containsExactly("DOMAIN_PROFILE Caroline");

    ListDirectoryPeopleResponse later =
        list(READER).setSources(BOTH).setSyncToken(nextSync).setRequestSyncToken(true).execute();
    assertThat(later.getPeople())
        .extracting(PeopleDirectoryClientTest::describe)
        .containsExactly("DOMAIN_PROFILE Caroline");
    assertThat(
            list(READER)
                .setSources(BOTH)
                .setSyncToken(later.getNextSyncToken())
                .execute()
                .getPeople())
        .isNull();
  }

  @Test
  void searchFindsSharedContactsByNamePrefix() throws Exception {
    shared("Ada Lovelace", "ada@vendor.test");
    shared("Alan Turing", "alan@vendor.test");
    SearchDirectoryPeopleResponse found =
        SERVER
            .people(READER)
            .people()
            .searchDirectoryPeople()
            .setQuery("love")
            .setReadMask("names")
            .setSources(CONTACTS)
            .execute();
    assertThat(found.getPeople())
        .extracting(p -> p.getNames().get(0).getDisplayName())
        .containsExactly("Ada Lovelace");
    assertThat(found.getTotalSize()).isEqualTo(1);
  }

  @Test
  void otherDomainsSeeNothing() throws Exception {
    shared("Private Person", "p@vendor.test");
    ListDirectoryPeopleResponse outside = list("someone@else.example.org").execute();
    assertThat(outside.getPeople()).isNull();
  }
}

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
    ListDirectoryPeopleResponse none =
        list(READER).setSyncToken(delta.getNextSyncToken()).setRequestSyncToken(true).execute();
    assertThat(none.getPeople()).isNull();
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

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static dev.openpeople.people.OtherContactsFixtures.assertBadRequest;
import static dev.openpeople.people.OtherContactsFixtures.assertStatus;
import static dev.openpeople.people.OtherContactsFixtures.create;
import static dev.openpeople.people.OtherContactsFixtures.interact;
import static dev.openpeople.people.OtherContactsFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.ListOtherContactsResponse;
import com.google.api.services.people.v1.model.Person;
import com.google.api.services.people.v1.model.SearchResponse;
import com.google.api.services.people.v1.model.SearchResult;
import dev.openpeople.OpenPeopleServerExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** otherContacts.list and otherContacts.search through the official client. */
class OtherContactsClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static ListOtherContactsResponse list(PeopleService client, String mask)
      throws Exception {
    return client.otherContacts().list().setReadMask(mask).execute();
  }

  @Test
  void listShowsOtherContactsWithTheirOwnSourceAndTotal() throws Exception {
    String user = "list@example.com";
    String ann = create(SERVER, user, person("Ann", "Lee", "ann@example.org", "+1 555 0100"));
    create(SERVER, user, "Bob", "bob@example.org");
    PeopleService client = SERVER.people(user);

    ListOtherContactsResponse page =
        list(client, "names,emailAddresses,phoneNumbers,metadata,photos");

    assertThat(page.getTotalSize()).isEqualTo(2);
    assertThat(page.getNextPageToken()).isNull();
    assertThat(page.getNextSyncToken()).as("not requested").isNull();
    Person first = page.getOtherContacts().get(0);
    assertThat(first.getResourceName()).isEqualTo(ann).matches("otherContacts/c\\d+");
    assertThat(first.getMetadata().getSources().get(0).getType()).isEqualTo("OTHER_CONTACT");
    assertThat(first.getNames().get(0).getDisplayName()).isEqualTo("Ann Lee");
    assertThat(first.getNames().get(0).getMetadata().getSource().getType())
        .isEqualTo("OTHER_CONTACT");
    assertThat(first.getEmailAddresses().get(0).getValue()).isEqualTo("ann@example.org");
    assertThat(first.getPhoneNumbers().get(0).getCanonicalForm()).isEqualTo("+15550100");
    assertThat(first.getPhotos().get(0).getDefault()).isTrue();
    assertThat(first.getMemberships()).as("other contacts are in no group").isNull();
    // Other contacts are not contacts: connections.list does not show them.
    assertThat(
            client
                .people()
                .connections()
                .list("people/me")
                .setPersonFields("names")
                .execute()
                .getConnections())
        .isNull();
  }

  @Test
  void readMaskIsRequiredAndLimitedBySources() throws Exception {
    PeopleService client = SERVER.people("mask@example.com");
    create(SERVER, "mask@example.com", "Mia", "mia@example.org");

    assertBadRequest("readMask mask is required", () -> client.otherContacts().list().execute());
    assertBadRequest("Invalid readMask mask path: \"birthdays\"", () -> list(client, "birthdays"));
    assertBadRequest(
        "Invalid readMask mask path",
        () ->
            client
                .otherContacts()
                .list()
                .setReadMask("memberships")
                .setSources(List.of("READ_SOURCE_TYPE_CONTACT"))
                .execute());
    assertThat(
            client
                .otherContacts()
                .list()
                .setReadMask("names,birthdays")
                .setSources(List.of("READ_SOURCE_TYPE_CONTACT", "READ_SOURCE_TYPE_PROFILE"))
                .execute()
                .getOtherContacts())
        .hasSize(1);
    assertBadRequest(
        "READ_SOURCE_TYPE_PROFILE without specifying READ_SOURCE_TYPE_CONTACT",
        () ->
            client
                .otherContacts()
                .list()
                .setReadMask("names")
                .setSources(List.of("READ_SOURCE_TYPE_PROFILE"))
                .execute());
    assertBadRequest(
        "sources may only be",
        () ->
            client
                .otherContacts()
                .list()
                .setReadMask("names")
                .setSources(List.of("READ_SOURCE_TYPE_CONTACT", "READ_SOURCE_TYPE_DOMAIN_CONTACT"))
                .execute());
  }

  @Test
  void pagesCoverEveryOtherContactOnce() throws Exception {
    String user = "pages@example.com";
    for (int i = 0; i < 5; i++) {
      create(SERVER, user, "P" + i, "p" + i + "@example.org");
    }
    PeopleService client = SERVER.people(user);
    Set<String> seen = new HashSet<>();
    String token = null;
    int pages = 0;
    do {
      ListOtherContactsResponse page =
          client
              .otherContacts()
              .list()
              .setReadMask("names")
              .setPageSize(2)
              .setPageToken(token)
              .execute();
      page.getOtherContacts().forEach(p -> assertThat(seen.add(p.getResourceName())).isTrue());
      assertThat(page.getTotalSize()).isEqualTo(5);
      token = page.getNextPageToken();
      pages++;
    } while (token != null);
    assertThat(seen).hasSize(5);
    assertThat(pages).isEqualTo(3);
    assertThat(list(client, "names").getOtherContacts()).as("default page size 100").hasSize(5);
  }

  @Test
  void pageTokensAreBoundToTheirParameters() throws Exception {
    String user = "bound@example.com";
    for (int i = 0; i < 3; i++) {
      create(SERVER, user, "B" + i, "b" + i + "@example.org");
    }
    PeopleService client = SERVER.people(user);
    String second =
        client
            .otherContacts()
            .list()
            .setReadMask("names")
            .setPageSize(2)
            .execute()
            .getNextPageToken();
    assertBadRequest(
        "must match the first call",
        () ->
            client
                .otherContacts()
                .list()
                .setReadMask("emailAddresses")
                .setPageSize(2)
                .setPageToken(second)
                .execute());
    assertBadRequest(
        "must match the first call",
        () ->
            client
                .otherContacts()
                .list()
                .setReadMask("names")
                .setPageSize(3)
                .setPageToken(second)
                .execute());
    assertBadRequest(
        "page token",
        () -> client.otherContacts().list().setReadMask("names").setPageToken("garbage").execute());
    assertBadRequest(
        "pageSize must be between 1 and 1000",
        () -> client.otherContacts().list().setReadMask("names").setPageSize(1001).execute());
    assertBadRequest(
        "pageSize must be between 1 and 1000",
        () -> client.otherContacts().list().setReadMask("names").setPageSize(-1).execute());
  }

  private static List<String> search(PeopleService client, String query) throws Exception {
    SearchResponse response =
        client.otherContacts().search().setQuery(query).setReadMask("names").execute();
    List<String> names = new ArrayList<>();
    if (response.getResults() != null) {
      for (SearchResult result : response.getResults()) {
        names.add(result.getPerson().getNames().get(0).getDisplayName());
      }
    }
    return names;
  }

  @Test
  void searchMatchesPrefixPhrasesOfNamesEmailsAndPhones() throws Exception {
    String user = "search@example.com";
    create(SERVER, user, person("Foo", "Name", "foo.name@acme.example", "+1 (555) 010-7777"));
    create(SERVER, user, person("Other", null, "zed@example.org", null));
    PeopleService client = SERVER.people(user);

    SearchResponse warmup =
        client.otherContacts().search().setQuery("").setReadMask("names").execute();
    assertThat(warmup.getResults()).isNull();
    for (String query :
        List.of("f", "fo", "foo n", "FOO NAME", "nam", "acme", "foo.name@", "010", "+1 (555")) {
      assertThat(search(client, query)).as(query).containsExactly("Foo Name");
    }
    for (String query : List.of("oo n", "ame", "xyz", "me.example")) {
      assertThat(search(client, query)).as(query).isEmpty();
    }
    assertThat(search(client, "15550107777")).containsExactly("Foo Name");
    Person hit =
        client
            .otherContacts()
            .search()
            .setQuery("zed")
            .setReadMask("emailAddresses,metadata")
            .execute()
            .getResults()
            .get(0)
            .getPerson();
    assertThat(hit.getResourceName()).startsWith("otherContacts/c");
    assertThat(hit.getEmailAddresses().get(0).getValue()).isEqualTo("zed@example.org");
    assertThat(hit.getNames()).isNull();
  }

  @Test
  void searchChecksReadMaskAndCapsPageSize() throws Exception {
    String user = "cap@example.com";
    StringBuilder batch = new StringBuilder("{\"people\":[");
    for (int i = 0; i < 35; i++) {
      batch
          .append(i == 0 ? "" : ",")
          .append(person("Cap" + i, null, "cap" + i + "@example.org", null));
    }
    assertThat(
            SERVER
                .call(
                    "POST",
                    "/emulator/v1/users/" + user + "/otherContacts:batchCreate",
                    null,
                    batch + "]}")
                .statusCode())
        .isEqualTo(200);
    PeopleService client = SERVER.people(user);

    assertThat(search(client, "cap")).hasSize(10);
    assertThat(
            client
                .otherContacts()
                .search()
                .setQuery("cap")
                .setReadMask("names")
                .setPageSize(50)
                .execute()
                .getResults())
        .hasSize(30);
    assertThat(
            client
                .otherContacts()
                .search()
                .setQuery("cap")
                .setReadMask("names")
                .setPageSize(3)
                .execute()
                .getResults())
        .hasSize(3);
    assertBadRequest(
        "readMask mask is required",
        () -> client.otherContacts().search().setQuery("cap").execute());
    assertBadRequest(
        "Invalid readMask mask path: \"photos\"",
        () -> client.otherContacts().search().setQuery("cap").setReadMask("photos").execute());
    assertBadRequest(
        "pageSize must not be negative",
        () ->
            client
                .otherContacts()
                .search()
                .setQuery("cap")
                .setReadMask("names")
                .setPageSize(-1)
                .execute());
  }

  @Test
  void scopesAndUsersAreEnforced() throws Exception {
    String user = "scoped@example.com";
    String name = create(SERVER, user, "Sco", "sco@example.org");
    String otherRead = OtherContactsFixtures.token(user, "contacts.other.readonly");
    String contactsOnly = OtherContactsFixtures.token(user, "contacts.readonly");

    assertThat(list(SERVER.people(otherRead), "names").getOtherContacts()).hasSize(1);
    assertThat(search(SERVER.people(otherRead), "sco")).containsExactly("Sco");
    assertStatus(403, () -> list(SERVER.people(contactsOnly), "names"));
    assertStatus(403, () -> search(SERVER.people(contactsOnly), "sco"));
    // Copy writes a contact: the read-only grant for other contacts is not enough.
    assertStatus(
        403,
        () ->
            SERVER
                .people(otherRead)
                .otherContacts()
                .copyOtherContactToMyContactsGroup(
                    name,
                    new com.google.api.services.people.v1.model
                            .CopyOtherContactToMyContactsGroupRequest()
                        .setCopyMask("names"))
                .execute());
    // Another user sees nothing of this user's other contacts and cannot copy them.
    PeopleService stranger = SERVER.people("stranger@example.com");
    assertThat(list(stranger, "names").getOtherContacts()).isNull();
    assertThat(search(stranger, "sco")).isEmpty();
    assertStatus(
        404,
        () ->
            stranger
                .otherContacts()
                .copyOtherContactToMyContactsGroup(
                    name,
                    new com.google.api.services.people.v1.model
                            .CopyOtherContactToMyContactsGroupRequest()
                        .setCopyMask("names"))
                .execute());
  }

  @Test
  void interactionsCreateOneOtherContactPerAddressAndUpdateIt() throws Exception {
    String user = "talk@example.com";
    String first =
        interact(SERVER, user, "{\"email\":\"Dana@Example.org\",\"displayName\":\"Dana\"}")
            .get("resourceName")
            .asText();
    String again =
        interact(
                SERVER,
                user,
                "{\"email\":\"dana@example.org\",\"displayName\":\"Dana Scully\","
                    + "\"phoneNumber\":\"+1 555 0199\"}")
            .get("resourceName")
            .asText();
    interact(SERVER, user, "{\"email\":\"dana@example.org\",\"phoneNumber\":\"+15550199\"}");

    assertThat(again).isEqualTo(first);
    List<Person> all =
        list(SERVER.people(user), "names,emailAddresses,phoneNumbers").getOtherContacts();
    assertThat(all).hasSize(1);
    assertThat(all.get(0).getNames().get(0).getDisplayName()).isEqualTo("Dana Scully");
    assertThat(all.get(0).getNames().get(0).getFamilyName()).isEqualTo("Scully");
    assertThat(all.get(0).getPhoneNumbers()).as("a known number is not added twice").hasSize(1);
    assertThat(all.get(0).getEmailAddresses().get(0).getValue()).isEqualTo("Dana@Example.org");
    assertThat(search(SERVER.people(user), "scully")).containsExactly("Dana Scully");
  }

  @Test
  void profileSourceAddsTheServerUsersProfile() throws Exception {
    String user = "viewer@example.com";
    String owner = "carol@example.com";
    assertThat(
            SERVER
                .call(
                    "PUT",
                    "/emulator/v1/users/" + owner + "/profile",
                    null,
                    "{\"names\":[{\"givenName\":\"Carol\",\"familyName\":\"Danvers\"}],"
                        + "\"birthdays\":[{\"date\":{\"year\":1970,\"month\":5,\"day\":1}}]}")
                .statusCode())
        .isEqualTo(200);
    create(SERVER, user, person("Cee", null, "Carol@example.com", null));
    create(SERVER, user, "Nobody", "nobody@example.net");
    PeopleService client = SERVER.people(user);

    List<Person> withProfile =
        client
            .otherContacts()
            .list()
            .setReadMask("names,birthdays,metadata")
            .setSources(List.of("READ_SOURCE_TYPE_CONTACT", "READ_SOURCE_TYPE_PROFILE"))
            .execute()
            .getOtherContacts();
    Person carol = withProfile.get(0);
    assertThat(carol.getMetadata().getSources())
        .extracting(s -> s.getType())
        .containsExactly("OTHER_CONTACT", "PROFILE");
    assertThat(carol.getNames())
        .extracting(n -> n.getDisplayName() + "/" + n.getMetadata().getSource().getType())
        .containsExactly("Cee/OTHER_CONTACT", "Carol Danvers/PROFILE");
    assertThat(carol.getBirthdays().get(0).getDate().getYear()).isEqualTo(1970);
    assertThat(withProfile.get(1).getMetadata().getSources()).hasSize(1);
    assertThat(withProfile.get(1).getBirthdays()).isNull();

    Person contactOnly = list(client, "names,metadata").getOtherContacts().get(0);
    assertThat(contactOnly.getMetadata().getSources()).hasSize(1);
    assertThat(contactOnly.getNames()).hasSize(1);
    // The profile set through the emulator is the owner's people/me.
    Person me = SERVER.people(owner).people().get("people/me").setPersonFields("names").execute();
    assertThat(me.getNames().get(0).getDisplayName()).isEqualTo("Carol Danvers");
  }
}

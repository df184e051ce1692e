// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static dev.openpeople.people.PeopleConnectionsClientTest.listAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import com.google.api.services.people.v1.model.SearchDirectoryPeopleResponse;
import com.google.api.services.people.v1.model.SearchResponse;
import com.google.api.services.people.v1.model.SearchResult;
import com.google.gdata.client.contacts.ContactsService;
import com.google.gdata.data.contacts.ContactEntry;
import com.google.gdata.data.extensions.FullName;
import dev.openpeople.OpenPeopleServerExtension;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Names sort and match as a person expects, through the official clients: connections.list in the
 * name orders (collation, across keyset pages), and searchContacts, otherContacts.search and
 * searchDirectoryPeople ignoring case and diacritics; a name far longer than an index entry.
 */
class NameCollationClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  /** Given and family names, created in this order. */
  private static final String[] NAMES = {
    "Zoë Łukasiewicz",
    "Oscar Smith",
    "Ádám Ærøe",
    "Peter Jones",
    "Émile Œhlenschläger",
    "Øystein Weiß",
    "Eve Þórsdóttir",
    "Adam Đorđević",
  };

  private static PeopleService withNames(String user) throws Exception {
    PeopleService client = SERVER.people(user);
    PeopleConnectionsClientTest.createNamed(client, NAMES);
    return client;
  }

  @Test
  void nameOrdersCollateAccentedAndStrokedLettersWithTheirBaseLetters() throws Exception {
    PeopleService client = withNames("sort@names.example.com");

    List<String> byFirst =
        List.of("Adam", "Ádám", "Émile", "Eve", "Oscar", "Øystein", "Peter", "Zoë");
    assertThat(listAll(client, "FIRST_NAME_ASCENDING", 100)).isEqualTo(byFirst);
    assertThat(listAll(client, "FIRST_NAME_ASCENDING", 3)).isEqualTo(byFirst);
    // Ærøe, Đorđević, Jones, Łukasiewicz, Œhlenschläger, Smith, Weiß; Þ is a letter after Z.
    List<String> byLast =
        List.of("Ádám", "Adam", "Peter", "Zoë", "Émile", "Oscar", "Øystein", "Eve");
    assertThat(listAll(client, "LAST_NAME_ASCENDING", 100)).isEqualTo(byLast);
    assertThat(listAll(client, "LAST_NAME_ASCENDING", 2)).isEqualTo(byLast);
  }

  @Test
  void equalNamesKeepOneOrderAcrossPages() throws Exception {
    PeopleService client = SERVER.people("ties@names.example.com");
    for (String given : List.of("Zoë", "zoe", "ZOË", "Zoe", "Zoë")) {
      client
          .people()
          .createContact(new Person().setNames(List.of(new Name().setGivenName(given))))
          .execute();
    }
    List<String> whole = listAll(client, "FIRST_NAME_ASCENDING", 100);
    assertThat(whole).hasSize(5);
    assertThat(listAll(client, "FIRST_NAME_ASCENDING", 1)).isEqualTo(whole);
    assertThat(listAll(client, "FIRST_NAME_ASCENDING", 2)).isEqualTo(whole);
  }

  private static List<String> names(List<SearchResult> results) {
    List<String> names = new ArrayList<>();
    if (results != null) {
      results.forEach(r -> names.add(r.getPerson().getNames().get(0).getDisplayName()));
    }
    return names;
  }

  private static List<String> searchContacts(PeopleService client, String query) throws Exception {
    SearchResponse found =
        client.people().searchContacts().setQuery(query).setReadMask("names").execute();
    return names(found.getResults());
  }

  @Test
  void searchContactsIgnoresCaseAndDiacritics() throws Exception {
    PeopleService client = withNames("search@names.example.com");

    assertThat(searchContacts(client, "zoe")).containsExactly("Zoë Łukasiewicz");
    assertThat(searchContacts(client, "ZOË")).containsExactly("Zoë Łukasiewicz");
    assertThat(searchContacts(client, "Zoe\u0308")).containsExactly("Zoë Łukasiewicz");
    assertThat(searchContacts(client, "emile")).containsExactly("Émile Œhlenschläger");
    assertThat(searchContacts(client, "oystein")).containsExactly("Øystein Weiß");
    assertThat(searchContacts(client, "Øyst")).containsExactly("Øystein Weiß");
    assertThat(searchContacts(client, "adam")).containsExactly("Adam Đorđević", "Ádám Ærøe");
    assertThat(searchContacts(client, "lukasiewicz")).containsExactly("Zoë Łukasiewicz");
    assertThat(searchContacts(client, "aeroe")).containsExactly("Ádám Ærøe");
    assertThat(searchContacts(client, "oehlenschlager")).containsExactly("Émile Œhlenschläger");
    assertThat(searchContacts(client, "weiss")).containsExactly("Øystein Weiß");
    assertThat(searchContacts(client, "dordevic")).containsExactly("Adam Đorđević");
    assertThat(searchContacts(client, "thorsdottir")).containsExactly("Eve Þórsdóttir");
    assertThat(searchContacts(client, "zoe lukas")).containsExactly("Zoë Łukasiewicz");
    assertThat(searchContacts(client, "zoa")).isEmpty();
  }

  @Test
  void otherContactsSearchIgnoresCaseAndDiacritics() throws Exception {
    String user = "others@names.example.com";
    OtherContactsFixtures.create(
        SERVER, user, OtherContactsFixtures.person("Zoë", "Ørsted", "zoe@mail.example.org", null));
    OtherContactsFixtures.create(
        SERVER, user, OtherContactsFixtures.person("Émile", "Ærenlund", null, null));
    PeopleService client = SERVER.people(user);

    for (String query : List.of("zoe", "ZOE", "orsted", "Ørst", "zoe orsted")) {
      SearchResponse found =
          client.otherContacts().search().setQuery(query).setReadMask("names").execute();
      assertThat(names(found.getResults())).as(query).containsExactly("Zoë Ørsted");
    }
    for (String query : List.of("emile", "aerenlund", "EMILE ÆR")) {
      SearchResponse found =
          client.otherContacts().search().setQuery(query).setReadMask("names").execute();
      assertThat(names(found.getResults())).as(query).containsExactly("Émile Ærenlund");
    }
  }

  private static List<String> searchDirectory(String query, String source) throws Exception {
    SearchDirectoryPeopleResponse found =
        SERVER
            .people("reader@names.example.com")
            .people()
            .searchDirectoryPeople()
            .setQuery(query)
            .setReadMask("names")
            .setSources(List.of(source))
            .execute();
    List<String> names = new ArrayList<>();
    if (found.getPeople() != null) {
      found.getPeople().forEach(p -> names.add(p.getNames().get(0).getDisplayName()));
    }
    return names;
  }

  @Test
  void searchDirectoryPeopleIgnoresCaseAndDiacritics() throws Exception {
    ContactsService gdata = new ContactsService("openpeople-tests");
    gdata.setHeader("Authorization", "Bearer admin@names.example.com");
    for (String name : List.of("Øystein Grüner", "Émile Weiß")) {
      ContactEntry entry = new ContactEntry();
      com.google.gdata.data.extensions.Name gdName = new com.google.gdata.data.extensions.Name();
      gdName.setFullName(new FullName(name, null));
      entry.setName(gdName);
      gdata.insert(
          URI.create(SERVER.baseUrl() + "m8/feeds/contacts/names.example.com/full").toURL(), entry);
    }
    assertThat(
            SERVER
                .call(
                    "PUT",
                    "/emulator/v1/users/lukasz@names.example.com/profile",
                    null,
                    "{\"names\":[{\"givenName\":\"Łukasz\",\"familyName\":\"Żółć\"}]}")
                .statusCode())
        .isEqualTo(200);

    String contacts = "DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT";
    assertThat(searchDirectory("oystein", contacts)).containsExactly("Øystein Grüner");
    assertThat(searchDirectory("GRUNER", contacts)).containsExactly("Øystein Grüner");
    assertThat(searchDirectory("emile weiss", contacts)).containsExactly("Émile Weiß");
    assertThat(searchDirectory("Émile", contacts)).containsExactly("Émile Weiß");
    String profiles = "DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE";
    assertThat(searchDirectory("lukasz", profiles)).containsExactly("Łukasz Żółć");
    assertThat(searchDirectory("zolc", profiles)).containsExactly("Łukasz Żółć");
  }

  @Test
  void aNameLongerThanAnyIndexEntryIsStoredSortedAndFound() throws Exception {
    PeopleService client = SERVER.people("long@names.example.com");
    String given = "Øyvind" + " Ålesund-Ærø".repeat(16_667);
    assertThat(given.length()).isGreaterThan(200_000);
    Person created =
        client
            .people()
            .createContact(
                new Person().setNames(List.of(new Name().setGivenName(given).setFamilyName("X"))))
            .execute();
    client
        .people()
        .createContact(new Person().setNames(List.of(new Name().setGivenName("Oscar"))))
        .execute();
    client
        .people()
        .createContact(new Person().setNames(List.of(new Name().setGivenName("Peter"))))
        .execute();

    assertThat(listAll(client, "FIRST_NAME_ASCENDING", 1)).containsExactly("Oscar", given, "Peter");
    assertThat(searchContacts(client, "oyvind"))
        .singleElement()
        .satisfies(name -> assertThat(name).startsWith("Øyvind Ålesund"));
    Person read = client.people().get(created.getResourceName()).setPersonFields("names").execute();
    assertThat(read.getNames().get(0).getGivenName()).isEqualTo(given);
  }
}

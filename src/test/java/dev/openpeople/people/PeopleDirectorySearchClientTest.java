// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.people.v1.model.ListDirectoryPeopleResponse;
import com.google.api.services.people.v1.model.Person;
import com.google.api.services.people.v1.model.SearchDirectoryPeopleResponse;
import com.google.gdata.client.contacts.ContactsService;
import com.google.gdata.data.contacts.ContactEntry;
import com.google.gdata.data.extensions.FullName;
import com.google.gdata.data.extensions.Name;
import dev.openpeople.OpenPeopleServerExtension;
import dev.openpeople.contact.TextKeys;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * searchDirectoryPeople over domain profiles: which profiles a query finds, in which order, how
 * they page and count with the shared contacts after them. The expected profiles are computed here
 * from the profiles as listDirectoryPeople renders them, by the rule the search follows: a profile
 * matches when the folded text of its display names and e-mail addresses (each address also cut at
 * "@" and "."), with every run of characters other than letters, digits, "@" and "." made a space,
 * contains a space followed by the folded query.
 */
class PeopleDirectorySearchClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final String DOMAIN = "search.example.com";
  private static final String READER = "reader@" + DOMAIN;
  private static final List<String> PROFILES = List.of("DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE");
  private static final List<String> BOTH =
      List.of("DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE", "DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT");

  /** Word and address prefixes, case and accents, punctuation, spaces, misses. */
  private static final List<String> QUERIES =
      List.of(
          "a",
          "ada",
          "ADA",
          "Lovelace",
          "ada.love",
          "ada@",
          "ada.lovelace@search",
          "search",
          "example",
          "com",
          "z",
          "zoe",
          "Zoë",
          "oystein",
          "øy",
          "emile",
          "émile.z",
          "other",
          "test",
          "x",
          "e@x",
          "o",
          "brien",
          "o.b",
          "o'brien",
          "robert ada",
          "ada love",
          "bob",
          "dora",
          "theo",
          "carl",
          "reader",
          "someone",
          "nobody",
          "r",
          "-",
          "@",
          ".",
          "1");

  private static void setProfile(String user, String json) throws Exception {
    assertThat(
            SERVER.call("PUT", "/emulator/v1/users/" + user + "/profile", null, json).statusCode())
        .isEqualTo(200);
  }

  private static void touch(String user) throws Exception {
    SERVER.people(user).people().get("people/me").setPersonFields("names").execute();
  }

  private static void shared(String fullName) throws Exception {
    ContactsService gdata = new ContactsService("openpeople-tests");
    gdata.setHeader("Authorization", "Bearer " + READER);
    URL feed = URI.create(SERVER.baseUrl() + "m8/feeds/contacts/" + DOMAIN + "/full").toURL();
    ContactEntry entry = new ContactEntry();
    Name name = new Name();
    name.setFullName(new FullName(fullName, null));
    entry.setName(name);
    gdata.insert(feed, entry);
  }

  private static SearchDirectoryPeopleResponse search(
      String query, List<String> sources, int pageSize, String pageToken) throws Exception {
    return SERVER
        .people(READER)
        .people()
        .searchDirectoryPeople()
        .setQuery(query)
        .setReadMask("names,emailAddresses")
        .setSources(sources)
        .setPageSize(pageSize)
        .setPageToken(pageToken)
        .execute();
  }

  /** The words text of a profile as the search rule above defines it. */
  private static String words(Person person) {
    StringBuilder words = new StringBuilder();
    if (person.getNames() != null) {
      person.getNames().forEach(n -> words.append(' ').append(n.getDisplayName()));
    }
    if (person.getEmailAddresses() != null) {
      person.getEmailAddresses().forEach(e -> words.append(' ').append(e.getValue()));
    }
    String text = TextKeys.fold(words.toString()).replaceAll("[^\\p{L}\\p{N}@.]+", " ");
    return " " + text.replace('@', ' ').replace('.', ' ') + " " + text;
  }

  @BeforeEach
  void users() throws Exception {
    SERVER.reset();
    touch("zed@" + DOMAIN);
    touch("ada.lovelace@" + DOMAIN);
    touch("o.brien@" + DOMAIN);
    setProfile(
        "emile@" + DOMAIN,
        "{\"names\":[{\"givenName\":\"Émile\",\"familyName\":\"Zoë-Øystein\"}],"
            + "\"emailAddresses\":[{\"value\":\"Emile.Z@Other.Test\"},{\"value\":\"e@x.test\"}]}");
    setProfile("bob@" + DOMAIN, "{\"names\":[{\"givenName\":\"Robert\",\"familyName\":\"Ada\"}]}");
    setProfile("carl@" + DOMAIN, "{\"names\":[{\"givenName\":\"Carl\"}],\"emailAddresses\":[]}");
    setProfile("dora@" + DOMAIN, "{\"names\":[{\"givenName\":\"Dora\"}]}");
    setProfile("dora@" + DOMAIN, "{\"names\":[{\"givenName\":\"Theodora\"}]}");
    touch("someone@other.example.org");
    shared("Ada Byron");
    shared("Zed Shaw");
  }

  @Test
  void profilesMatchWordPrefixesInAddressOrderWithTheirCount() throws Exception {
    ListDirectoryPeopleResponse all =
        SERVER
            .people(READER)
            .people()
            .listDirectoryPeople()
            .setReadMask("names,emailAddresses")
            .setSources(PROFILES)
            .setPageSize(1000)
            .execute();
    List<Person> profiles = all.getPeople();
    assertThat(profiles).hasSize(8);

    for (String query : QUERIES) {
      String folded = " " + TextKeys.fold(query);
      List<String> expected =
          profiles.stream()
              .filter(p -> words(p).contains(folded))
              .map(Person::getResourceName)
              .toList();
      SearchDirectoryPeopleResponse found = search(query, PROFILES, 500, null);
      List<String> names =
          found.getPeople() == null
              ? List.of()
              : found.getPeople().stream().map(Person::getResourceName).toList();
      assertThat(names).as(query).isEqualTo(expected);
      assertThat(found.getTotalSize()).as(query).isEqualTo(expected.size());
    }
  }

  @Test
  void profilesPageBeforeSharedContacts() throws Exception {
    // "ada" finds ada.lovelace@ and bob (Robert Ada) by address order, then the shared contact.
    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      SearchDirectoryPeopleResponse page = search("ada", BOTH, 1, token);
      assertThat(page.getTotalSize()).isEqualTo(3);
      seen.add(Objects.requireNonNull(page.getPeople()).get(0).getNames().get(0).getDisplayName());
      token = page.getNextPageToken();
    } while (token != null);
    assertThat(seen).containsExactly("Ada.lovelace", "Robert Ada", "Ada Byron");
    SearchDirectoryPeopleResponse zed = search("zed", BOTH, 10, null);
    assertThat(zed.getPeople())
        .extracting(p -> p.getNames().get(0).getDisplayName())
        .containsExactly("Zed", "Zed Shaw");
    assertThat(search("dora", PROFILES, 10, null).getPeople()).isNull();
  }
}

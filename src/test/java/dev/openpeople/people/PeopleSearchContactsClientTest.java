// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static dev.openpeople.people.PeopleConnectionsClientTest.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.EmailAddress;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import com.google.api.services.people.v1.model.PhoneNumber;
import com.google.api.services.people.v1.model.SearchResponse;
import dev.openpeople.OpenPeopleServerExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** people.searchContacts: prefix-phrase matching, warmup, page sizes, via the Java client. */
class PeopleSearchContactsClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static int hits(PeopleService client, String query) throws Exception {
    SearchResponse response =
        client.people().searchContacts().setQuery(query).setReadMask("names").execute();
    return response.getResults() == null ? 0 : response.getResults().size();
  }

  @Test
  void matchesPrefixPhrasesAsTheDiscoveryDocumentDescribes() throws Exception {
    PeopleService client = SERVER.people("foo@example.com");
    client
        .people()
        .createContact(
            new Person().setNames(List.of(new Name().setGivenName("foo").setFamilyName("name"))))
        .execute();

    for (String query : List.of("f", "fo", "foo", "foo n", "nam", "FOO NAME")) {
      assertThat(hits(client, query)).as(query).isEqualTo(1);
    }
    assertThat(hits(client, "oo n")).isZero();
    assertThat(hits(client, "name foo")).isZero();
  }

  @Test
  void matchesEmailAddressesAndPhoneNumbers() throws Exception {
    PeopleService client = SERVER.people("fields@example.com");
    client
        .people()
        .createContact(
            new Person()
                .setEmailAddresses(List.of(new EmailAddress().setValue("grace.hopper@navy.mil")))
                .setPhoneNumbers(List.of(new PhoneNumber().setValue("+1 (555) 010-9999"))))
        .execute();

    assertThat(hits(client, "grace.h")).isEqualTo(1);
    assertThat(hits(client, "hopper")).isEqualTo(1);
    assertThat(hits(client, "navy")).isEqualTo(1);
    assertThat(hits(client, "1555010")).isEqualTo(1);
    assertThat(hits(client, "+1 (555")).isEqualTo(1);
    assertThat(hits(client, "race")).isZero();
  }

  @Test
  void emptyQueryIsTheWarmupAndReturnsNothing() throws Exception {
    SearchResponse warmup =
        SERVER
            .people("warm@example.com")
            .people()
            .searchContacts()
            .setQuery("")
            .setReadMask("names")
            .execute();

    assertThat(warmup.getResults()).isNull();
  }

  @Test
  void pageSizeDefaultsToTenAndIsCappedAtThirty() throws Exception {
    PeopleService client = SERVER.people("many@example.com");
    for (int i = 0; i < 35; i++) {
      client
          .people()
          .createContact(new Person().setNames(List.of(new Name().setGivenName("Sam" + i))))
          .execute();
    }

    assertThat(hits(client, "sam")).isEqualTo(10);
    SearchResponse capped =
        client
            .people()
            .searchContacts()
            .setQuery("sam")
            .setReadMask("names")
            .setPageSize(100)
            .execute();
    assertThat(capped.getResults()).hasSize(30);
  }

  @Test
  void followsUpdatesAndDeletesAndStaysPerUser() throws Exception {
    PeopleService client = SERVER.people("changes@example.com");
    Person created =
        client
            .people()
            .createContact(new Person().setNames(List.of(new Name().setGivenName("Before"))))
            .execute();
    Person updated =
        client
            .people()
            .updateContact(
                created.getResourceName(),
                new Person()
                    .setEtag(created.getEtag())
                    .setNames(List.of(new Name().setGivenName("After"))))
            .setUpdatePersonFields("names")
            .execute();

    assertThat(hits(client, "before")).isZero();
    assertThat(hits(client, "after")).isEqualTo(1);
    assertThat(hits(SERVER.people("someone-else@example.com"), "after")).isZero();

    client.people().deleteContact(updated.getResourceName()).execute();
    assertThat(hits(client, "after")).isZero();
  }

  @Test
  void requiresReadMask() {
    assertBadRequest(
        () -> SERVER.people("mask@example.com").people().searchContacts().setQuery("x").execute());
  }

  @Test
  void nationalNumbersGetCanonicalFormAndAnyFormattingFindsThem() throws Exception {
    PeopleService client = SERVER.people("phones@example.com");
    Person created =
        client
            .people()
            .createContact(
                new Person()
                    .setNames(List.of(new Name().setGivenName("Office")))
                    .setPhoneNumbers(List.of(new PhoneNumber().setValue("(650) 253-0000"))))
            .setPersonFields("phoneNumbers")
            .execute();
    assertThat(created.getPhoneNumbers().get(0).getCanonicalForm()).isEqualTo("+16502530000");

    for (String query :
        List.of("+1 650-253-0000", "650.253.0000", "6502530000", "+16502530000", "(650) 253")) {
      assertThat(hits(client, query)).as(query).isEqualTo(1);
    }
    assertThat(hits(client, "+1 650-253-0001")).isZero();
  }
}

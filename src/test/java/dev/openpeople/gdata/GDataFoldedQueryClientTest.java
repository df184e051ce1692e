// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gdata.client.contacts.ContactQuery;
import com.google.gdata.client.contacts.ContactsService;
import com.google.gdata.data.contacts.ContactEntry;
import com.google.gdata.data.contacts.ContactFeed;
import com.google.gdata.data.extensions.Email;
import com.google.gdata.data.extensions.FamilyName;
import com.google.gdata.data.extensions.GivenName;
import com.google.gdata.data.extensions.Name;
import dev.openpeople.OpenPeopleServerExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared contacts feed's {@code q} ignores case and diacritics, via the GData client. */
class GDataFoldedQueryClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final String DOMAIN = "fold.example.com";
  private static ContactsService client;

  private static void insert(String given, String family, String email) throws Exception {
    ContactEntry entry = new ContactEntry();
    Name name = new Name();
    name.setGivenName(new GivenName(given, null));
    name.setFamilyName(new FamilyName(family, null));
    entry.setName(name);
    Email address = new Email();
    address.setAddress(email);
    address.setRel("http://schemas.google.com/g/2005#work");
    entry.addEmailAddress(address);
    client.insert(GDataClients.feed(SERVER, DOMAIN, "full"), entry);
  }

  @BeforeAll
  static void contacts() throws Exception {
    client = GDataClients.contacts("admin@" + DOMAIN);
    insert("Zoë", "Łukasiewicz", "zoe@vendor.test");
    insert("Øystein", "Weiß", "oystein@vendor.test");
    insert("Émile", "Œhlenschläger", "Émile.Œ@vendor.test");
    insert("Adam", "Þórsson", "adam@vendor.test");
  }

  private static List<String> given(String q) throws Exception {
    ContactQuery query = new ContactQuery(GDataClients.feed(SERVER, DOMAIN, "full"));
    query.setFullTextQuery(q);
    return client.query(query, ContactFeed.class).getEntries().stream()
        .map(e -> e.getName().getGivenName().getValue())
        .sorted()
        .toList();
  }

  @Test
  void qMatchesWordPrefixesWhateverTheirCaseAndDiacritics() throws Exception {
    assertThat(given("zoe")).containsExactly("Zoë");
    assertThat(given("ZOË")).containsExactly("Zoë");
    assertThat(given("lukas")).containsExactly("Zoë");
    assertThat(given("oystein")).containsExactly("Øystein");
    assertThat(given("weiss")).containsExactly("Øystein");
    assertThat(given("emile")).containsExactly("Émile");
    assertThat(given("oehlen")).containsExactly("Émile");
    assertThat(given("emile.oe@")).containsExactly("Émile");
    assertThat(given("thorsson")).containsExactly("Adam");
    assertThat(given("zoa")).isEmpty();
  }
}

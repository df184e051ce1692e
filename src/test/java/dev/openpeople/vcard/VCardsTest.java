// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.vcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import ezvcard.VCardVersion;
import org.junit.jupiter.api.Test;

class VCardsTest {
  private static final String APPLE_CARD =
      """
      BEGIN:VCARD
      VERSION:3.0
      PRODID:-//Apple Inc.//iPhone OS 17.0//EN
      UID:4F1C2D3E-AAAA-BBBB-CCCC-1234567890AB
      N:Lovelace;Ada;King;Countess;
      FN:Ada Lovelace
      NICKNAME:Ada,The Enchantress
      EMAIL;TYPE=INTERNET;TYPE=HOME;TYPE=pref:ada@example.com
      EMAIL;TYPE=INTERNET;TYPE=WORK:ada@analytical.example
      item1.EMAIL;TYPE=INTERNET:ada@club.example
      item1.X-ABLabel:Club
      TEL;TYPE=CELL;TYPE=VOICE:+44 20 7946 0000
      TEL;TYPE=WORK;TYPE=FAX:+44 20 7946 0001
      ADR;TYPE=HOME:;Flat 2;12 St James's Square;London;;SW1Y 4JH;United Kingdom
      ORG:Analytical Engine Ltd;Mathematics
      TITLE:Analyst
      BDAY:1815-12-10
      item2.X-ABDATE;X-APPLE-OMIT-YEAR=1604:1604-07-08
      item2.X-ABLabel:_$!<Anniversary>!$_
      URL;TYPE=HOME:https://ada.example
      NOTE:First programmer.
      item3.X-ABRELATEDNAMES:William King
      item3.X-ABLabel:_$!<Spouse>!$_
      IMPP;X-SERVICE-TYPE=Jabber;TYPE=HOME:xmpp:ada@jabber.example
      CATEGORIES:Friends,Scientists
      X-SOCIALPROFILE;TYPE=twitter:https://twitter.example/ada
      GEO:51.5074;-0.1278
      END:VCARD
      """;

  @Test
  void readsEveryMappedPropertyIntoPersonFields() {
    PersonCard card = VCards.read(APPLE_CARD);
    JsonNode person = card.person();
    assertThat(card.uid()).isEqualTo("4F1C2D3E-AAAA-BBBB-CCCC-1234567890AB");
    assertThat(card.categories()).containsExactly("Friends", "Scientists");
    JsonNode name = person.path("names").path(0);
    assertThat(name.path("familyName").asText()).isEqualTo("Lovelace");
    assertThat(name.path("givenName").asText()).isEqualTo("Ada");
    assertThat(name.path("middleName").asText()).isEqualTo("King");
    assertThat(name.path("honorificPrefix").asText()).isEqualTo("Countess");
    assertThat(name.path("unstructuredName").asText()).isEqualTo("Ada Lovelace");
    assertThat(person.path("nicknames").findValuesAsText("value"))
        .containsExactly("Ada", "The Enchantress");
    assertThat(person.path("emailAddresses").findValuesAsText("type"))
        .containsExactly("home", "work", "Club");
    assertThat(person.path("emailAddresses").path(0).path("metadata").path("primary").asBoolean())
        .isTrue();
    assertThat(person.path("phoneNumbers").findValuesAsText("type"))
        .containsExactly("mobile", "workFax");
    JsonNode address = person.path("addresses").path(0);
    assertThat(address.path("streetAddress").asText()).isEqualTo("12 St James's Square");
    assertThat(address.path("extendedAddress").asText()).isEqualTo("Flat 2");
    assertThat(address.path("postalCode").asText()).isEqualTo("SW1Y 4JH");
    JsonNode org = person.path("organizations").path(0);
    assertThat(org.path("name").asText()).isEqualTo("Analytical Engine Ltd");
    assertThat(org.path("department").asText()).isEqualTo("Mathematics");
    assertThat(org.path("title").asText()).isEqualTo("Analyst");
    assertThat(person.path("birthdays").path(0).path("date").toString())
        .isEqualTo("{\"year\":1815,\"month\":12,\"day\":10}");
    JsonNode event = person.path("events").path(0);
    assertThat(event.path("type").asText()).isEqualTo("anniversary");
    assertThat(event.path("date").toString()).isEqualTo("{\"month\":7,\"day\":8}");
    assertThat(person.path("urls").path(0).path("type").asText()).isEqualTo("home");
    assertThat(person.path("biographies").path(0).path("value").asText())
        .isEqualTo("First programmer.");
    assertThat(person.path("relations").path(0).path("type").asText()).isEqualTo("spouse");
    JsonNode im = person.path("imClients").path(0);
    assertThat(im.path("username").asText()).isEqualTo("ada@jabber.example");
    assertThat(im.path("protocol").asText()).isEqualTo("jabber");
    assertThat(card.unmapped()).contains("X-SOCIALPROFILE").contains("GEO").doesNotContain("EMAIL");
  }

  @Test
  void writingAndReadingBackIsLosslessInBothVersions() {
    PersonCard card = VCards.read(APPLE_CARD);
    for (VCardVersion version : new VCardVersion[] {VCardVersion.V3_0, VCardVersion.V4_0}) {
      String text = VCards.write(card, version);
      assertThat(text).contains("VERSION:" + version.getVersion());
      PersonCard again = VCards.read(text);
      assertThat(again.person()).as(text).isEqualTo(card.person());
      assertThat(again.uid()).isEqualTo(card.uid());
      assertThat(again.categories()).isEqualTo(card.categories());
      assertThat(again.unmapped()).contains("X-SOCIALPROFILE").contains("GEO");
    }
  }

  @Test
  void customTypesTravelAsAppleLabels() {
    String text =
        VCards.write(
            VCards.read(
                """
                BEGIN:VCARD
                VERSION:4.0
                UID:u1
                FN:Grace
                TEL;TYPE=work,cell:+1 555 0100
                item7.TEL:+1 555 0101
                item7.X-ABLabel:boat
                END:VCARD
                """),
            VCardVersion.V3_0);
    assertThat(text).contains("X-ABLabel:_$!<Boat>!$_");
    JsonNode phones = VCards.read(text).person().path("phoneNumbers");
    assertThat(phones.findValuesAsText("type")).containsExactly("workMobile", "boat");
  }

  @Test
  void rejectsWhatIsNotExactlyOneNamedCardWithUid() {
    assertThatThrownBy(() -> VCards.read("hello"))
        .isInstanceOf(InvalidVCardException.class)
        .hasMessageContaining("not a vCard");
    String noUid = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nN:;A;;;\r\nEND:VCARD\r\n";
    assertThatThrownBy(() -> VCards.read(noUid)).hasMessageContaining("UID");
    String one = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:x\r\nFN:A\r\nEND:VCARD\r\n";
    assertThatThrownBy(() -> VCards.read(one + one)).hasMessageContaining("exactly one");
    String noName = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:x\r\nEMAIL:a@b.c\r\nEND:VCARD\r\n";
    assertThatThrownBy(() -> VCards.read(noName)).hasMessageContaining("FN");
  }
}

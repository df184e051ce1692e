// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing Atom entries and batch feeds: what is kept, what is refused (XXE, unknown, size). */
class AtomReaderTest {
  static final String ENTRY_OPEN =
      "<entry xmlns='http://www.w3.org/2005/Atom' xmlns:gd='http://schemas.google.com/g/2005'"
          + " xmlns:gContact='http://schemas.google.com/contact/2008'"
          + " xmlns:batch='http://schemas.google.com/gdata/batch'";

  private static ContactEntry entry(String xml) {
    return AtomReader.entry(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRefused(String xml, ApiError error, String message) {
    assertThatThrownBy(() -> entry(xml))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(error))
        .hasMessageContaining(message);
  }

  @Test
  void readsAtomPartsAndKeepsGDataElementsWithTheirUnknownChildrenAndAttributes() {
    ContactEntry entry =
        entry(
            ENTRY_OPEN
                + " gd:etag='\"abc\"'>"
                + "<id> http://x/id/1 </id><title>Ada</title><content>notes &amp; more</content>"
                + "<link rel='edit' href='http://x/edit/1'/><link rel='self' href='http://x/1'/>"
                + "<category scheme='http://schemas.google.com/g/2005#kind'"
                + " term='http://schemas.google.com/contact/2008#contact'/>"
                + "<updated>2026-01-01T00:00:00Z</updated>"
                + "<gd:name future='yes'><gd:givenName>Ada</gd:givenName>"
                + "<x:nick xmlns:x='urn:x' x:ignored='1'>Countess</x:nick></gd:name>"
                + "<gContact:nickname>A</gContact:nickname>"
                + "</entry>");

    assertThat(entry.id()).isEqualTo("http://x/id/1");
    assertThat(entry.etag()).isEqualTo("\"abc\"");
    assertThat(entry.title()).isEqualTo("Ada");
    assertThat(entry.content()).isEqualTo("notes & more");
    assertThat(entry.editHref()).isEqualTo("http://x/edit/1");
    assertThat(entry.batchId()).isNull();
    assertThat(entry.elements()).hasSize(2);
    XmlElement name = entry.elements().get(0);
    assertThat(name.ns()).isEqualTo(Namespaces.GD);
    assertThat(name.attributes()).isEqualTo(Map.of("future", "yes"));
    assertThat(name.childText("givenName")).isEqualTo("Ada");
    XmlElement nick = name.child("nick");
    assertThat(nick).isNotNull();
    assertThat(nick.ns()).isEqualTo("urn:x");
    assertThat(nick.text()).isEqualTo("Countess");
    assertThat(nick.attributes()).as("namespaced attributes are dropped").isEmpty();
    assertThat(entry.elements().get(1).ns()).isEqualTo(Namespaces.GCONTACT);
  }

  @Test
  void refusesADoctypeSoNoEntityIsEverExpanded() {
    assertRefused(
        "<?xml version='1.0'?><!DOCTYPE entry [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
            + ENTRY_OPEN
            + "><title>&xxe;</title></entry>",
        ApiError.GDATA_PARSE_ERROR,
        "");
    assertRefused(
        "<!DOCTYPE entry>" + ENTRY_OPEN + "><title>t</title></entry>",
        ApiError.GDATA_PARSE_ERROR,
        "DOCTYPE is not allowed.");
  }

  @Test
  void refusesUnknownElementsOutsideTheGDataVocabulary() {
    assertRefused(
        ENTRY_OPEN + "><gd:teleport/></entry>", ApiError.GDATA_INVALID, "Unknown element:");
    assertRefused(
        ENTRY_OPEN + "><foo xmlns='urn:foo'/></entry>",
        ApiError.GDATA_INVALID,
        "Unknown element: {urn:foo}foo");
    assertRefused(ENTRY_OPEN + "><summary2/></entry>", ApiError.GDATA_INVALID, "Unknown element");
  }

  @Test
  void refusesOtherRootsKindsAndBrokenXml() {
    assertRefused(
        "<feed xmlns='http://www.w3.org/2005/Atom'/>",
        ApiError.GDATA_INVALID,
        "Expected an Atom <entry> document.");
    assertRefused("<entry/>", ApiError.GDATA_INVALID, "Expected an Atom <entry> document.");
    assertRefused(
        ENTRY_OPEN
            + "><category scheme='http://schemas.google.com/g/2005#kind'"
            + " term='http://schemas.google.com/g/2005#event'/></entry>",
        ApiError.GDATA_INVALID,
        "Entry kind must be a contact");
    assertRefused(ENTRY_OPEN + "><title>t</entry>", ApiError.GDATA_PARSE_ERROR, "Parse error");
    assertRefused("", ApiError.GDATA_PARSE_ERROR, "");
  }

  @Test
  void refusesOversizedAndDeeplyNestedEntries() {
    byte[] big = new byte[AtomReader.MAX_ENTRY_BYTES + 1];
    assertThatThrownBy(() -> AtomReader.entry(big))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.GDATA_TOO_LARGE));
    String deep =
        "<x:a xmlns:x='urn:x'>".repeat(AtomReader.MAX_DEPTH)
            + "</x:a>".repeat(AtomReader.MAX_DEPTH);
    assertRefused(
        ENTRY_OPEN + "><gd:name>" + deep + "</gd:name></entry>",
        ApiError.GDATA_INVALID,
        "nested too deeply");
  }

  @Test
  void readsABatchFeedWithItsDefaultAndPerEntryOperations() {
    AtomReader.BatchFeed feed =
        AtomReader.batch(
            ("<feed xmlns='http://www.w3.org/2005/Atom'"
                    + " xmlns:batch='http://schemas.google.com/gdata/batch'>"
                    + "<batch:operation type='insert'/>"
                    + "<entry><batch:id>one</batch:id><title>A</title></entry>"
                    + "<entry><batch:id>two</batch:id><batch:operation type='delete'/>"
                    + "<id>http://x/2</id></entry></feed>")
                .getBytes(StandardCharsets.UTF_8));
    assertThat(feed.defaultOperation()).isEqualTo("insert");
    assertThat(feed.entries()).extracting(ContactEntry::batchId).containsExactly("one", "two");
    assertThat(feed.entries())
        .extracting(ContactEntry::batchOperation)
        .containsExactly(null, "delete");
  }
}

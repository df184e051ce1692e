// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stored entries read back by the streaming reader as the tree reads them. */
class StoredEntryTest {
  @Test
  void whatIsStoredIsReadBackEqual() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("rel", Namespaces.GD + "#work");
    attributes.put("address", "a'<b>&\"c\"@x.test");
    StoredEntry entry =
        new StoredEntry(
            "Ada \"L\"",
            "notes\nline 2 \u00e9 \ud83d\ude00",
            List.of(
                new XmlElement(
                    Namespaces.GD,
                    "name",
                    Map.of(),
                    "",
                    List.of(
                        new XmlElement(Namespaces.GD, "fullName", Map.of(), "Ada L", List.of()),
                        new XmlElement("urn:x", "nick", Map.of(), "C", List.of()))),
                new XmlElement(Namespaces.GD, "email", attributes, "", List.of())));
    assertThat(StoredEntry.parse(entry.toJson())).isEqualTo(entry);
    StoredEntry bare = new StoredEntry(null, null, List.of());
    assertThat(StoredEntry.parse(bare.toJson())).isEqualTo(bare);
  }

  @Test
  void otherShapesAreReadAsTheTreeReadsThem() {
    // A number where text is stored, and unknown members: the tree's reading.
    StoredEntry parsed =
        StoredEntry.parse(
            "{\"title\":7,\"x\":[1,{\"y\":2}],\"elements\":[{\"ns\":\"urn:x\",\"n\":\"a\","
                + "\"a\":{\"k\":1},\"t\":\"v\",\"z\":null}]}");
    assertThat(parsed)
        .isEqualTo(
            new StoredEntry(
                "7",
                null,
                List.of(new XmlElement("urn:x", "a", Map.of("k", "1"), "v", List.of()))));
  }
}

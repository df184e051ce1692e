// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writing stored elements back as XML: escaping, prefixes, and read/write round trips. */
class AtomWriterTest {
  private static String write(XmlElement element) {
    StringBuilder out = new StringBuilder();
    AtomWriter.element(out, element, Namespaces.ATOM);
    return out.toString();
  }

  private static List<XmlElement> reread(List<XmlElement> elements) {
    StringBuilder out = new StringBuilder("<entry").append(AtomWriter.NAMESPACES).append('>');
    elements.forEach(e -> AtomWriter.element(out, e, Namespaces.ATOM));
    out.append("</entry>");
    return AtomReader.entry(out.toString().getBytes(StandardCharsets.UTF_8)).elements();
  }

  @Test
  void usesTheProtocolPrefixesAndDeclaresForeignNamespacesInPlace() {
    XmlElement nick = new XmlElement("urn:x", "nick", Map.of(), "C", List.of());
    XmlElement name =
        new XmlElement(
            Namespaces.GD,
            "name",
            Map.of(),
            "",
            List.of(new XmlElement(Namespaces.GD, "givenName", Map.of(), "Ada", List.of()), nick));
    assertThat(write(name))
        .isEqualTo(
            "<gd:name><gd:givenName>Ada</gd:givenName><nick xmlns='urn:x'>C</nick></gd:name>");
    assertThat(write(new XmlElement(Namespaces.GCONTACT, "nickname", Map.of(), "", List.of())))
        .isEqualTo("<gContact:nickname/>");
  }

  @Test
  void escapesTextAndAttributes() {
    XmlElement email =
        new XmlElement(
            Namespaces.GD,
            "email",
            Map.of("address", "a'<b>&\"c\"@x.test"),
            "1 < 2 & 3",
            List.of());
    assertThat(write(email))
        .isEqualTo(
            "<gd:email address='a&apos;&lt;b&gt;&amp;\"c\"@x.test'>1 &lt; 2 &amp; 3</gd:email>");
  }

  @Test
  void whatIsReadIsWrittenBackUnchangedIncludingUnknownChildren() {
    List<XmlElement> elements =
        AtomReader.entry(
                (AtomReaderTest.ENTRY_OPEN
                        + "><gd:name future='yes'><gd:givenName>Ada</gd:givenName>"
                        + "<x:nick xmlns:x='urn:x'><x:deeper k='v'>é &amp; ü</x:deeper></x:nick>"
                        + "</gd:name><gd:email rel='http://schemas.google.com/g/2005#work'"
                        + " address='a@x.test' primary='true'/>"
                        + "<gContact:userDefinedField key='k' value='&lt;v&gt;'/></entry>")
                    .getBytes(StandardCharsets.UTF_8))
            .elements();
    assertThat(elements).hasSize(3);
    assertThat(reread(elements)).isEqualTo(elements);
    assertThat(reread(reread(elements))).isEqualTo(elements);
  }

  @Test
  void timesAreRfc3339InUtcWithMilliseconds() {
    assertThat(AtomWriter.time(Instant.parse("2026-02-03T04:05:06.789123Z")))
        .isEqualTo("2026-02-03T04:05:06.789Z");
    assertThat(AtomWriter.time(Instant.parse("2026-02-03T04:05:06Z")))
        .isEqualTo("2026-02-03T04:05:06.000Z");
  }
}

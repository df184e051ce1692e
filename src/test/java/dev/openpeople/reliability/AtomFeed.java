// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.reliability;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A GData contacts feed read with a hardened DOM parser: its updated time and its entries. */
record AtomFeed(String updated, List<AtomFeed.Entry> entries) {
  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String GD = "http://schemas.google.com/g/2005";

  /** One entry: its atom:id, gd:etag and whether it is a tombstone (gd:deleted). */
  record Entry(String id, String etag, boolean deleted) {}

  static AtomFeed parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setExpandEntityReferences(false);
    Document doc =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element root = doc.getDocumentElement();
    String updated = child(root, ATOM, "updated");
    List<Entry> entries = new ArrayList<>();
    NodeList list = root.getElementsByTagNameNS(ATOM, "entry");
    for (int i = 0; i < list.getLength(); i++) {
      Element entry = (Element) list.item(i);
      entries.add(
          new Entry(
              child(entry, ATOM, "id"),
              entry.getAttributeNS(GD, "etag"),
              entry.getElementsByTagNameNS(GD, "deleted").getLength() > 0));
    }
    return new AtomFeed(updated, entries);
  }

  private static String child(Element parent, String ns, String name) {
    for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element e
          && ns.equals(e.getNamespaceURI())
          && name.equals(e.getLocalName())) {
        return e.getTextContent();
      }
    }
    throw new IllegalArgumentException("no " + name + " in " + parent.getTagName());
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.server.Json;
import dev.openpeople.server.SafeXml;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * The other representations of a feed the shared contacts reference lists for {@code alt}: GData
 * JSON (https://developers.google.com/gdata/docs/json: elements become objects, attributes their
 * string members, text {@code $t}, a namespaced name {@code prefix$name}, repeatable elements
 * arrays) and RSS 2.0 (feed to {@code rss/channel}, entries to {@code item}, Atom elements kept
 * under the {@code atom:} prefix). Both are converted from the Atom this server writes.
 */
final class AltFormats {
  static final String JSON_TYPE = "application/json; charset=UTF-8";
  static final String RSS_TYPE = "application/rss+xml; charset=UTF-8";

  /** Elements that are arrays in GData JSON even when they occur once. */
  private static final Set<String> REPEATABLE =
      Set.of(
          "entry",
          "link",
          "category",
          "author",
          "contributor",
          "gd$email",
          "gd$phoneNumber",
          "gd$im",
          "gd$structuredPostalAddress",
          "gd$postalAddress",
          "gd$organization",
          "gd$extendedProperty",
          "gd$where",
          "gContact$calendarLink",
          "gContact$event",
          "gContact$externalId",
          "gContact$hobby",
          "gContact$jot",
          "gContact$language",
          "gContact$relation",
          "gContact$userDefinedField",
          "gContact$website");

  private AltFormats() {}

  /** The GData JSON document of an Atom feed or entry. */
  static byte[] json(String atom) {
    ObjectNode root = Json.object().put("version", "1.0").put("encoding", "UTF-8");
    try {
      XMLStreamReader reader = SafeXml.INPUT.createXMLStreamReader(new StringReader(atom));
      try {
        while (reader.next() != XMLStreamConstants.START_ELEMENT) {
          // prolog
        }
        root.set(name(reader), element(reader));
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      throw new IllegalStateException("this server's Atom did not parse", e);
    }
    return Json.write(root, false);
  }

  private static String name(XMLStreamReader reader) {
    String prefix = reader.getPrefix();
    return prefix == null || prefix.isEmpty()
        ? reader.getLocalName()
        : prefix + "$" + reader.getLocalName();
  }

  /** The element the reader is at as an object; leaves the reader at its end tag. */
  private static ObjectNode element(XMLStreamReader reader) throws XMLStreamException {
    ObjectNode node = Json.object();
    for (int i = 0; i < reader.getNamespaceCount(); i++) {
      String prefix = reader.getNamespacePrefix(i);
      node.put(
          prefix == null || prefix.isEmpty() ? "xmlns" : "xmlns$" + prefix,
          reader.getNamespaceURI(i));
    }
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      String prefix = reader.getAttributePrefix(i);
      String key =
          prefix == null || prefix.isEmpty()
              ? reader.getAttributeLocalName(i)
              : prefix + "$" + reader.getAttributeLocalName(i);
      node.put(key, reader.getAttributeValue(i));
    }
    StringBuilder text = new StringBuilder();
    while (true) {
      int event = reader.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        break;
      }
      if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        text.append(reader.getText());
      } else if (event == XMLStreamConstants.START_ELEMENT) {
        String child = name(reader);
        ObjectNode value = element(reader);
        JsonNode existing = node.get(child);
        if (existing instanceof ArrayNode array) {
          array.add(value);
        } else if (existing != null) {
          ArrayNode array = node.putArray(child);
          array.add(existing).add(value);
        } else if (REPEATABLE.contains(child)) {
          node.putArray(child).add(value);
        } else {
          node.set(child, value);
        }
      }
    }
    if (!text.toString().isBlank()) {
      node.put("$t", text.toString());
    }
    return node;
  }

  /** The RSS 2.0 document of an Atom feed. */
  static byte[] rss(String atom) {
    StringWriter out = new StringWriter(atom.length() + 256);
    try {
      XMLStreamReader reader = SafeXml.INPUT.createXMLStreamReader(new StringReader(atom));
      XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      try {
        writer.writeStartDocument("UTF-8", "1.0");
        Deque<Boolean> open = new ArrayDeque<>();
        while (reader.hasNext()) {
          int event = reader.next();
          if (event == XMLStreamConstants.START_ELEMENT) {
            open.push(start(reader, writer, open.isEmpty()));
          } else if (event == XMLStreamConstants.END_ELEMENT) {
            if (Boolean.TRUE.equals(open.pop())) {
              writer.writeEndElement(); // channel
            }
            writer.writeEndElement();
          } else if (event == XMLStreamConstants.CHARACTERS) {
            writer.writeCharacters(reader.getText());
          }
        }
        writer.writeEndDocument();
      } finally {
        writer.close();
        reader.close();
      }
    } catch (XMLStreamException e) {
      throw new IllegalStateException("this server's Atom did not convert", e);
    }
    return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Writes the RSS start tag for the reader's element; true when it opened rss and channel. */
  private static boolean start(XMLStreamReader reader, XMLStreamWriter writer, boolean root)
      throws XMLStreamException {
    String ns = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
    String local = reader.getLocalName();
    if (root) {
      writer.writeStartElement("rss");
      writer.writeAttribute("version", "2.0");
      writer.writeNamespace("atom", Namespaces.ATOM);
      for (int i = 0; i < reader.getNamespaceCount(); i++) {
        String prefix = reader.getNamespacePrefix(i);
        if (prefix != null && !prefix.isEmpty()) {
          writer.writeNamespace(prefix, reader.getNamespaceURI(i));
        }
      }
      writer.writeStartElement("channel");
      return true;
    }
    if (ns.equals(Namespaces.ATOM)) {
      switch (local) {
        case "entry" -> writer.writeStartElement("item");
        case "id" -> writer.writeStartElement("guid");
        case "title" -> writer.writeStartElement("title");
        case "content" -> writer.writeStartElement("description");
        case "category" -> {
          writer.writeStartElement("category");
          writer.writeAttribute("domain", String.valueOf(reader.getAttributeValue(null, "scheme")));
          writer.writeCharacters(String.valueOf(reader.getAttributeValue(null, "term")));
          return false;
        }
        default -> {
          writer.writeStartElement("atom", local, Namespaces.ATOM);
          copyAttributes(reader, writer);
        }
      }
      if (local.equals("id")) {
        writer.writeAttribute("isPermaLink", "false");
      }
      return false;
    }
    String prefix = reader.getPrefix() == null ? "" : reader.getPrefix();
    writer.writeStartElement(prefix, local, ns);
    copyAttributes(reader, writer);
    return false;
  }

  private static void copyAttributes(XMLStreamReader reader, XMLStreamWriter writer)
      throws XMLStreamException {
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      String prefix = reader.getAttributePrefix(i);
      String attrNs = reader.getAttributeNamespace(i);
      if (prefix == null || prefix.isEmpty()) {
        writer.writeAttribute(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
      } else {
        writer.writeAttribute(
            prefix, attrNs, reader.getAttributeLocalName(i), reader.getAttributeValue(i));
      }
    }
  }
}

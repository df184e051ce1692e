// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import dev.openpeople.server.SafeXml;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads PROPFIND and REPORT bodies with the JDK's StAX parser, hardened against XXE: no DTDs, no
 * external entities, and a DOCTYPE anywhere is a 400 before any element is read.
 */
final class DavXml {
  private static final int MAX_DEPTH = 32;

  private DavXml() {}

  /** The root element of a body, or null when the body is empty (white space only). */
  static @Nullable DavElement parse(byte[] body) {
    if (isBlank(body)) {
      return null;
    }
    XMLStreamReader reader = null;
    try {
      reader = SafeXml.INPUT.createXMLStreamReader(new ByteArrayInputStream(body));
      return read(reader);
    } catch (XMLStreamException e) {
      throw DavException.badRequest("The body is not well-formed XML.");
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // Nothing is left to release.
        }
      }
    }
  }

  private static DavElement read(XMLStreamReader reader) throws XMLStreamException {
    Deque<Builder> open = new ArrayDeque<>();
    while (reader.hasNext()) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
            throw DavException.badRequest("DOCTYPE and entities are not allowed.");
        case XMLStreamConstants.START_ELEMENT -> {
          if (open.size() >= MAX_DEPTH) {
            throw DavException.badRequest("The body nests too deep.");
          }
          Map<String, String> attributes = new LinkedHashMap<>();
          for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
          }
          String ns = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
          open.push(new Builder(new QName(ns, reader.getLocalName()), attributes));
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          if (!open.isEmpty()) {
            open.peek().text.append(reader.getText());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          DavElement done = open.pop().build();
          if (open.isEmpty()) {
            return done;
          }
          open.peek().children.add(done);
        }
        default -> {}
      }
    }
    throw DavException.badRequest("The body has no root element.");
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static final class Builder {
    final QName name;
    final Map<String, String> attributes;
    final StringBuilder text = new StringBuilder();
    final List<DavElement> children = new ArrayList<>();

    Builder(QName name, Map<String, String> attributes) {
      this.name = name;
      this.attributes = attributes;
    }

    DavElement build() {
      return new DavElement(
          name, Map.copyOf(attributes), text.toString().trim(), List.copyOf(children));
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * Writes DAV XML answers (207 multistatus, error bodies) with the JDK's StAX writer, which escapes
 * text and declares namespaces: {@code d} for DAV:, {@code card} for CardDAV, {@code cs} for CTag,
 * generated prefixes for any other namespace a client asked about.
 */
final class DavWriter {
  /** Writes the content of one property element (the element itself is written around it). */
  @FunctionalInterface
  interface Value {
    void write(XMLStreamWriter out) throws XMLStreamException;

    Value EMPTY = out -> {};

    static Value text(String text) {
      return out -> out.writeCharacters(text);
    }

    static Value href(String href) {
      return out -> {
        out.writeStartElement(DavNames.DAV, "href");
        out.writeCharacters(href);
        out.writeEndElement();
      };
    }

    static Value elements(QName... names) {
      return out -> {
        for (QName name : names) {
          out.writeEmptyElement(name.getNamespaceURI(), name.getLocalPart());
        }
      };
    }
  }

  private static final XMLOutputFactory FACTORY = newFactory();

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
  private final XMLStreamWriter out;

  private static XMLOutputFactory newFactory() {
    XMLOutputFactory factory = XMLOutputFactory.newFactory();
    factory.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, true);
    return factory;
  }

  private DavWriter(QName root) {
    try {
      out = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
      out.writeStartDocument("UTF-8", "1.0");
      out.setPrefix("d", DavNames.DAV);
      out.setPrefix("card", DavNames.CARD);
      out.setPrefix("cs", DavNames.CS);
      out.writeStartElement(root.getNamespaceURI(), root.getLocalPart());
      out.writeNamespace("d", DavNames.DAV);
      out.writeNamespace("card", DavNames.CARD);
      out.writeNamespace("cs", DavNames.CS);
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  static DavWriter multistatus() {
    return new DavWriter(DavNames.dav("multistatus"));
  }

  /** An RFC 4918 section 16 error body: {@code <d:error><condition/></d:error>}. */
  static byte[] error(@Nullable QName condition, String message) {
    DavWriter writer = new DavWriter(DavNames.dav("error"));
    try {
      if (condition != null) {
        writer.out.writeEmptyElement(condition.getNamespaceURI(), condition.getLocalPart());
      }
      // Sabre's convention: a human-readable message beside the condition.
      writer.out.writeStartElement("http://openpeople.dev/ns", "message");
      writer.out.writeCharacters(message);
      writer.out.writeEndElement();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return writer.finish();
  }

  /**
   * One {@code response} with a propstat per status: {@code found} properties 200, {@code missing}
   * 404, {@code forbidden} 403. With {@code namesOnly} the values are left out (propname).
   */
  DavWriter response(
      String href,
      Map<QName, Value> found,
      List<QName> missing,
      List<QName> forbidden,
      boolean namesOnly) {
    try {
      out.writeStartElement(DavNames.DAV, "response");
      element(DavNames.HREF, Value.text(href));
      if (!found.isEmpty() || (missing.isEmpty() && forbidden.isEmpty())) {
        out.writeStartElement(DavNames.DAV, "propstat");
        out.writeStartElement(DavNames.DAV, "prop");
        for (Map.Entry<QName, Value> prop : found.entrySet()) {
          element(prop.getKey(), namesOnly ? Value.EMPTY : prop.getValue());
        }
        out.writeEndElement();
        element(DavNames.dav("status"), Value.text(statusLine(200)));
        out.writeEndElement();
      }
      emptyPropstat(missing, 404);
      emptyPropstat(forbidden, 403);
      out.writeEndElement();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  private void emptyPropstat(List<QName> names, int status) throws XMLStreamException {
    if (names.isEmpty()) {
      return;
    }
    out.writeStartElement(DavNames.DAV, "propstat");
    out.writeStartElement(DavNames.DAV, "prop");
    for (QName name : names) {
      out.writeEmptyElement(name.getNamespaceURI(), name.getLocalPart());
    }
    out.writeEndElement();
    element(DavNames.dav("status"), Value.text(statusLine(status)));
    out.writeEndElement();
  }

  /** A {@code response} that is only a status (a removed member, an unknown href, a 507). */
  DavWriter status(String href, int status) {
    try {
      out.writeStartElement(DavNames.DAV, "response");
      element(DavNames.HREF, Value.text(href));
      element(DavNames.dav("status"), Value.text(statusLine(status)));
      out.writeEndElement();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  DavWriter syncToken(String token) {
    try {
      element(DavNames.SYNC_TOKEN, Value.text(token));
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  byte[] finish() {
    try {
      out.writeEndElement();
      out.writeEndDocument();
      out.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  String finishString() {
    return new String(finish(), StandardCharsets.UTF_8);
  }

  private void element(QName name, Value value) throws XMLStreamException {
    out.writeStartElement(name.getNamespaceURI(), name.getLocalPart());
    value.write(out);
    out.writeEndElement();
  }

  static String statusLine(int status) {
    String reason =
        switch (status) {
          case 200 -> "OK";
          case 403 -> "Forbidden";
          case 404 -> "Not Found";
          case 424 -> "Failed Dependency";
          case 507 -> "Insufficient Storage";
          default -> "Status";
        };
    return "HTTP/1.1 " + status + " " + reason;
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * Writes DAV XML answers (207 multistatus, error bodies) with the JDK's StAX writer, which escapes
 * text: {@code d} is DAV:, {@code card} CardDAV and {@code cs} CTag, declared on the root; an
 * element of any other namespace (a property a client asked about) declares its own {@code x}.
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
        out.writeStartElement("d", "href", DavNames.DAV);
        out.writeCharacters(href);
        out.writeEndElement();
      };
    }

    static Value elements(QName... names) {
      return out -> {
        for (QName name : names) {
          start(out, name, true);
        }
      };
    }
  }

  private static final XMLOutputFactory FACTORY = newFactory();

  private final Sink bytes = new Sink();
  private final XMLStreamWriter out;

  private static XMLOutputFactory newFactory() {
    XMLOutputFactory factory = XMLOutputFactory.newFactory();
    return factory;
  }

  private DavWriter(QName root) {
    try {
      out = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
      out.writeStartDocument("UTF-8", "1.0");
      out.writeStartElement("d", root.getLocalPart(), root.getNamespaceURI());
      out.writeNamespace("d", DavNames.DAV);
      out.writeNamespace("card", DavNames.CARD);
      out.writeNamespace("cs", DavNames.CS);
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A growing byte buffer without {@link java.io.ByteArrayOutputStream}'s lock and capacity check
   * per call: the JDK's StAX writer hands its UTF-8 output over one byte at a time, and a listing
   * of 10,000 cards is megabytes of it.
   */
  private static final class Sink extends OutputStream {
    private byte[] buffer = new byte[8192];
    private int size;

    @Override
    public void write(int b) {
      if (size == buffer.length) {
        buffer = Arrays.copyOf(buffer, size * 2);
      }
      buffer[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (size + len > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(size * 2, size + len));
      }
      System.arraycopy(b, off, buffer, size, len);
      size += len;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buffer, size);
    }
  }

  static DavWriter multistatus() {
    return new DavWriter(DavNames.dav("multistatus"));
  }

  /**
   * An RFC 4918 section 16 error body: {@code <d:error><condition/></d:error>}, the condition
   * holding {@code href} when it names a resource.
   */
  static byte[] error(@Nullable QName condition, @Nullable String href, String message) {
    DavWriter writer = new DavWriter(DavNames.dav("error"));
    try {
      if (condition != null && href != null) {
        start(writer.out, condition, false);
        Value.href(href).write(writer.out);
        writer.out.writeEndElement();
      } else if (condition != null) {
        start(writer.out, condition, true);
      }
      // Sabre's convention: a human-readable message beside the condition.
      start(writer.out, new QName("http://openpeople.dev/ns", "message"), false);
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
      out.writeStartElement("d", "response", DavNames.DAV);
      element(DavNames.HREF, Value.text(href));
      if (!found.isEmpty() || (missing.isEmpty() && forbidden.isEmpty())) {
        out.writeStartElement("d", "propstat", DavNames.DAV);
        out.writeStartElement("d", "prop", DavNames.DAV);
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
    out.writeStartElement("d", "propstat", DavNames.DAV);
    out.writeStartElement("d", "prop", DavNames.DAV);
    for (QName name : names) {
      start(out, name, true);
    }
    out.writeEndElement();
    element(DavNames.dav("status"), Value.text(statusLine(status)));
    out.writeEndElement();
  }

  /** A {@code response} that is only a status (a removed member, an unknown href, a 507). */
  DavWriter status(String href, int status) {
    try {
      out.writeStartElement("d", "response", DavNames.DAV);
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
    start(out, name, false);
    value.write(out);
    out.writeEndElement();
  }

  /** Starts (or writes empty) an element with the root's prefix of its namespace, or {@code x}. */
  static void start(XMLStreamWriter out, QName name, boolean empty) throws XMLStreamException {
    String ns = name.getNamespaceURI();
    String prefix =
        switch (ns) {
          case DavNames.DAV -> "d";
          case DavNames.CARD -> "card";
          case DavNames.CS -> "cs";
          default -> null;
        };
    String chosen = prefix == null ? "x" : prefix;
    if (empty) {
      out.writeEmptyElement(chosen, name.getLocalPart(), ns);
    } else {
      out.writeStartElement(chosen, name.getLocalPart(), ns);
    }
    if (prefix == null) {
      out.writeNamespace("x", ns);
    }
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

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.server.SafeXml;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads Atom contact entries and batch feeds with the JDK's StAX parser, hardened against XXE: no
 * DTD support, no external entities, and any DOCTYPE is rejected with 400 before anything is read.
 * Unknown elements, malformed XML and oversized entries are GData errors, never a 500.
 */
final class AtomReader {
  /** The largest entry document accepted (README); Google's own limit is 2 KB of contact data. */
  static final int MAX_ENTRY_BYTES = 128 * 1024;

  static final int MAX_DEPTH = 16;

  private AtomReader() {}

  /**
   * A batch request: the feed-level default operation and its entries; {@code interrupted} is why
   * reading stopped before the end of the feed (null when the whole feed was read).
   */
  record BatchFeed(
      @Nullable String defaultOperation,
      List<ContactEntry> entries,
      @Nullable String interrupted) {}

  /** Parses a single {@code <entry>} document. */
  static ContactEntry entry(byte[] body) {
    if (body.length > MAX_ENTRY_BYTES) {
      throw tooLarge();
    }
    return parse(
        body,
        reader -> {
          requireRoot(reader, "entry");
          return readEntry(reader);
        });
  }

  /** Parses a batch {@code <feed>} of entries. */
  static BatchFeed batch(byte[] body) {
    return parse(
        body,
        reader -> {
          requireRoot(reader, "feed");
          String defaultOperation = null;
          List<ContactEntry> entries = new ArrayList<>();
          try {
            while (nextTag(reader) == XMLStreamConstants.START_ELEMENT) {
              String ns = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
              String name = reader.getLocalName();
              if (ns.equals(Namespaces.ATOM) && name.equals("entry")) {
                entries.add(readEntry(reader));
              } else if (ns.equals(Namespaces.BATCH) && name.equals("operation")) {
                defaultOperation = reader.getAttributeValue(null, "type");
                skip(reader);
              } else {
                skip(reader);
              }
            }
          } catch (XMLStreamException e) {
            // Google's feed runs the entries read so far and reports batch:interrupted.
            String reason = "Parse error: " + firstLine(String.valueOf(e.getMessage()));
            return new BatchFeed(defaultOperation, entries, reason);
          }
          return new BatchFeed(defaultOperation, entries, null);
        });
  }

  @FunctionalInterface
  private interface Body<T> {
    T read(XMLStreamReader reader) throws XMLStreamException;
  }

  private static <T> T parse(byte[] body, Body<T> read) {
    XMLStreamReader reader = null;
    try {
      reader = SafeXml.INPUT.createXMLStreamReader(new ByteArrayInputStream(body));
      return read.read(reader);
    } catch (XMLStreamException | RuntimeException e) {
      if (e instanceof ApiException api) {
        throw api;
      }
      throw new ApiException(
          ApiError.GDATA_PARSE_ERROR, "Parse error: " + firstLine(String.valueOf(e.getMessage())));
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException e) {
          // Nothing was written; closing a parser over a byte array cannot lose data.
        }
      }
    }
  }

  private static String firstLine(String message) {
    String line = message.lines().reduce((a, b) -> b).orElse(message);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }

  private static ApiException tooLarge() {
    return new ApiException(
        ApiError.GDATA_TOO_LARGE,
        "Entry is larger than the limit of " + MAX_ENTRY_BYTES + " bytes.");
  }

  /** Moves to the root element; a DOCTYPE (DTD event) anywhere before it is a 400. */
  private static void requireRoot(XMLStreamReader reader, String root) throws XMLStreamException {
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
        throw new ApiException(ApiError.GDATA_PARSE_ERROR, "DOCTYPE is not allowed.");
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (!Namespaces.ATOM.equals(reader.getNamespaceURI())
            || !root.equals(reader.getLocalName())) {
          throw new ApiException(
              ApiError.GDATA_INVALID, "Expected an Atom <" + root + "> document.");
        }
        return;
      }
    }
    throw new ApiException(ApiError.GDATA_PARSE_ERROR, "Empty document.");
  }

  /** The next start or end tag, skipping text and comments; rejects entity references. */
  private static int nextTag(XMLStreamReader reader) throws XMLStreamException {
    while (reader.hasNext()) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
          return event;
        }
        case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
            throw new ApiException(ApiError.GDATA_PARSE_ERROR, "Entities are not allowed.");
        default -> {}
      }
    }
    return XMLStreamConstants.END_DOCUMENT;
  }

  private static void skip(XMLStreamReader reader) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = nextTag(reader);
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      } else {
        throw new XMLStreamException("unexpected end of document");
      }
    }
  }

  /** Reads the entry the reader is positioned on, up to its end tag. */
  private static ContactEntry readEntry(XMLStreamReader reader) throws XMLStreamException {
    String etag = reader.getAttributeValue(Namespaces.GD, "etag");
    EntryParts parts = new EntryParts();
    while (nextTag(reader) == XMLStreamConstants.START_ELEMENT) {
      String ns = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
      String name = reader.getLocalName();
      switch (ns) {
        case Namespaces.ATOM -> readAtom(reader, name, parts);
        case Namespaces.APP -> skip(reader);
        case Namespaces.BATCH -> readBatch(reader, name, parts);
        case Namespaces.GD, Namespaces.GCONTACT -> {
          boolean known =
              ns.equals(Namespaces.GD)
                  ? Namespaces.GD_ELEMENTS.contains(name)
                  : Namespaces.GCONTACT_ELEMENTS.contains(name);
          if (!known) {
            throw unknown(reader);
          }
          parts.elements.add(readElement(reader, 1));
        }
        default -> throw unknown(reader);
      }
    }
    return new ContactEntry(
        parts.id,
        etag,
        parts.editHref,
        parts.title,
        parts.content,
        List.copyOf(parts.elements),
        parts.batchId,
        parts.batchOperation);
  }

  /** The pieces of an entry gathered while reading it. */
  private static final class EntryParts {
    @Nullable String id;
    @Nullable String editHref;
    @Nullable String title;
    @Nullable String content;
    @Nullable String batchId;
    @Nullable String batchOperation;
    final List<XmlElement> elements = new ArrayList<>();
  }

  private static void readAtom(XMLStreamReader reader, String name, EntryParts parts)
      throws XMLStreamException {
    switch (name) {
      case "id" -> parts.id = reader.getElementText().trim();
      case "title" -> parts.title = reader.getElementText();
      case "content" -> parts.content = reader.getElementText();
      case "link" -> {
        if ("edit".equals(reader.getAttributeValue(null, "rel"))) {
          parts.editHref = reader.getAttributeValue(null, "href");
        }
        skip(reader);
      }
      case "category" -> {
        String scheme = reader.getAttributeValue(null, "scheme");
        String term = reader.getAttributeValue(null, "term");
        // The [dsc] batch example misspells the term as .../g/2008#contact; accept both.
        if (Namespaces.KIND_SCHEME.equals(scheme)
            && term != null
            && !term.equals(Namespaces.CONTACT_KIND)
            && !term.endsWith("2008#contact")) {
          throw new ApiException(ApiError.GDATA_INVALID, "Entry kind must be a contact: " + term);
        }
        skip(reader);
      }
      case "updated", "published", "author", "summary", "rights", "contributor" -> skip(reader);
      default -> throw unknown(reader);
    }
  }

  private static void readBatch(XMLStreamReader reader, String name, EntryParts parts)
      throws XMLStreamException {
    switch (name) {
      case "id" -> parts.batchId = reader.getElementText().trim();
      case "operation" -> {
        parts.batchOperation = reader.getAttributeValue(null, "type");
        skip(reader);
      }
      default -> skip(reader);
    }
  }

  private static ApiException unknown(XMLStreamReader reader) {
    return new ApiException(
        ApiError.GDATA_INVALID,
        "Unknown element: {" + reader.getNamespaceURI() + "}" + reader.getLocalName());
  }

  /** Reads an element with its attributes, text and children, up to its end tag. */
  private static XmlElement readElement(XMLStreamReader reader, int depth)
      throws XMLStreamException {
    if (depth > MAX_DEPTH) {
      throw new ApiException(ApiError.GDATA_INVALID, "Elements are nested too deeply.");
    }
    String ns = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
    String name = reader.getLocalName();
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      String attrNs = reader.getAttributeNamespace(i);
      if (attrNs == null || attrNs.isEmpty()) {
        attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
      }
    }
    StringBuilder text = new StringBuilder();
    List<XmlElement> children = new ArrayList<>();
    while (reader.hasNext()) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> children.add(readElement(reader, depth + 1));
        case XMLStreamConstants.END_ELEMENT -> {
          String value = children.isEmpty() ? text.toString() : text.toString().strip();
          return new XmlElement(ns, name, attributes, value, List.copyOf(children));
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            text.append(reader.getText());
        case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
            throw new ApiException(ApiError.GDATA_PARSE_ERROR, "Entities are not allowed.");
        default -> {}
      }
    }
    throw new XMLStreamException("unexpected end of document");
  }
}

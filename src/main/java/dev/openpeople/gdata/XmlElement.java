// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.server.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One XML element of a contact entry (a {@code gd:} or {@code gContact:} element with its
 * attributes, text and children), kept as written so every element round-trips.
 *
 * @param ns namespace URI ("" for none)
 * @param attributes unqualified attribute names to values, in document order
 * @param text the element's text, or "" when it has none
 */
record XmlElement(
    String ns,
    String name,
    Map<String, String> attributes,
    String text,
    List<XmlElement> children) {

  @Nullable String attribute(String key) {
    return attributes.get(key);
  }

  @Nullable XmlElement child(String childName) {
    for (XmlElement child : children) {
      if (child.name().equals(childName)) {
        return child;
      }
    }
    return null;
  }

  /** The text of a child element, or null. */
  @Nullable String childText(String childName) {
    XmlElement child = child(childName);
    return child == null ? null : child.text();
  }

  boolean is(String namespace, String localName) {
    return ns.equals(namespace) && name.equals(localName);
  }

  ObjectNode toJson() {
    ObjectNode node = Json.object();
    node.put("ns", ns);
    node.put("n", name);
    if (!attributes.isEmpty()) {
      ObjectNode attrs = node.putObject("a");
      attributes.forEach(attrs::put);
    }
    if (!text.isEmpty()) {
      node.put("t", text);
    }
    if (!children.isEmpty()) {
      ArrayNode kids = node.putArray("c");
      children.forEach(child -> kids.add(child.toJson()));
    }
    return node;
  }

  /**
   * The element whose {@link #toJson} object the parser is at (its START_OBJECT), read to its
   * END_OBJECT; null for a shape {@link #toJson} does not write (then {@link #fromJson} reads it).
   */
  static @Nullable XmlElement read(JsonParser parser) throws IOException {
    String ns = "";
    String name = "";
    String text = "";
    Map<String, String> attrs = Map.of();
    List<XmlElement> kids = List.of();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "ns", "n", "t" -> {
          if (value != JsonToken.VALUE_STRING) {
            return null;
          }
          switch (field) {
            case "ns" -> ns = parser.getText();
            case "n" -> name = parser.getText();
            default -> text = parser.getText();
          }
        }
        case "a" -> {
          if (value != JsonToken.START_OBJECT) {
            return null;
          }
          attrs = new LinkedHashMap<>();
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
              return null;
            }
            attrs.put(key, parser.getText());
          }
        }
        case "c" -> {
          if (value != JsonToken.START_ARRAY) {
            return null;
          }
          kids = readAll(parser);
          if (kids == null) {
            return null;
          }
        }
        default -> parser.skipChildren();
      }
    }
    return new XmlElement(ns, name, attrs, text, kids);
  }

  /**
   * The elements of the array the parser is at (its START_ARRAY), read to its END_ARRAY; null as
   * for {@link #read}.
   */
  static @Nullable List<XmlElement> readAll(JsonParser parser) throws IOException {
    List<XmlElement> elements = new ArrayList<>();
    while (parser.nextToken() == JsonToken.START_OBJECT) {
      XmlElement element = read(parser);
      if (element == null) {
        return null;
      }
      elements.add(element);
    }
    return parser.currentToken() == JsonToken.END_ARRAY ? elements : null;
  }

  static XmlElement fromJson(JsonNode node) {
    Map<String, String> attrs = new LinkedHashMap<>();
    node.path("a").properties().forEach(e -> attrs.put(e.getKey(), e.getValue().asText()));
    List<XmlElement> kids = new ArrayList<>();
    node.path("c").forEach(child -> kids.add(fromJson(child)));
    return new XmlElement(
        node.path("ns").asText(), node.path("n").asText(), attrs, node.path("t").asText(""), kids);
  }
}

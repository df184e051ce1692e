// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.SharedContactService;
import dev.openpeople.contact.TextKeys;
import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.server.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A shared contact's entry as stored: title, notes and the contact elements, serialized as JSON in
 * the {@code entry} column; it also derives the People API view and the search words.
 */
record StoredEntry(@Nullable String title, @Nullable String content, List<XmlElement> elements) {
  static final int MAX_EXTENDED_PROPERTIES = 10;

  /**
   * The stored entry of {@code json}, read with the streaming parser (feeds read 1,000 a page); a
   * shape {@link #toJson} does not write goes through the tree, as it always did.
   */
  static StoredEntry parse(String json) {
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(json)) {
      StoredEntry read = read(parser);
      if (read != null) {
        return read;
      }
    } catch (IOException e) {
      // Reported by the tree parse below.
    }
    return parseTree(json);
  }

  private static @Nullable StoredEntry read(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    String title = null;
    String content = null;
    List<XmlElement> elements = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case "title", "content" -> {
          String text;
          if (value == JsonToken.VALUE_STRING) {
            text = parser.getText();
          } else if (value == JsonToken.VALUE_NULL) {
            text = null;
          } else {
            return null;
          }
          if (name.equals("title")) {
            title = text;
          } else {
            content = text;
          }
        }
        case "elements" -> {
          if (value != JsonToken.START_ARRAY) {
            return null;
          }
          elements = XmlElement.readAll(parser);
          if (elements == null) {
            return null;
          }
        }
        default -> parser.skipChildren();
      }
    }
    return parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null
        ? new StoredEntry(title, content, elements)
        : null;
  }

  private static StoredEntry parseTree(String json) {
    ObjectNode node = Json.parseStored(json);
    List<XmlElement> elements = new ArrayList<>();
    node.path("elements").forEach(e -> elements.add(XmlElement.fromJson(e)));
    return new StoredEntry(
        node.hasNonNull("title") ? node.get("title").asText() : null,
        node.hasNonNull("content") ? node.get("content").asText() : null,
        elements);
  }

  /** The entry a write stores, after the projection's extended-property rules and the checks. */
  static StoredEntry of(ContactEntry sent, Projection projection, @Nullable StoredEntry current) {
    List<XmlElement> stored = current == null ? List.of() : current.elements();
    List<XmlElement> elements = projection.merge(stored, sent.elements());
    validate(elements);
    return new StoredEntry(sent.title(), sent.content(), elements);
  }

  private static void validate(List<XmlElement> elements) {
    int extended = 0;
    for (XmlElement e : elements) {
      if (e.is(Namespaces.GD, "extendedProperty")) {
        extended++;
        if (e.attribute("name") == null || e.attribute("name").isEmpty()) {
          throw new ApiException(ApiError.GDATA_INVALID, "extendedProperty needs a name.");
        }
      }
      if ((e.is(Namespaces.GD, "email") || e.is(Namespaces.GD, "im"))
          && (e.attribute("address") == null || e.attribute("address").isBlank())) {
        throw new ApiException(ApiError.GDATA_INVALID, e.name() + " needs an address.");
      }
    }
    if (extended > MAX_EXTENDED_PROPERTIES) {
      throw new ApiException(
          ApiError.GDATA_INVALID,
          "A contact may have at most " + MAX_EXTENDED_PROPERTIES + " extended properties.");
    }
  }

  String toJson() {
    ObjectNode node = Json.object();
    if (title != null) {
      node.put("title", title);
    }
    if (content != null) {
      node.put("content", content);
    }
    ArrayNode list = node.putArray("elements");
    elements.forEach(e -> list.add(e.toJson()));
    return Json.writeString(node);
  }

  /** The title v3 derives from gd:name (its fullName, else given + family), else the sent one. */
  String displayTitle() {
    XmlElement name = first(Namespaces.GD, "name");
    if (name != null) {
      String full = name.childText("fullName");
      if (full != null && !full.isBlank()) {
        return full;
      }
      String joined =
          String.join(
                  " ",
                  nonNull(name.childText("givenName")),
                  nonNull(name.childText("additionalName")),
                  nonNull(name.childText("familyName")))
              .replaceAll("\\s+", " ")
              .strip();
      if (!joined.isEmpty()) {
        return joined;
      }
    }
    return title == null ? "" : title;
  }

  private static String nonNull(@Nullable String s) {
    return s == null ? "" : s;
  }

  @Nullable XmlElement first(String ns, String name) {
    for (XmlElement e : elements) {
      if (e.is(ns, name)) {
        return e;
      }
    }
    return null;
  }

  List<XmlElement> all(String ns, String name) {
    return elements.stream().filter(e -> e.is(ns, name)).toList();
  }

  /** The documents the storage keeps for this entry. */
  SharedContactService.Draft draft(String contactId) {
    return new SharedContactService.Draft(
        toJson(), Json.writeString(DirectoryPersons.person(this, contactId)), searchText());
  }

  /** Folded words ({@link TextKeys#fold}) of the name, e-mails and phones, each after a space. */
  String searchText() {
    StringBuilder words = new StringBuilder();
    addWords(words, displayTitle());
    for (XmlElement email : all(Namespaces.GD, "email")) {
      String address = nonNull(email.attribute("address"));
      addWords(words, address);
      words.append(' ').append(TextKeys.fold(address));
    }
    for (XmlElement phone : all(Namespaces.GD, "phoneNumber")) {
      words.append(' ').append(phone.text().replaceAll("[^0-9+]", ""));
    }
    return words.toString();
  }

  private static void addWords(StringBuilder out, String text) {
    for (String word : TextKeys.fold(text).split("[^\\p{L}\\p{N}]+", -1)) {
      if (!word.isEmpty()) {
        out.append(' ').append(word);
      }
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.server.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The People API view of a shared contact (source type {@code DOMAIN_CONTACT}), derived from its
 * GData elements when it is written, so {@code people.listDirectoryPeople} reads it as stored.
 */
final class DirectoryPersons {
  /** gd:name's children and the Name fields they fill, in the People API's order. */
  private static final Map<String, String> NAME_PARTS =
      ordered(
          "familyName", "familyName",
          "givenName", "givenName",
          "additionalName", "middleName",
          "namePrefix", "honorificPrefix",
          "nameSuffix", "honorificSuffix");

  /** gd:organization's children and the Organization fields they fill. */
  private static final Map<String, String> ORGANIZATION_PARTS =
      ordered("orgName", "name", "orgTitle", "title", "orgDepartment", "department");

  /** gd:structuredPostalAddress's children and the Address fields they fill. */
  private static final Map<String, String> ADDRESS_PARTS =
      ordered(
          "formattedAddress", "formattedValue",
          "street", "streetAddress",
          "pobox", "poBox",
          "city", "city",
          "region", "region",
          "postcode", "postalCode",
          "country", "country");

  private DirectoryPersons() {}

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  static ObjectNode person(StoredEntry entry, String contactId) {
    ObjectNode person = Json.object();
    names(person, entry, contactId);
    for (XmlElement e : entry.all(Namespaces.GD, "email")) {
      ObjectNode item = item(person, "emailAddresses", e, contactId);
      item.put("value", e.attribute("address"));
      type(item, e);
      putIfPresent(item, "displayName", e.attribute("displayName"));
    }
    for (XmlElement e : entry.all(Namespaces.GD, "phoneNumber")) {
      ObjectNode item = item(person, "phoneNumbers", e, contactId);
      item.put("value", e.text().strip());
      type(item, e);
    }
    for (XmlElement e : entry.all(Namespaces.GD, "organization")) {
      ObjectNode item = item(person, "organizations", e, contactId);
      copyChildren(item, e, ORGANIZATION_PARTS);
      type(item, e);
    }
    for (XmlElement e : entry.all(Namespaces.GD, "structuredPostalAddress")) {
      ObjectNode item = item(person, "addresses", e, contactId);
      copyChildren(item, e, ADDRESS_PARTS);
      XmlElement country = e.child("country");
      putIfPresent(item, "countryCode", country == null ? null : country.attribute("code"));
      type(item, e);
    }
    for (XmlElement e : entry.all(Namespaces.GCONTACT, "website")) {
      ObjectNode item = item(person, "urls", e, contactId);
      item.put("value", e.attribute("href"));
      putIfPresent(item, "type", e.attribute("rel"));
    }
    for (XmlElement e : entry.all(Namespaces.GCONTACT, "nickname")) {
      item(person, "nicknames", e, contactId).put("value", e.text());
    }
    if (entry.content() != null && !entry.content().isBlank()) {
      ObjectNode bio = item(person, "biographies", null, contactId);
      bio.put("value", entry.content());
      bio.put("contentType", "TEXT_PLAIN");
    }
    return person;
  }

  private static void names(ObjectNode person, StoredEntry entry, String contactId) {
    XmlElement name = entry.first(Namespaces.GD, "name");
    String display = entry.displayTitle();
    if (name == null && display.isEmpty()) {
      return;
    }
    ObjectNode item = item(person, "names", null, contactId);
    item.put("displayName", display);
    if (name != null) {
      copyChildren(item, name, NAME_PARTS);
    }
    item.put("unstructuredName", display);
  }

  private static ObjectNode item(
      ObjectNode person, String field, @Nullable XmlElement element, String contactId) {
    ArrayNode list = person.has(field) ? (ArrayNode) person.get(field) : person.putArray(field);
    ObjectNode item = list.addObject();
    ObjectNode metadata = item.putObject("metadata");
    boolean primary =
        element == null ? list.size() == 1 : "true".equals(element.attribute("primary"));
    if (primary) {
      metadata.put("primary", true);
    }
    ObjectNode source = metadata.putObject("source");
    source.put("type", "DOMAIN_CONTACT");
    source.put("id", contactId);
    return item;
  }

  /** A GData rel URI ({@code ...#work}) as a People type ({@code work}), or the label. */
  private static void type(ObjectNode item, XmlElement element) {
    String rel = element.attribute("rel");
    if (rel != null && rel.contains("#")) {
      item.put("type", rel.substring(rel.indexOf('#') + 1).toLowerCase(Locale.ROOT));
    } else if (element.attribute("label") != null) {
      item.put("type", element.attribute("label"));
    }
  }

  /** Each present child element's text into its People field: GData child name -> field. */
  private static void copyChildren(ObjectNode item, XmlElement parent, Map<String, String> parts) {
    parts.forEach((child, field) -> putIfPresent(item, field, parent.childText(child)));
  }

  private static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
    if (value != null && !value.isEmpty()) {
      node.put(field, value);
    }
  }
}

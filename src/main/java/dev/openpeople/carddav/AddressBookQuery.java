// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactIds;
import dev.openpeople.contact.PersonDrafts;
import dev.openpeople.server.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The {@code CARDDAV:filter} of an addressbook-query (RFC 6352 section 10.5): prop-filters on FN,
 * N, NICKNAME, EMAIL, TEL, ORG and UID with text-matches ({@code equals}, {@code contains}, {@code
 * starts-with}, {@code ends-with}; collations {@code i;unicode-casemap}, {@code i;ascii-casemap},
 * {@code i;octet}; negation) or {@code is-not-defined}, combined by {@code test="anyof|allof"}.
 * Matched against the stored Person fields, so no card is rendered to be tested.
 */
final class AddressBookQuery {
  /**
   * Where each property's values are: N and ORG are compared as their vCard values, the components
   * joined by ';' (so {@code starts-with} on N is on the family name, as in the card).
   */
  private static final Map<String, List<String>> VALUES =
      Map.of(
          "FN",
          List.of("names", "unstructuredName", "displayName"),
          "N",
          List.of(
              "names",
              "familyName",
              "givenName",
              "middleName",
              "honorificPrefix",
              "honorificSuffix"),
          "NICKNAME",
          List.of("nicknames", "value"),
          "EMAIL",
          List.of("emailAddresses", "value"),
          "TEL",
          List.of("phoneNumbers", "value"),
          "ORG",
          List.of("organizations", "name", "department"));

  /** The properties whose values the search index holds, by word start. */
  private static final List<String> INDEXED = List.of("FN", "N", "NICKNAME", "EMAIL", "TEL", "ORG");

  private record TextMatch(String text, String collation, String matchType, boolean negate) {}

  private record PropFilter(
      String name, boolean allOf, boolean notDefined, List<TextMatch> matches) {}

  private final boolean allOf;
  private final List<PropFilter> filters;

  private AddressBookQuery(boolean allOf, List<PropFilter> filters) {
    this.allOf = allOf;
    this.filters = filters;
  }

  static AddressBookQuery parse(@Nullable DavElement filter) {
    if (filter == null) {
      return new AddressBookQuery(false, List.of());
    }
    List<PropFilter> filters = new ArrayList<>();
    for (DavElement child : filter.children()) {
      if (!child.name().equals(DavNames.PROP_FILTER)) {
        throw unsupported(child.name().getLocalPart());
      }
      filters.add(propFilter(child));
    }
    return new AddressBookQuery(allOf(filter), filters);
  }

  private static PropFilter propFilter(DavElement element) {
    String name = element.attribute("name", "").toUpperCase(Locale.ROOT);
    if (!VALUES.containsKey(name) && !name.equals("UID")) {
      throw unsupported("prop-filter on " + name);
    }
    boolean notDefined = false;
    List<TextMatch> matches = new ArrayList<>();
    for (DavElement child : element.children()) {
      switch (child.name().getLocalPart()) {
        case "is-not-defined" -> notDefined = true;
        case "text-match" -> matches.add(textMatch(child));
        default -> throw unsupported(child.name().getLocalPart());
      }
    }
    return new PropFilter(name, allOf(element), notDefined, matches);
  }

  private static TextMatch textMatch(DavElement element) {
    String collation = element.attribute("collation", "i;unicode-casemap");
    if (!List.of("i;unicode-casemap", "i;ascii-casemap", "i;octet").contains(collation)) {
      throw new DavException(
          403, DavNames.SUPPORTED_COLLATION, "Collation " + collation + " is not supported.");
    }
    String matchType = element.attribute("match-type", "contains");
    if (!List.of("equals", "contains", "starts-with", "ends-with").contains(matchType)) {
      throw unsupported("match-type " + matchType);
    }
    boolean negate = element.attribute("negate-condition", "no").equals("yes");
    return new TextMatch(element.text(), collation, matchType, negate);
  }

  private static boolean allOf(DavElement element) {
    return element.attribute("test", "anyof").equals("allof");
  }

  private static DavException unsupported(String what) {
    return new DavException(403, DavNames.SUPPORTED_FILTER, "Unsupported filter: " + what + ".");
  }

  /**
   * A prefix the search index can answer for every match of this filter (a superset), or null when
   * the whole address book must be scanned; {@code searchForm} puts text in the form of the index's
   * terms ({@link dev.openpeople.contact.TextKeys#fold}, as searchContacts does its query).
   */
  @Nullable String indexPrefix(UnaryOperator<String> searchForm) {
    if (filters.size() != 1 && !allOf) {
      return null;
    }
    for (PropFilter filter : filters) {
      if (!INDEXED.contains(filter.name())
          || filter.notDefined()
          || (filter.matches().size() != 1 && !filter.allOf())) {
        continue;
      }
      for (TextMatch match : filter.matches()) {
        String text = searchForm.apply(match.text());
        if (match.matchType().equals("starts-with")
            && !match.negate()
            && !text.isEmpty()
            && text.length() <= 120
            && !match.collation().equals("i;octet")) {
          return text;
        }
      }
    }
    return null;
  }

  boolean matches(Contact contact) {
    if (filters.isEmpty()) {
      return true;
    }
    JsonNode body = Json.parseStored(contact.body());
    for (PropFilter filter : filters) {
      boolean hit = matches(filter, values(filter.name(), contact, body));
      if (hit && !allOf) {
        return true;
      }
      if (!hit && allOf) {
        return false;
      }
    }
    return allOf;
  }

  private static boolean matches(PropFilter filter, List<String> values) {
    if (filter.notDefined()) {
      return values.isEmpty();
    }
    if (filter.matches().isEmpty()) {
      return !values.isEmpty();
    }
    for (TextMatch match : filter.matches()) {
      boolean hit = matches(match, values);
      if (hit && !filter.allOf()) {
        return true;
      }
      if (!hit && filter.allOf()) {
        return false;
      }
    }
    return filter.allOf();
  }

  private static boolean matches(TextMatch match, List<String> values) {
    String wanted = fold(match.text(), match.collation());
    boolean any = false;
    for (String value : values) {
      String v = fold(value, match.collation());
      boolean hit =
          switch (match.matchType()) {
            case "equals" -> v.equals(wanted);
            case "starts-with" -> v.startsWith(wanted);
            case "ends-with" -> v.endsWith(wanted);
            default -> v.contains(wanted);
          };
      any |= hit;
    }
    return any != match.negate();
  }

  private static String fold(String value, String collation) {
    return switch (collation) {
      case "i;octet" -> value;
      case "i;ascii-casemap" -> {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
          char c = value.charAt(i);
          out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        yield out.toString();
      }
      default -> value.toLowerCase(Locale.ROOT);
    };
  }

  private static List<String> values(String property, Contact contact, JsonNode body) {
    List<String> out = new ArrayList<>();
    if (property.equals("UID")) {
      String uid = body.path(PersonDrafts.CARD_FIELD).path("uid").asText("");
      out.add(uid.isEmpty() ? ContactIds.sourceId(contact.id()) : uid);
      return out;
    }
    List<String> where = VALUES.getOrDefault(property, List.of());
    boolean joined = property.equals("N") || property.equals("ORG");
    for (JsonNode item : body.path(where.get(0))) {
      List<String> parts = new ArrayList<>();
      for (String key : where.subList(1, where.size())) {
        String value = item.path(key).asText("");
        if (joined) {
          parts.add(value);
        } else if (!value.isEmpty()) {
          out.add(value);
        }
      }
      String value = String.join(";", parts).replaceAll(";+$", "");
      if (joined && !value.isEmpty()) {
        out.add(value);
      }
    }
    return out;
  }
}

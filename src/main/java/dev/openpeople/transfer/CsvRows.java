// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.SystemGroups;
import dev.openpeople.server.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One Google CSV row and one contact, both ways: which column is which {@code Person} field.
 * Columns of both header generations are read; the current ones are written.
 */
final class CsvRows {
  /** The single-valued columns of the current header, in Google's order. */
  static final List<String> SINGLE_COLUMNS =
      List.of(
          "First Name",
          "Middle Name",
          "Last Name",
          "Phonetic First Name",
          "Phonetic Middle Name",
          "Phonetic Last Name",
          "Name Prefix",
          "Name Suffix",
          "Nickname",
          "File As",
          "Organization Name",
          "Organization Title",
          "Organization Department",
          "Birthday",
          "Notes",
          "Photo",
          "Labels");

  /** The parts of an Address column group and their People address fields, in Google's order. */
  private static final Map<String, String> ADDRESS_PARTS = new LinkedHashMap<>();

  /** The parts of an Organization column group (the older header) and their People fields. */
  private static final Map<String, String> ORGANIZATION_PARTS = new LinkedHashMap<>();

  /** The repeated column groups of the current header and their parts, in Google's order. */
  static final Map<String, List<String>> REPEATED_PARTS = new LinkedHashMap<>();

  static {
    ADDRESS_PARTS.put("Formatted", "formattedValue");
    ADDRESS_PARTS.put("Street", "streetAddress");
    ADDRESS_PARTS.put("City", "city");
    ADDRESS_PARTS.put("PO Box", "poBox");
    ADDRESS_PARTS.put("Region", "region");
    ADDRESS_PARTS.put("Postal Code", "postalCode");
    ADDRESS_PARTS.put("Country", "country");
    ADDRESS_PARTS.put("Extended Address", "extendedAddress");
    ORGANIZATION_PARTS.put("Name", "name");
    ORGANIZATION_PARTS.put("Yomi Name", "phoneticName");
    ORGANIZATION_PARTS.put("Title", "title");
    ORGANIZATION_PARTS.put("Department", "department");
    ORGANIZATION_PARTS.put("Symbol", "symbol");
    ORGANIZATION_PARTS.put("Location", "location");
    ORGANIZATION_PARTS.put("Job Description", "jobDescription");
    REPEATED_PARTS.put("E-mail", List.of("Label", "Value"));
    REPEATED_PARTS.put("Phone", List.of("Label", "Value"));
    List<String> addressParts = new ArrayList<>(List.of("Label"));
    addressParts.addAll(ADDRESS_PARTS.keySet());
    REPEATED_PARTS.put("Address", List.copyOf(addressParts));
    REPEATED_PARTS.put("Website", List.of("Label", "Value"));
    REPEATED_PARTS.put("Relation", List.of("Label", "Value"));
    REPEATED_PARTS.put("Event", List.of("Label", "Value"));
    REPEATED_PARTS.put("IM", List.of("Label", "Service", "Value"));
    REPEATED_PARTS.put("Custom Field", List.of("Label", "Value"));
  }

  /** People API type values written with a capital and spaces ({@code homeFax} = Home Fax). */
  static final Set<String> KNOWN_TYPES =
      Set.of(
          "home",
          "work",
          "other",
          "mobile",
          "main",
          "homeFax",
          "workFax",
          "otherFax",
          "pager",
          "workMobile",
          "workPager",
          "googleVoice",
          "blog",
          "profile",
          "homePage",
          "ftp",
          "reservations",
          "appInstallPage",
          "spouse",
          "child",
          "mother",
          "father",
          "parent",
          "brother",
          "sister",
          "friend",
          "relative",
          "domesticPartner",
          "manager",
          "assistant",
          "referredBy",
          "partner",
          "anniversary",
          "aim",
          "msn",
          "yahoo",
          "skype",
          "qq",
          "googleTalk",
          "icq",
          "jabber",
          "netMeeting");

  /** Person name fields by the column names of both generations. */
  private static final Map<String, String> NAME_COLUMNS =
      Map.ofEntries(
          Map.entry("First Name", "givenName"),
          Map.entry("Given Name", "givenName"),
          Map.entry("Middle Name", "middleName"),
          Map.entry("Additional Name", "middleName"),
          Map.entry("Last Name", "familyName"),
          Map.entry("Family Name", "familyName"),
          Map.entry("Phonetic First Name", "phoneticGivenName"),
          Map.entry("Given Name Yomi", "phoneticGivenName"),
          Map.entry("Phonetic Middle Name", "phoneticMiddleName"),
          Map.entry("Additional Name Yomi", "phoneticMiddleName"),
          Map.entry("Phonetic Last Name", "phoneticFamilyName"),
          Map.entry("Family Name Yomi", "phoneticFamilyName"),
          Map.entry("Yomi Name", "phoneticFullName"),
          Map.entry("Name Prefix", "honorificPrefix"),
          Map.entry("Name Suffix", "honorificSuffix"),
          Map.entry("Name", "unstructuredName"));

  private static final Pattern DATE =
      Pattern.compile("^\\s*(?:(\\d{4})-|--|-)?(\\d{1,2})-(\\d{1,2})\\s*$");

  private CsvRows() {}

  /** The contact of one row's non-empty cells; a cell it cannot read is an error. */
  static Item item(String where, Map<String, String> cells) {
    ObjectNode person = Json.object();
    ObjectNode name = Json.object();
    NAME_COLUMNS.forEach(
        (column, field) -> {
          String value = cells.get(column);
          if (value != null && !name.has(field)) {
            name.put(field, value);
          }
        });
    GoogleCsv.add(person, "names", name);
    single(person, "nicknames", "value", cells.get("Nickname"));
    single(person, "fileAses", "value", cells.get("File As"));
    ObjectNode org = Json.object();
    put(org, "name", cells.get("Organization Name"));
    put(org, "title", cells.get("Organization Title"));
    put(org, "department", cells.get("Organization Department"));
    GoogleCsv.add(person, "organizations", org);
    String birthday = cells.get("Birthday");
    if (birthday != null) {
      GoogleCsv.add(person, "birthdays", dated(Json.object(), birthday));
    }
    String notes = cells.get("Notes");
    if (notes != null) {
      GoogleCsv.add(
          person,
          "biographies",
          Json.object().put("value", notes).put("contentType", "TEXT_PLAIN"));
    }
    repeatedFields(person, GoogleCsv.repeated(cells));
    List<String> groups = new ArrayList<>();
    List<String> groupIds = new ArrayList<>();
    String labels = cells.getOrDefault("Labels", cells.get("Group Membership"));
    for (String label : labels == null ? new String[0] : GoogleCsv.split(labels)) {
      String plain = label.strip();
      if (plain.startsWith("* ")) {
        systemGroup(plain.substring(2)).ifPresent(groupIds::add);
      } else if (!plain.isEmpty()) {
        groups.add(plain);
      }
    }
    if (!groupIds.contains(SystemGroups.MY_CONTACTS.id())) {
      groupIds.add(0, SystemGroups.MY_CONTACTS.id());
    }
    if (person.isEmpty()) {
      throw new IllegalArgumentException("the row has no contact data");
    }
    return new Item(where, person, groups, groupIds, "{}", null, null);
  }

  /** {@code myContacts}, {@code My Contacts}, {@code starred}, ... as a system group id. */
  private static java.util.Optional<String> systemGroup(String name) {
    String key = name.replace(" ", "").toLowerCase(Locale.ROOT);
    for (SystemGroups group : SystemGroups.values()) {
      if (group.id().toLowerCase(Locale.ROOT).equals(key)) {
        return java.util.Optional.of(group.id());
      }
    }
    return java.util.Optional.empty();
  }

  private static void repeatedFields(
      ObjectNode person, Map<String, Map<Integer, Map<String, String>>> repeated) {
    repeated.forEach(
        (kind, numbered) ->
            numbered
                .values()
                .forEach(
                    parts -> {
                      int count = 1;
                      for (String cell : parts.values()) {
                        count = Math.max(count, GoogleCsv.split(cell).length);
                      }
                      for (int i = 0; i < count; i++) {
                        repeatedItem(person, kind, part(parts, i));
                      }
                    }));
  }

  /** The i-th of the values joined in each cell of a repeated group. */
  private static Map<String, String> part(Map<String, String> parts, int i) {
    Map<String, String> out = new LinkedHashMap<>();
    parts.forEach(
        (key, cell) -> {
          String[] values = GoogleCsv.split(cell);
          if (i < values.length && !values[i].isBlank()) {
            out.put(key.equals("Type") ? "Label" : key, values[i].strip());
          }
        });
    return out;
  }

  private static void repeatedItem(ObjectNode person, String kind, Map<String, String> p) {
    ObjectNode item = Json.object();
    String label = p.get("Label");
    switch (kind) {
      case "E-mail" ->
          add(person, "emailAddresses", typed(item, label).put("value", p.get("Value")), p);
      case "Phone" ->
          add(person, "phoneNumbers", typed(item, label).put("value", p.get("Value")), p);
      case "Website" -> add(person, "urls", typed(item, label).put("value", p.get("Value")), p);
      case "Relation" ->
          add(person, "relations", typed(item, label).put("person", p.get("Value")), p);
      case "Event" -> {
        String value = p.get("Value");
        if (value != null) {
          GoogleCsv.add(person, "events", dated(typed(item, label), value));
        }
      }
      case "IM" -> {
        put(
            typed(item, label),
            "protocol",
            p.get("Service") == null ? null : GoogleCsv.type(p.get("Service")));
        add(person, "imClients", item.put("username", p.get("Value")), p);
      }
      case "Custom Field" ->
          add(
              person,
              "userDefined",
              item.put("key", label == null ? "" : label).put("value", p.get("Value")),
              p);
      case "Address" -> addParts(person, "addresses", ADDRESS_PARTS, typed(item, label), p);
      case "Organization" ->
          addParts(person, "organizations", ORGANIZATION_PARTS, typed(item, label), p);
      default -> {
        // A column group this mapping does not know is left out.
      }
    }
  }

  /** Adds an item of a column group's {@code parts}; one with nothing but a type is left out. */
  private static void addParts(
      ObjectNode person,
      String field,
      Map<String, String> parts,
      ObjectNode item,
      Map<String, String> p) {
    parts.forEach((part, key) -> put(item, key, p.get(part)));
    if (item.size() > (item.has("type") ? 1 : 0)) {
      GoogleCsv.add(person, field, item);
    }
  }

  /** Adds an item that has a value (the {@code Value} part); one without is left out. */
  private static void add(ObjectNode person, String field, ObjectNode item, Map<String, String> p) {
    if (p.get("Value") != null) {
      GoogleCsv.add(person, field, item);
    }
  }

  private static ObjectNode typed(ObjectNode item, @Nullable String label) {
    if (label != null && !label.isBlank()) {
      item.put("type", GoogleCsv.type(label));
    }
    return item;
  }

  private static ObjectNode dated(ObjectNode item, String text) {
    Matcher m = DATE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("\"" + text + "\" is not a date (YYYY-MM-DD or --MM-DD)");
    }
    ObjectNode date = item.putObject("date");
    if (m.group(1) != null) {
      date.put("year", Integer.parseInt(m.group(1)));
    }
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      throw new IllegalArgumentException("\"" + text + "\" is not a date (YYYY-MM-DD or --MM-DD)");
    }
    date.put("month", month).put("day", day);
    return item;
  }

  private static void single(ObjectNode person, String field, String key, @Nullable String value) {
    if (value != null) {
      GoogleCsv.add(person, field, Json.object().put(key, value));
    }
  }

  private static void put(ObjectNode node, String key, @Nullable String value) {
    if (value != null && !value.isEmpty()) {
      node.put(key, value);
    }
  }

  /** The current-header cells of a stored contact body. */
  static Map<String, String> row(ObjectNode body, Map<String, String> groupNames) {
    Map<String, String> row = new LinkedHashMap<>();
    JsonNode name = body.path("names").path(0);
    NAME_COLUMNS.forEach(
        (column, field) -> {
          if (SINGLE_COLUMNS.contains(column)) {
            cell(row, column, name.path(field).asText(""));
          }
        });
    if (!row.containsKey("First Name") && !row.containsKey("Last Name")) {
      cell(
          row,
          "First Name",
          name.path("unstructuredName").asText(name.path("displayName").asText("")));
    }
    cell(row, "Nickname", body.path("nicknames").path(0).path("value").asText(""));
    cell(row, "File As", body.path("fileAses").path(0).path("value").asText(""));
    JsonNode org = body.path("organizations").path(0);
    cell(row, "Organization Name", org.path("name").asText(""));
    cell(row, "Organization Title", org.path("title").asText(""));
    cell(row, "Organization Department", org.path("department").asText(""));
    cell(row, "Birthday", date(body.path("birthdays").path(0).path("date")));
    cell(row, "Notes", body.path("biographies").path(0).path("value").asText(""));
    List<String> labels = new ArrayList<>();
    for (JsonNode m : body.path("memberships")) {
      String group = m.path("contactGroupMembership").path("contactGroupId").asText("");
      String label = GoogleCsv.label(group, groupNames);
      if (label != null) {
        labels.add(label);
      }
    }
    cell(row, "Labels", String.join(GoogleCsv.JOIN, labels));
    repeatedCells(row, body);
    return row;
  }

  /** The repeated column groups of a stored contact body. */
  private static void repeatedCells(Map<String, String> row, ObjectNode body) {
    numbered(
        row,
        "E-mail",
        body.path("emailAddresses"),
        i -> Map.of("Value", i.path("value").asText("")));
    numbered(
        row, "Phone", body.path("phoneNumbers"), i -> Map.of("Value", i.path("value").asText("")));
    numbered(
        row,
        "Address",
        body.path("addresses"),
        i -> {
          Map<String, String> parts = new LinkedHashMap<>();
          ADDRESS_PARTS.forEach((part, key) -> parts.put(part, i.path(key).asText("")));
          return parts;
        });
    numbered(row, "Website", body.path("urls"), i -> Map.of("Value", i.path("value").asText("")));
    numbered(
        row, "Relation", body.path("relations"), i -> Map.of("Value", i.path("person").asText("")));
    numbered(row, "Event", body.path("events"), i -> Map.of("Value", date(i.path("date"))));
    numbered(
        row,
        "IM",
        body.path("imClients"),
        i ->
            Map.of(
                "Service", GoogleCsv.typeLabel(i.path("protocol").asText("")),
                "Value", i.path("username").asText("")));
    int n = 0;
    for (JsonNode field : body.path("userDefined")) {
      n++;
      cell(row, "Custom Field " + n + " - Label", field.path("key").asText(""));
      cell(row, "Custom Field " + n + " - Value", field.path("value").asText(""));
    }
  }

  private static void numbered(
      Map<String, String> row,
      String kind,
      JsonNode items,
      java.util.function.Function<JsonNode, Map<String, String>> parts) {
    int n = 0;
    for (JsonNode item : items) {
      n++;
      String type = item.path("type").asText("");
      boolean primary = item.path("metadata").path("primary").asBoolean(false) && items.size() > 1;
      cell(row, kind + " " + n + " - Label", (primary ? "* " : "") + GoogleCsv.typeLabel(type));
      int number = n;
      parts
          .apply(item)
          .forEach((part, value) -> cell(row, kind + " " + number + " - " + part, value));
    }
  }

  private static String date(JsonNode date) {
    if (!date.has("month") || !date.has("day")) {
      return "";
    }
    String monthDay =
        String.format(
            Locale.ROOT, "%02d-%02d", date.path("month").asInt(), date.path("day").asInt());
    return date.has("year") && date.path("year").asInt() != 0
        ? String.format(Locale.ROOT, "%04d-", date.path("year").asInt()) + monthDay
        : "--" + monthDay;
  }

  private static void cell(Map<String, String> row, String column, String value) {
    if (!value.isEmpty() && !value.equals("* ")) {
      row.put(column, value);
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.SystemGroups;
import dev.openpeople.server.Json;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Google Contacts CSV, as contacts.google.com exports and imports it: both header generations (the
 * current one, 2023 onwards, with {@code First Name} and {@code Labels}; the older one with {@code
 * Given Name} and {@code Group Membership}) are read, and the current one is written. Several
 * values in one cell are joined by {@code " ::: "}; group names with a leading {@code "* "} are
 * system groups.
 */
final class GoogleCsv {
  static final String JOIN = " ::: ";
  private static final Pattern REPEATED = Pattern.compile("^(.+?) (\\d+) - (.+)$");

  private static final Pattern WORDS = Pattern.compile("[\\s_-]+");
  private static final Pattern JOINED = Pattern.compile(Pattern.quote(JOIN));

  private GoogleCsv() {}

  /** The values joined in one cell. */
  static String[] split(String cell) {
    return JOINED.split(cell, -1);
  }

  /** Reads every row of {@code in} after its header, in order. */
  static void read(Reader in, Item.Sink sink) throws IOException {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
            .setIgnoreEmptyLines(true)
            .get();
    try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
      List<String> header = stripBom(parser.getHeaderNames());
      long line = parser.getCurrentLineNumber() + 1;
      for (CSVRecord record : parser) {
        String where = "row " + record.getRecordNumber() + " (line " + line + ")";
        line = parser.getCurrentLineNumber() + 1;
        try {
          sink.accept(CsvRows.item(where, cells(header, record)));
        } catch (IllegalArgumentException e) {
          sink.accept(Item.bad(where, String.valueOf(e.getMessage())));
        }
      }
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static List<String> stripBom(List<String> header) {
    List<String> out = new ArrayList<>(header);
    if (!out.isEmpty() && out.get(0).startsWith("\uFEFF")) {
      out.set(0, out.get(0).substring(1));
    }
    return out;
  }

  /** The non-empty cells of a row by header name (the first of duplicate names wins). */
  private static Map<String, String> cells(List<String> header, CSVRecord record) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < header.size() && i < record.size(); i++) {
      String value = record.get(i).strip();
      if (!value.isEmpty()) {
        out.putIfAbsent(header.get(i).strip(), value);
      }
    }
    if (record.size() > header.size()) {
      throw new IllegalArgumentException(
          "the row has " + record.size() + " cells, the header " + header.size());
    }
    return out;
  }

  /** A repeated column ({@code E-mail 2 - Value}): its kind, number and part. */
  record Repeated(String kind, int number, String part) {
    static Optional<Repeated> of(String column) {
      Matcher m = REPEATED.matcher(column);
      if (!m.matches()) {
        return Optional.empty();
      }
      try {
        return Optional.of(new Repeated(m.group(1), Integer.parseInt(m.group(2)), m.group(3)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }

  /** The repeated columns of a row: kind -> number -> part -> cell. */
  static Map<String, Map<Integer, Map<String, String>>> repeated(Map<String, String> cells) {
    Map<String, Map<Integer, Map<String, String>>> out = new LinkedHashMap<>();
    cells.forEach(
        (column, value) ->
            Repeated.of(column)
                .ifPresent(
                    r ->
                        out.computeIfAbsent(
                                r.kind(), k -> new TreeMap<Integer, Map<String, String>>())
                            .computeIfAbsent(r.number(), n -> new LinkedHashMap<>())
                            .put(r.part(), value)));
    return out;
  }

  /** Writes contacts in the current header generation; columns repeat as the widest row needs. */
  static void write(Writer out, List<Map<String, String>> rows) throws IOException {
    Map<String, Integer> widths = new LinkedHashMap<>();
    for (Map<String, String> row : rows) {
      for (String column : row.keySet()) {
        Repeated.of(column).ifPresent(r -> widths.merge(r.kind(), r.number(), Math::max));
      }
    }
    List<String> header = new ArrayList<>(CsvRows.SINGLE_COLUMNS);
    for (Map.Entry<String, List<String>> kind : CsvRows.REPEATED_PARTS.entrySet()) {
      int width = widths.getOrDefault(kind.getKey(), 0);
      for (int n = 1; n <= width; n++) {
        for (String part : kind.getValue()) {
          header.add(kind.getKey() + " " + n + " - " + part);
        }
      }
    }
    CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT);
    printer.printRecord(header);
    for (Map<String, String> row : rows) {
      List<String> cells = new ArrayList<>(header.size());
      for (String column : header) {
        cells.add(row.getOrDefault(column, ""));
      }
      printer.printRecord(cells);
    }
    printer.flush();
  }

  /** A group name as a Labels cell writes it: system groups with {@code "* "}. */
  static @Nullable String label(String groupId, Map<String, String> groupNames) {
    return SystemGroups.byId(groupId).isPresent() ? "* " + groupId : groupNames.get(groupId);
  }

  /** {@code "homeFax"} as {@code "Home Fax"}; a custom label stays as it is. */
  static String typeLabel(String type) {
    if (!CsvRows.KNOWN_TYPES.contains(type)) {
      return type;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < type.length(); i++) {
      char c = type.charAt(i);
      if (Character.isUpperCase(c)) {
        out.append(' ');
      }
      out.append(out.isEmpty() ? Character.toUpperCase(c) : c);
    }
    return out.toString();
  }

  /** {@code "Home Fax"} or {@code "* Home Fax"} as {@code "homeFax"}; custom labels stay. */
  static String type(String label) {
    String plain = label.startsWith("* ") ? label.substring(2) : label;
    StringBuilder camel = new StringBuilder();
    for (String word : WORDS.split(plain.trim(), -1)) {
      if (word.isEmpty()) {
        continue;
      }
      String lower = word.toLowerCase(Locale.ROOT);
      camel.append(
          camel.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
    }
    String candidate = camel.toString();
    return CsvRows.KNOWN_TYPES.contains(candidate) ? candidate : plain.trim();
  }

  /** Appends an item with the non-empty fields to {@code field} of {@code person}. */
  static void add(ObjectNode person, String field, ObjectNode item) {
    if (item.isEmpty()) {
      return;
    }
    JsonNode existing = person.get(field);
    ArrayNode items = existing instanceof ArrayNode a ? a : person.putArray(field);
    items.add(item);
  }

  static ObjectNode object() {
    return Json.object();
  }
}

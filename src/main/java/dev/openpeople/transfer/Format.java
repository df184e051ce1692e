// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.transfer;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The file formats of import and export. */
public enum Format {
  /** vCard 3.0 (RFC 2426) or 4.0 (RFC 6350), any number of cards. */
  VCARD("text/vcard; charset=UTF-8", ".vcf"),
  /** Google Contacts CSV (either header generation on import; the current one on export). */
  CSV("text/csv; charset=UTF-8", ".csv"),
  /** People API {@code Person} objects: a JSON array or JSON Lines. */
  JSON("application/json; charset=UTF-8", ".json");

  private final String mediaType;
  private final String extension;

  Format(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** The format named {@code vcard}, {@code csv} or {@code json} (any case). */
  public static Optional<Format> named(@Nullable String name) {
    if (name == null) {
      return Optional.empty();
    }
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "vcard", "vcf", "vcard3", "vcard4" -> Optional.of(VCARD);
      case "csv", "google-csv" -> Optional.of(CSV);
      case "json", "jsonl", "ndjson" -> Optional.of(JSON);
      default -> Optional.empty();
    };
  }

  /** The format of a media type ({@code text/vcard}, {@code text/csv}, JSON ones), if known. */
  public static Optional<Format> ofMediaType(@Nullable String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "text/vcard", "text/x-vcard", "text/directory" -> Optional.of(VCARD);
      case "text/csv", "application/csv" -> Optional.of(CSV);
      case "application/json",
          "application/x-ndjson",
          "application/jsonl",
          "application/json-seq" ->
          Optional.of(JSON);
      default -> Optional.empty();
    };
  }

  /** The format of a file name's extension, if known. */
  public static Optional<Format> ofFileName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".vcf") || lower.endsWith(".vcard")) {
      return Optional.of(VCARD);
    }
    if (lower.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    if (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      return Optional.of(JSON);
    }
    return Optional.empty();
  }

  /** Guesses the format from the first bytes of a file: JSON, a vCard, else CSV. */
  public static Format sniff(byte[] head, int length) {
    String text = new String(head, 0, length, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String start = text.stripLeading();
    if (start.startsWith("[") || start.startsWith("{")) {
      return JSON;
    }
    if (start.regionMatches(true, 0, "BEGIN:VCARD", 0, "BEGIN:VCARD".length())) {
      return VCARD;
    }
    return CSV;
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import dev.openpeople.contact.SharedContactQuery;
import dev.openpeople.contact.TextKeys;
import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.listing.Cursor;
import dev.openpeople.server.ApiRequest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters of a contacts feed
 * (https://developers.google.com/admin-sdk/domain-shared-contacts, "Contacts query parameters"):
 * paging, {@code updated-min}, {@code showdeleted=true}, ordering. Unknown parameters are ignored
 * unless {@code strict=true}.
 *
 * @param startIndex 1-based index of the first entry
 */
record GDataQuery(
    int maxResults,
    long startIndex,
    @Nullable Instant updatedMin,
    boolean showDeleted,
    boolean requireAllDeleted,
    boolean byLastModified,
    boolean descending,
    @Nullable String text,
    @Nullable String startKey) {
  /** The default page size: the documented example's self link carries max-results=25. */
  static final int DEFAULT_MAX_RESULTS = 25;

  /** Larger requests are served in pages of this size with a next link. */
  static final int MAX_RESULTS_CAP = 10_000;

  /**
   * Our own parameter in {@code next} links: the position of the previous page's last entry, so the
   * next page seeks instead of scanning {@code start-index} rows. Clients follow next links
   * verbatim, so they never need to know it.
   */
  static final String START_KEY = "start-key";

  private static final java.util.regex.Pattern KEY =
      java.util.regex.Pattern.compile("[0-9a-f]{1,16}|\\d{1,19}\\.\\d{1,19}");

  private static final Set<String> KNOWN =
      Set.of(
          "alt",
          "max-results",
          "start-index",
          "updated-min",
          "updated-max",
          "published-min",
          "published-max",
          "orderby",
          "showdeleted",
          "requirealldeleted",
          "sortorder",
          "q",
          "group",
          "fields",
          "strict",
          "prettyprint",
          "v",
          "access_token",
          START_KEY,
          "oauth_token");

  static GDataQuery parse(ApiRequest request) {
    if ("true".equals(request.param("strict"))) {
      for (String name : request.query().keySet()) {
        if (!KNOWN.contains(name)) {
          throw invalid("Unknown parameter: " + name);
        }
      }
    }
    String alt = request.param("alt");
    if (alt != null && !Set.of("atom", "json", "rss").contains(alt)) {
      throw invalid("Invalid value for alt: " + alt + " (atom, json or rss).");
    }
    int maxResults =
        (int) Math.min(number(request, "max-results", DEFAULT_MAX_RESULTS, 0), MAX_RESULTS_CAP);
    long startIndex = number(request, "start-index", 1, 1);
    String orderBy = request.param("orderby");
    if (orderBy != null && !orderBy.equals("lastmodified") && !orderBy.equals("edited")) {
      throw invalid("Invalid value for orderby: " + orderBy);
    }
    String sortOrder = request.param("sortorder");
    if (sortOrder != null && !sortOrder.equals("ascending") && !sortOrder.equals("descending")) {
      throw invalid("Invalid value for sortorder: " + sortOrder);
    }
    return new GDataQuery(
        maxResults,
        startIndex,
        instant(request.param("updated-min")),
        bool(request, "showdeleted"),
        bool(request, "requirealldeleted"),
        orderBy != null,
        "descending".equals(sortOrder),
        text(request.param("q")),
        startKey(request.param(START_KEY), orderBy != null));
  }

  /** Which contacts the feed lists and in what order. */
  SharedContactQuery filter() {
    return new SharedContactQuery(updatedMin, showDeleted, byLastModified, descending, text);
  }

  /** Where a next link continues ({@link #START_KEY}), or null to start at {@code start-index}. */
  @Nullable Cursor after() {
    if (startKey == null) {
      return null;
    }
    if (!byLastModified) {
      return new Cursor(startKey, 0, 0);
    }
    int dot = startKey.indexOf('.');
    return new Cursor(
        "",
        Long.parseLong(startKey.substring(dot + 1)),
        Long.parseLong(startKey.substring(0, dot)));
  }

  /**
   * A next link's {@link #START_KEY} for a position of the store's listing (its cursors carry the
   * id, the change sequence and the last change's epoch milliseconds): the id, or {@code
   * millis.seq} when ordered by last change.
   */
  String startKey(Cursor position) {
    return byLastModified ? position.id() + "." + position.seq() : position.key();
  }

  private static @Nullable String startKey(@Nullable String key, boolean byLastModified) {
    if (key == null || key.isEmpty()) {
      return null;
    }
    if (!KEY.matcher(key).matches() || key.contains(".") != byLastModified) {
      throw invalid("Invalid value for " + START_KEY + ": " + key);
    }
    return key;
  }

  /** {@code q}: a prefix of a word of the name, an e-mail or a phone number (folded). */
  private static @Nullable String text(@Nullable String q) {
    if (q == null || q.isBlank()) {
      return null;
    }
    return TextKeys.fold(q);
  }

  private static ApiException invalid(String message) {
    return new ApiException(ApiError.GDATA_INVALID, message);
  }

  private static long number(ApiRequest request, String name, long fallback, long min) {
    String value = request.param(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value.trim());
      if (parsed < min) {
        throw invalid("Invalid value for " + name + ": " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw invalid("Invalid value for " + name + ": " + value);
    }
  }

  private static boolean bool(ApiRequest request, String name) {
    String value = request.param(name);
    if (value == null || value.isEmpty() || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw invalid("Invalid value for " + name + ": " + value);
  }

  /** RFC 3339 date-time; the timezone is optional (UTC then), as is a bare date. */
  static @Nullable Instant instant(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    String v = value.trim();
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        try {
          return java.time.LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e3) {
          throw invalid("Invalid value for updated-min: " + value);
        }
      }
    }
  }
}

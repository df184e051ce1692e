// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.person;

import dev.openpeople.error.ApiException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Person field masks ({@code personFields}, {@code readMask}, {@code updatePersonFields}): the
 * valid paths of each and the parsing rules, with Google's error texts
 * (https://developers.google.com/people/api/rest/v1/people/get).
 */
public final class PersonFields {
  /** Every readable path, in the order Google lists them (and the order they are rendered). */
  public static final List<String> READABLE =
      List.of(
          "addresses",
          "ageRanges",
          "biographies",
          "birthdays",
          "calendarUrls",
          "clientData",
          "coverPhotos",
          "emailAddresses",
          "events",
          "externalIds",
          "genders",
          "imClients",
          "interests",
          "locales",
          "locations",
          "memberships",
          "metadata",
          "miscKeywords",
          "names",
          "nicknames",
          "occupations",
          "organizations",
          "phoneNumbers",
          "photos",
          "relations",
          "sipAddresses",
          "skills",
          "urls",
          "userDefined");

  /**
   * Paths a contact can write (updatePersonFields, updateMask;
   * https://developers.google.com/people/api/rest/v1/people/updateContact).
   */
  public static final Set<String> WRITABLE =
      Set.of(
          "addresses",
          "biographies",
          "birthdays",
          "calendarUrls",
          "clientData",
          "emailAddresses",
          "events",
          "externalIds",
          "genders",
          "imClients",
          "interests",
          "locales",
          "locations",
          "memberships",
          "miscKeywords",
          "names",
          "nicknames",
          "occupations",
          "organizations",
          "phoneNumbers",
          "relations",
          "sipAddresses",
          "urls",
          "userDefined");

  /**
   * Fields a contact source may hold at most one of
   * (https://developers.google.com/people/api/rest/v1/people/updateContact).
   */
  public static final Set<String> SINGLETONS =
      Set.of("biographies", "birthdays", "genders", "names");

  private static final String DOCS = "https://developers.google.com/people/api/rest/v1/people/get";

  private PersonFields() {}

  /**
   * Parses a required mask named {@code param}; every path must be in {@code valid}. The deprecated
   * {@code person.} prefix of requestMask.includeField is accepted.
   */
  public static Set<String> required(@Nullable String mask, String param, Set<String> valid) {
    if (mask == null || mask.isBlank()) {
      throw ApiException.invalid(
          "%s mask is required. Please specify one or more valid paths. Valid paths are"
              + " documented at %s.",
          param, DOCS);
    }
    return parse(mask, param, valid);
  }

  /** Parses an optional mask; absent or empty means {@code fallback}. */
  public static Set<String> optional(
      @Nullable String mask, String param, Set<String> valid, Set<String> fallback) {
    if (mask == null || mask.isBlank()) {
      return fallback;
    }
    return parse(mask, param, valid);
  }

  public static Set<String> parse(String mask, String param, Set<String> valid) {
    Set<String> out = new LinkedHashSet<>();
    for (String raw : mask.split(",", -1)) {
      String path = raw.trim();
      if (path.startsWith("person.")) {
        path = path.substring("person.".length());
      }
      if (path.isEmpty()) {
        continue;
      }
      if (!valid.contains(path)) {
        throw ApiException.invalid(
            "Invalid %s mask path: \"%s\". Valid paths are documented at %s.", param, path, DOCS);
      }
      out.add(path);
    }
    if (out.isEmpty()) {
      throw ApiException.invalid(
          "%s mask is required. Please specify one or more valid paths. Valid paths are"
              + " documented at %s.",
          param, DOCS);
    }
    return out;
  }

  public static Set<String> readable() {
    return Set.copyOf(READABLE);
  }
}

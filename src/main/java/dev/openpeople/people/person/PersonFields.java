// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.person;

import dev.openpeople.error.ApiException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

  /** Readable paths that updateContact's updatePersonFields does not list. */
  private static final Set<String> READ_ONLY =
      Set.of("ageRanges", "coverPhotos", "metadata", "photos", "skills");

  /**
   * Paths a contact can write (updatePersonFields, updateMask;
   * https://developers.google.com/people/api/rest/v1/people/updateContact): every readable path but
   * {@link #READ_ONLY}.
   */
  public static final Set<String> WRITABLE =
      READABLE.stream()
          .filter(path -> !READ_ONLY.contains(path))
          .collect(Collectors.toUnmodifiableSet());

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
    Set<String> out = paths(mask, param, valid, "person.", DOCS);
    if (out.isEmpty()) {
      throw ApiException.invalid(
          "%s mask is required. Please specify one or more valid paths. Valid paths are"
              + " documented at %s.",
          param, DOCS);
    }
    return out;
  }

  /**
   * The paths of a comma-separated field mask (People's and contactGroups'), each without the
   * optional {@code prefix} (the deprecated {@code person.} / {@code contactGroup.}); empty paths
   * are skipped, one not in {@code valid} is a 400 pointing at {@code docs}.
   */
  public static Set<String> paths(
      String mask, String param, Set<String> valid, String prefix, String docs) {
    Set<String> out = new LinkedHashSet<>();
    for (String raw : mask.split(",", -1)) {
      String path = raw.trim();
      if (path.startsWith(prefix)) {
        path = path.substring(prefix.length());
      }
      if (path.isEmpty()) {
        continue;
      }
      if (!valid.contains(path)) {
        throw ApiException.invalid(
            "Invalid %s mask path: \"%s\". Valid paths are documented at %s.", param, path, docs);
      }
      out.add(path);
    }
    return out;
  }

  /** {@link #READABLE} as a set, built once: every person request looks its fields up in it. */
  private static final Set<String> READABLE_SET = Set.copyOf(READABLE);

  public static Set<String> readable() {
    return READABLE_SET;
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.person;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code sources} parameter (ReadSourceType) and its per-method defaults
 * (https://developers.google.com/people/api/rest/v1/ReadSourceType).
 */
public enum ReadSources {
  READ_SOURCE_TYPE_UNSPECIFIED,
  READ_SOURCE_TYPE_PROFILE,
  READ_SOURCE_TYPE_CONTACT,
  READ_SOURCE_TYPE_DOMAIN_CONTACT,
  READ_SOURCE_TYPE_OTHER_CONTACT;

  /** Parses the repeated parameter (values were checked against discovery enums already). */
  public static Set<ReadSources> parse(List<String> values, Set<ReadSources> fallback) {
    EnumSet<ReadSources> out = EnumSet.noneOf(ReadSources.class);
    for (String value : values) {
      ReadSources source = valueOf(value);
      if (source != READ_SOURCE_TYPE_UNSPECIFIED) {
        out.add(source);
      }
    }
    return out.isEmpty() ? fallback : out;
  }

  public static final Set<ReadSources> CONTACT_AND_PROFILE =
      EnumSet.of(READ_SOURCE_TYPE_CONTACT, READ_SOURCE_TYPE_PROFILE);
  public static final Set<ReadSources> CONTACT = EnumSet.of(READ_SOURCE_TYPE_CONTACT);
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.error.ApiException;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * Contact ids: a 64-bit number shown as {@code people/c<unsigned decimal>} and as the 16-digit hex
 * source id (as Google shows both: {@code 4085c7778aa36f35} is {@code
 * people/c4649341506570907445}).
 */
public final class ContactIds {
  private ContactIds() {}

  public static String resourceName(long id) {
    return "people/c" + Long.toUnsignedString(id);
  }

  public static String sourceId(long id) {
    return HexFormat.of().toHexDigits(id);
  }

  /** The id whose {@link #sourceId} {@code value} is (16 lower-case hex digits), if it is one. */
  public static OptionalLong parseSourceId(String value) {
    if (value.length() != 16) {
      return OptionalLong.empty();
    }
    for (int i = 0; i < 16; i++) {
      char c = value.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.of(HexFormat.fromHexDigitsToLong(value));
  }

  /** Parses the part after {@code people/}; empty when it is not a contact id. */
  public static OptionalLong parse(String personId) {
    if (personId.length() < 2 || personId.charAt(0) != 'c') {
      return OptionalLong.empty();
    }
    String digits = personId.substring(1);
    for (int i = 0; i < digits.length(); i++) {
      if (!Character.isDigit(digits.charAt(i))) {
        return OptionalLong.empty();
      }
    }
    try {
      return OptionalLong.of(Long.parseUnsignedLong(digits));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** Parses a full {@code people/c...} resource name or throws 400. */
  public static long parseResourceName(String resourceName) {
    if (resourceName.startsWith("people/")) {
      OptionalLong id = parse(resourceName.substring("people/".length()));
      if (id.isPresent()) {
        return id.getAsLong();
      }
    }
    throw ApiException.invalid("Resource name \"%s\" is not a valid contact.", resourceName);
  }
}

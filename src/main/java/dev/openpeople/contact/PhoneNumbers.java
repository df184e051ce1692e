// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Phone numbers as Google's People API reads them: the ITU-T E.164 {@code canonicalForm} of what a
 * client typed, computed with libphonenumber; numbers written without a country code are read in
 * the {@code defaultRegion} (a CLDR region code such as {@code US}). Search uses the same form, so
 * any formatting of a number finds it.
 */
public final class PhoneNumbers {
  /** The region numbers without a country code belong to unless configured otherwise. */
  public static final String DEFAULT_REGION = "US";

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private final String defaultRegion;

  public PhoneNumbers(String defaultRegion) {
    String region = defaultRegion.toUpperCase(Locale.ROOT);
    if (!UTIL.getSupportedRegions().contains(region)) {
      throw new IllegalArgumentException("Unknown phone region: " + defaultRegion);
    }
    this.defaultRegion = region;
  }

  public String defaultRegion() {
    return defaultRegion;
  }

  /**
   * The E.164 form ({@code +16502530000}) of {@code value}, or empty when it is not a phone number
   * of a plausible length (libphonenumber's possible-number check, local-only numbers included).
   */
  public Optional<String> canonicalForm(String value) {
    String plain = plainNanp(value, defaultRegion);
    if (plain != null) {
      return Optional.of(plain);
    }
    return parsed(value);
  }

  /** {@link #canonicalForm} as libphonenumber computes it, whatever the number looks like. */
  Optional<String> parsed(String value) {
    if (value.isBlank() || value.length() > 64) {
      return Optional.empty();
    }
    try {
      PhoneNumber number = UTIL.parse(value, defaultRegion);
      ValidationResult possible = UTIL.isPossibleNumberWithReason(number);
      if (possible != ValidationResult.IS_POSSIBLE
          && possible != ValidationResult.IS_POSSIBLE_LOCAL_ONLY) {
        return Optional.empty();
      }
      return Optional.of(UTIL.format(number, PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The E.164 form of the commonest shape of number, without libphonenumber's regular expressions:
   * a North American (NANP) number, {@code +1} and ten digits, or with {@code US} as the default
   * region just the ten digits; the first of the ten is 2-9 (an area code never starts with 0 or 1,
   * so no national prefix or international dialling prefix can be read into it), and the digits are
   * in groups separated by one space or hyphen. libphonenumber reads such a number as country code
   * 1 and a ten-digit national number, a possible length for it, and formats it as {@code +1} and
   * the ten digits: the same string (PhoneNumbersTest compares the two). Null for anything else.
   */
  static @Nullable String plainNanp(String value, String region) {
    int length = value.length();
    if (length < 10 || length > 20) {
      return null;
    }
    boolean plus = value.charAt(0) == '+';
    if (!plus && !region.equals("US")) {
      return null;
    }
    char[] e164 = new char[12];
    e164[0] = '+';
    e164[1] = '1';
    // With the +, the 1 is read from the text; without it, ten digits follow the 1 put here.
    int digits = plus ? 1 : 2;
    boolean afterDigit = false;
    for (int i = plus ? 1 : 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits == 12) {
          return null;
        }
        e164[digits++] = c;
        afterDigit = true;
      } else if ((c == ' ' || c == '-') && afterDigit) {
        afterDigit = false;
      } else {
        return null;
      }
    }
    if (digits != 12 || !afterDigit || e164[1] != '1' || e164[2] < '2') {
      return null;
    }
    return new String(e164);
  }

  /** The digits of the E.164 form, the search term every formatting of a number shares. */
  public Optional<String> searchDigits(String value) {
    return canonicalForm(value).map(e164 -> e164.substring(1));
  }
}

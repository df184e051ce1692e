// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;

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

  /** The digits of the E.164 form, the search term every formatting of a number shares. */
  public Optional<String> searchDigits(String value) {
    return canonicalForm(value).map(e164 -> e164.substring(1));
  }
}

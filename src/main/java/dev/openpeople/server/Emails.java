// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import java.util.Locale;
import java.util.regex.Pattern;

/** The e-mail addresses that name users: a plain local@domain check and lower-casing. */
public final class Emails {
  private static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");

  private Emails() {}

  public static boolean isValid(String value) {
    return value.length() <= 254 && EMAIL.matcher(value).matches();
  }

  public static String normalize(String email) {
    return email.toLowerCase(Locale.ROOT);
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A CardDAV URL as Google shapes them: the service root {@code /carddav/v1/}, the principal {@code
 * /carddav/v1/principals/{email}/}, its address-book home {@code .../lists/}, the one address book
 * {@code .../lists/default/} and a card {@code .../lists/default/{name}}.
 *
 * @param email the principal's address (lower case), null for the service root
 * @param card the card's resource name, null unless {@code kind} is CARD
 */
record DavPath(Kind kind, @Nullable String email, @Nullable String card) {
  enum Kind {
    ROOT,
    PRINCIPAL,
    HOME,
    BOOK,
    CARD
  }

  static final String ROOT = "/carddav/v1/";
  private static final String PRINCIPALS = ROOT + "principals/";

  /** Parses a decoded request path; anything else under /carddav is a 404. */
  static DavPath parse(String path) {
    if (path.equals("/carddav/v1") || path.equals(ROOT) || path.equals("/carddav/")) {
      return new DavPath(Kind.ROOT, null, null);
    }
    if (!path.startsWith(PRINCIPALS)) {
      throw DavException.notFound();
    }
    String[] parts = path.substring(PRINCIPALS.length()).split("/", -1);
    String email = parts[0].toLowerCase(Locale.ROOT);
    if (email.isEmpty()) {
      throw DavException.notFound();
    }
    // Trailing slashes are optional on collections: drop one empty last part.
    int n = parts.length;
    if (n > 1 && parts[n - 1].isEmpty() && n != 4) {
      n--;
    }
    if (n == 1) {
      return new DavPath(Kind.PRINCIPAL, email, null);
    }
    if (!parts[1].equals("lists")) {
      throw DavException.notFound();
    }
    if (n == 2) {
      return new DavPath(Kind.HOME, email, null);
    }
    if (!parts[2].equals("default")) {
      throw DavException.notFound();
    }
    if (n == 3 || (n == 4 && parts[3].isEmpty())) {
      return new DavPath(Kind.BOOK, email, null);
    }
    if (n == 4) {
      return new DavPath(Kind.CARD, email, parts[3]);
    }
    throw DavException.notFound();
  }

  static String principal(String email) {
    return PRINCIPALS + segment(email) + "/";
  }

  static String home(String email) {
    return principal(email) + "lists/";
  }

  static String book(String email) {
    return home(email) + "default/";
  }

  static String card(String email, String name) {
    return book(email) + segment(name);
  }

  /** The card name an href of this user's address book names, or null for any other href. */
  static @Nullable String cardName(String email, String href) {
    String path = href;
    int scheme = path.indexOf("://");
    if (scheme > 0) {
      int slash = path.indexOf('/', scheme + 3);
      path = slash < 0 ? "/" : path.substring(slash);
    }
    String decoded;
    try {
      decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    String prefix = URLDecoder.decode(book(email), StandardCharsets.UTF_8);
    if (!decoded.startsWith(prefix)) {
      return null;
    }
    String name = decoded.substring(prefix.length());
    return name.isEmpty() || name.contains("/") ? null : name;
  }

  /** A path segment, percent-encoded where a URL needs it ('@' and '.' stay as they are). */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which token scopes a method accepts. Google's front end lets the legacy Contacts API scope family
 * ({@code https://www.google.com/m8/feeds} and its variants) call every People API method that
 * {@code contacts} may call; its 403 for a missing scope lists them all in {@code WWW-Authenticate}
 * (RFC 6750 §3). Clients written for the old Contacts API rely on it.
 */
public final class Scopes {
  /** The People API's read-write contacts scope. */
  public static final String CONTACTS = Principal.SCOPE_PREFIX + "contacts";

  /** The legacy family in the order Google's 403 lists it, https first, then http. */
  public static final List<String> LEGACY_CONTACTS = legacy();

  /**
   * What reading a saved contact ({@code people/c...}) takes, whatever else a method accepts:
   * profile and directory scopes see profiles only.
   */
  public static final List<String> CONTACT_READ =
      accepted(List.of(CONTACTS, Principal.SCOPE_PREFIX + "contacts.readonly"));

  private Scopes() {}

  private static List<String> legacy() {
    List<String> paths =
        List.of(
            "",
            "/",
            "/contacts",
            "/contacts/",
            "/contacts/default/full",
            "/photos",
            "/photos/",
            "/profiles",
            "/profiles/",
            "/groups",
            "/groups/",
            "/user",
            "/user/");
    List<String> out = new ArrayList<>();
    for (String scheme : List.of("https://", "http://")) {
      for (String path : paths) {
        out.add(scheme + "www.google.com/m8/feeds" + path);
      }
    }
    return List.copyOf(out);
  }

  /** The scopes a caller may hold for a method whose discovery document lists {@code declared}. */
  public static List<String> accepted(List<String> declared) {
    if (!declared.contains(CONTACTS)) {
      return declared;
    }
    List<String> out = new ArrayList<>(declared);
    out.addAll(LEGACY_CONTACTS);
    return List.copyOf(out);
  }

  /** The 403 for a caller holding none of {@code accepted}, with Google's challenge header. */
  public static ApiException insufficient(List<String> accepted) {
    return new ApiException(ApiError.SCOPE_INSUFFICIENT)
        .withHeader("WWW-Authenticate", insufficientChallenge(accepted));
  }

  /** The {@code WWW-Authenticate} value of a 403 for a token without any of {@code accepted}. */
  public static String insufficientChallenge(List<String> accepted) {
    return "Bearer realm=\"https://accounts.google.com/\", error=\"insufficient_scope\", scope=\""
        + String.join(" ", accepted)
        + "\"";
  }
}

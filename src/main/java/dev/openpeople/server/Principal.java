// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import java.util.Set;

/**
 * The authenticated caller: the user the token names, the OAuth scopes it grants (full {@code
 * https://www.googleapis.com/auth/...} URLs) and the domains whose shared contacts it administers.
 */
public record Principal(String email, Set<String> scopes, Set<String> adminDomains) {
  public static final String SCOPE_PREFIX = "https://www.googleapis.com/auth/";

  /** The GData Contacts scope (https://developers.google.com/admin-sdk/domain-shared-contacts). */
  public static final String GDATA_SCOPE = "https://www.google.com/m8/feeds";

  /** A caller who administers no domain. */
  public Principal(String email, Set<String> scopes) {
    this(email, scopes, Set.of());
  }

  /** The domain part of the caller's address. */
  public String domain() {
    return email.substring(email.indexOf('@') + 1);
  }

  /** Accepts {@code contacts} as well as the full scope URL. */
  public static String normalizeScope(String scope) {
    return scope.contains("://") ? scope : SCOPE_PREFIX + scope;
  }

  public boolean hasAnyScope(Iterable<String> wanted) {
    for (String scope : wanted) {
      if (scopes.contains(scope)) {
        return true;
      }
    }
    return false;
  }
}

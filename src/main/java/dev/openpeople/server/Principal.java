// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import java.util.Set;

/**
 * The authenticated caller: the user the token names and the OAuth scopes it grants (full {@code
 * https://www.googleapis.com/auth/...} URLs).
 */
public record Principal(String email, Set<String> scopes) {
  public static final String SCOPE_PREFIX = "https://www.googleapis.com/auth/";

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

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import org.jspecify.annotations.Nullable;

/** Turns a request's credentials into a {@link Principal}, or throws a 401 ApiException. */
public interface Authenticator {
  Principal authenticate(ApiRequest request);

  /** The bearer token of a request: the Authorization header, else access_token/oauth_token. */
  static String bearerToken(ApiRequest request) {
    String header = request.header("Authorization");
    if (header != null) {
      int space = header.indexOf(' ');
      if (space > 0 && header.substring(0, space).equalsIgnoreCase("Bearer")) {
        return header.substring(space + 1).trim();
      }
      // The GData clients' legacy forms (https://developers.google.com/gdata/docs/auth/overview):
      // ClientLogin and AuthSub.
      String legacy = legacyToken(header);
      if (legacy != null) {
        return legacy;
      }
      return "";
    }
    String query = request.param("access_token");
    if (query == null) {
      query = request.param("oauth_token");
    }
    return query == null ? "" : query;
  }

  /** {@code GoogleLogin auth=t} or {@code AuthSub token="t"}, else null. */
  private static @Nullable String legacyToken(String header) {
    for (String prefix : new String[] {"GoogleLogin auth=", "AuthSub token="}) {
      if (header.regionMatches(true, 0, prefix, 0, prefix.length())) {
        String token = header.substring(prefix.length()).trim();
        if (token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")) {
          token = token.substring(1, token.length() - 1);
        }
        return token;
      }
    }
    return null;
  }
}

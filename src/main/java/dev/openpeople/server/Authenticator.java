// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

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
      return "";
    }
    String query = request.param("access_token");
    if (query == null) {
      query = request.param("oauth_token");
    }
    return query == null ? "" : query;
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import dev.openpeople.contact.AppPasswordService;
import dev.openpeople.error.ApiException;
import dev.openpeople.server.ApiRequest;
import dev.openpeople.server.Authenticator;
import dev.openpeople.server.Emails;
import dev.openpeople.server.EmulatorAuthenticator;
import dev.openpeople.server.Principal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CardDAV credentials: Bearer tokens exactly as the other APIs take them, and HTTP Basic (RFC 7617)
 * because iOS/macOS and DAVx5 accounts use it. In emulator mode Basic names the user whatever the
 * password, as a bearer e-mail does; in production mode the password must be one of the user's app
 * passwords.
 */
final class CardDavAuth {
  /** Both schemes, on every 401 (RFC 7235 section 4.1). */
  static final String CHALLENGE =
      "Basic realm=\"OpenPeople CardDAV\", charset=\"UTF-8\", Bearer realm=\"OpenPeople CardDAV\"";

  static final List<String> READ_SCOPES =
      List.of(Principal.SCOPE_PREFIX + "contacts", Principal.SCOPE_PREFIX + "contacts.readonly");
  static final List<String> WRITE_SCOPES = List.of(Principal.SCOPE_PREFIX + "contacts");

  private final Authenticator bearer;
  private final @Nullable AppPasswordService appPasswords;

  /** {@code appPasswords} null: emulator mode, Basic with any password. */
  CardDavAuth(Authenticator bearer, @Nullable AppPasswordService appPasswords) {
    this.bearer = bearer;
    this.appPasswords = appPasswords;
  }

  Principal authenticate(ApiRequest request) {
    String header = request.header("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return basic(header.substring(6).trim());
    }
    try {
      return bearer.authenticate(request);
    } catch (ApiException e) {
      throw new DavException(401, null, String.valueOf(e.getMessage()));
    }
  }

  private Principal basic(String encoded) {
    String pair;
    try {
      pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new DavException(401, null, "Malformed Basic credentials.");
    }
    int colon = pair.indexOf(':');
    String user = colon < 0 ? pair : pair.substring(0, colon);
    String password = colon < 0 ? "" : pair.substring(colon + 1);
    if (!Emails.isValid(user)) {
      throw new DavException(401, null, "The Basic user name must be an e-mail address.");
    }
    String email = Emails.normalize(user);
    if (appPasswords != null && !appPasswords.verify(email, password)) {
      throw new DavException(401, null, "Wrong user name or app password.");
    }
    return new Principal(email, EmulatorAuthenticator.ALL_SCOPES);
  }
}

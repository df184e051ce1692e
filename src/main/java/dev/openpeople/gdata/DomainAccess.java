// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.Principal;
import java.util.List;
import java.util.Locale;

/**
 * Who may read and change a domain's shared contacts: every user of the domain reads them; only its
 * administrators ({@link Principal#adminDomains()}) change them; anyone else gets 403.
 */
final class DomainAccess {
  /** Scopes that may read the feeds: the GData scope (with or without slash) or People's. */
  static final List<String> READ_SCOPES =
      List.of(
          Principal.GDATA_SCOPE,
          Principal.GDATA_SCOPE + "/",
          Principal.SCOPE_PREFIX + "contacts",
          Principal.SCOPE_PREFIX + "contacts.readonly");

  static final List<String> WRITE_SCOPES =
      List.of(
          Principal.GDATA_SCOPE, Principal.GDATA_SCOPE + "/", Principal.SCOPE_PREFIX + "contacts");

  private DomainAccess() {}

  /** The domain of the request path (variable 1), after checking the caller may read it. */
  static String readable(ApiCall call) {
    String domain = call.pathVar("1").toLowerCase(Locale.ROOT);
    Principal caller = call.caller();
    if (!caller.domain().equals(domain) && !caller.adminDomains().contains(domain)) {
      throw new ApiException(
          ApiError.GDATA_FORBIDDEN,
          "You are not authorized to access the shared contacts of " + domain + ".");
    }
    return domain;
  }

  /** The domain of the request path, after checking the caller administers it. */
  static String writable(ApiCall call) {
    String domain = readable(call);
    if (!call.caller().adminDomains().contains(domain)) {
      throw new ApiException(
          ApiError.GDATA_FORBIDDEN,
          "Only administrators of " + domain + " may change its shared contacts.");
    }
    return domain;
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A user of this server, named by e-mail address; {@code profile} is their own profile's JSON
 * ({@code people/me}), or null for the default one derived from the address.
 */
public record User(long id, String email, long lastSeq, @Nullable String profile, Instant created) {
  /** The 21-digit account id Google uses in {@code people/<account id>}. */
  public String accountId() {
    return "1" + String.format("%020d", id);
  }

  /**
   * The name of the default profile: the address's local part with its first letter upper-cased.
   */
  public String defaultName() {
    String local = email.substring(0, email.indexOf('@'));
    return local.isEmpty()
        ? local
        : local.substring(0, 1).toUpperCase(Locale.ROOT) + local.substring(1);
  }
}

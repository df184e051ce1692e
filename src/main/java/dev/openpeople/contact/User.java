// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import java.time.Instant;
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
}

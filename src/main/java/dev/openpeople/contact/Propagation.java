// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Eventual consistency on purpose: Google may take minutes before a write shows in a sync or a
 * search (https://developers.google.com/people/v1/contacts: "there may be a delay ... before the
 * data is reflected"). With a delay set, connections.list, searchContacts and otherContacts.search
 * read the user's data as of that long ago on the server clock: the change log is cut at the last
 * change made before then, so a listing's sync token sits before the hidden writes and a later
 * incremental sync delivers them once they have "propagated"; nothing is lost, and a contact
 * changed within the delay is missing until then (the server keeps no older version to show).
 *
 * <p>The delay is {@code --propagation-delay} for everyone, or per user through the emulator route,
 * kept in the database so every node applies the same one.
 */
public final class Propagation {
  private static final String MARK = "propagation-delay-ms:";

  private final Duration global;
  private final boolean perUser;

  /**
   * @param global the delay of every user without one of their own
   * @param perUser whether users may have their own (emulator mode), read from the database
   */
  public Propagation(Duration global, boolean perUser) {
    if (global.isNegative()) {
      throw new IllegalArgumentException("A propagation delay is not negative: " + global);
    }
    this.global = global;
    this.perUser = perUser;
  }

  /** No delay, nobody's own: every read sees every write at once. */
  public static Propagation none() {
    return new Propagation(Duration.ZERO, false);
  }

  Duration delay(ServerState state, String email) {
    if (perUser) {
      OptionalLong own = state.mark(MARK + email);
      if (own.isPresent()) {
        return Duration.ofMillis(own.getAsLong());
      }
    }
    return global;
  }

  void set(ServerState state, String email, Duration delay) {
    if (!perUser) {
      throw new IllegalStateException("per-user propagation delays are an emulator control");
    }
    state.mark(MARK + email, delay.toMillis());
  }
}

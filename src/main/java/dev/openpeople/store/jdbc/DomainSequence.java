// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import java.sql.Connection;

/**
 * A domain's change sequence ({@code domains.last_seq}) as seen from outside a domain transaction:
 * users appearing in a domain and profile changes take numbers from it, like shared contacts.
 */
final class DomainSequence {
  private DomainSequence() {}

  /** The domain of a user's address: what follows the first {@code @} (as Principal.domain()). */
  static String domainOf(String email) {
    return email.substring(email.indexOf('@') + 1);
  }

  /**
   * Reserves {@code count} numbers of the domain's sequence in the connection's transaction and
   * returns the first; creates the domain row if new. The update holds the domain's row lock until
   * commit (PostgreSQL), as shared-contact writes do, so numbers stay in commit order.
   */
  static long allocate(Connection connection, String domain, int count) {
    return new Statements(connection)
            .number(
                "INSERT INTO domains (name, last_seq) VALUES (?, ?) ON CONFLICT (name)"
                    + " DO UPDATE SET last_seq = domains.last_seq + excluded.last_seq"
                    + " RETURNING last_seq",
                domain,
                (long) count)
        - count
        + 1;
  }
}

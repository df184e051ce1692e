// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.DomainSession;
import dev.openpeople.contact.SharedContactStore;
import dev.openpeople.contact.User;
import java.sql.Connection;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One domain's view of one JDBC transaction; {@code seq} gives the domain's change sequence as of
 * its start (read transactions read it when first asked: a search does not need it).
 */
record JdbcDomainSession(Connection connection, String domain, LongSupplier seq, boolean writable)
    implements DomainSession {
  @Override
  public long lastSeq() {
    return seq.getAsLong();
  }

  @Override
  public SharedContactStore sharedContacts() {
    return new JdbcSharedContactStore(new Statements(connection), domain);
  }

  @Override
  public long allocateSeqs(int count) {
    if (!writable) {
      throw new IllegalStateException("write inside a read transaction");
    }
    return new Statements(connection)
            .number(
                "UPDATE domains SET last_seq = last_seq + ? WHERE name = ? RETURNING last_seq",
                count,
                domain)
        - count
        + 1;
  }

  @Override
  public List<User> users(String afterEmail, int limit) {
    return new Statements(connection)
        .select(
            "SELECT "
                + JdbcStorage.USER_COLUMNS
                + " FROM users WHERE email LIKE ? AND email > ? ORDER BY email LIMIT ?",
            JdbcStorage::user,
            "%@" + domain,
            afterEmail,
            limit);
  }

  @Override
  public List<ProfileChange> profileChanges(long afterSeq, long upToSeq, int limit) {
    return new Statements(connection)
        .select(
            "SELECT "
                + JdbcStorage.USER_COLUMNS
                + ", domain_seq FROM users WHERE domain = ? AND domain_seq > ? AND domain_seq <= ?"
                + " ORDER BY domain_seq LIMIT ?",
            rs -> new ProfileChange(rs.getLong(6), JdbcStorage.user(rs)),
            domain,
            afterSeq,
            upToSeq,
            limit);
  }
}

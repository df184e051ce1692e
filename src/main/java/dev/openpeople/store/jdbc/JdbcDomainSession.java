// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.DomainSession;
import dev.openpeople.contact.SharedContactStore;
import dev.openpeople.contact.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** One domain's view of one JDBC transaction. */
final class JdbcDomainSession implements DomainSession {
  private final Connection connection;
  private final String domain;
  private final long lastSeq;
  private final boolean writable;

  JdbcDomainSession(Connection connection, String domain, long lastSeq, boolean writable) {
    this.connection = connection;
    this.domain = domain;
    this.lastSeq = lastSeq;
    this.writable = writable;
  }

  @Override
  public String domain() {
    return domain;
  }

  @Override
  public long lastSeq() {
    return lastSeq;
  }

  @Override
  public SharedContactStore sharedContacts() {
    return new JdbcSharedContactStore(connection, domain);
  }

  @Override
  public long allocateSeqs(int count) {
    if (!writable) {
      throw new IllegalStateException("write inside a read transaction");
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE domains SET last_seq = last_seq + ? WHERE name = ? RETURNING last_seq")) {
      update.setLong(1, count);
      update.setString(2, domain);
      try (ResultSet rs = update.executeQuery()) {
        rs.next();
        return rs.getLong(1) - count + 1;
      }
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public List<User> users(String afterEmail, int limit) {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT "
                + JdbcStorage.USER_COLUMNS
                + " FROM users WHERE email LIKE ? AND email > ? ORDER BY email LIMIT ?")) {
      select.setString(1, "%@" + domain);
      select.setString(2, afterEmail);
      select.setInt(3, limit);
      try (ResultSet rs = select.executeQuery()) {
        List<User> users = new ArrayList<>();
        while (rs.next()) {
          users.add(JdbcStorage.user(rs));
        }
        return users;
      }
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public List<ProfileChange> profileChanges(long afterSeq, long upToSeq, int limit) {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT "
                + JdbcStorage.USER_COLUMNS
                + ", domain_seq FROM users WHERE domain = ? AND domain_seq > ? AND domain_seq <= ?"
                + " ORDER BY domain_seq LIMIT ?")) {
      select.setString(1, domain);
      select.setLong(2, afterSeq);
      select.setLong(3, upToSeq);
      select.setInt(4, limit);
      try (ResultSet rs = select.executeQuery()) {
        List<ProfileChange> changes = new ArrayList<>();
        while (rs.next()) {
          changes.add(new ProfileChange(rs.getLong(6), JdbcStorage.user(rs)));
        }
        return changes;
      }
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactKeys;
import dev.openpeople.contact.OtherContactStore;
import dev.openpeople.listing.Cursor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Other contacts of one user in the {@code other_contacts} and {@code other_contact_terms} tables.
 * Like contacts, the {@code seq} column is the change log and deletes leave tombstones; {@code
 * email_key} keeps one other contact per address findable in one index probe.
 */
final class JdbcOtherContactStore implements OtherContactStore {
  private static final String COLUMNS =
      "id, seq, created_at, updated_at, deleted, body, first_key, last_key";
  private static final int IN_CHUNK = 500;

  private final Connection connection;
  private final long userId;
  private final SearchTerms terms;

  JdbcOtherContactStore(Connection connection, long userId) {
    this.connection = connection;
    this.userId = userId;
    this.terms = new SearchTerms(connection, userId, "other_contact_terms", "other_contact_id");
  }

  @Override
  public Optional<Contact> get(long id) {
    List<Contact> found = getAll(List.of(id));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public List<Contact> getAll(Collection<Long> ids) {
    List<Contact> out = new ArrayList<>(ids.size());
    List<Long> all = new ArrayList<>(ids);
    for (int start = 0; start < all.size(); start += IN_CHUNK) {
      List<Long> chunk = all.subList(start, Math.min(all.size(), start + IN_CHUNK));
      String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
      String sql =
          "SELECT " + COLUMNS + " FROM other_contacts WHERE user_id = ? AND id IN (" + marks + ")";
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setLong(1, userId);
        for (int i = 0; i < chunk.size(); i++) {
          select.setLong(i + 2, chunk.get(i));
        }
        readAll(select, out);
      } catch (SQLException e) {
        throw Sql.failure(e);
      }
    }
    // Tombstones are skipped here, not with "deleted = FALSE" in SQL: that term makes SQLite's
    // planner probe the tombstone index and scan every live row of the user.
    out.removeIf(Contact::deleted);
    return out;
  }

  @Override
  public Optional<Contact> findByEmail(String emailKey) {
    if (emailKey.isEmpty()) {
      return Optional.empty();
    }
    // Tombstones have an empty email_key, so no "deleted = FALSE" here: with it SQLite's planner
    // probes the tombstone index (deleted, updated_at) and scans every live row.
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM other_contacts WHERE user_id = ? AND email_key = ? LIMIT 1")) {
      select.setLong(1, userId);
      select.setString(2, emailKey);
      List<Contact> out = new ArrayList<>(1);
      readAll(select, out);
      return out.isEmpty() || out.get(0).deleted() ? Optional.empty() : Optional.of(out.get(0));
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public void insert(List<Row> rows) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO other_contacts (user_id, id, seq, created_at, updated_at, deleted, body,"
                + " first_key, last_key, email_key) VALUES (?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?)")) {
      for (Row row : rows) {
        Contact c = row.contact();
        insert.setLong(1, userId);
        insert.setLong(2, c.id());
        insert.setLong(3, c.seq());
        insert.setLong(4, c.created().toEpochMilli());
        insert.setLong(5, c.updated().toEpochMilli());
        insert.setString(6, c.body());
        insert.setString(7, c.keys().firstName());
        insert.setString(8, c.keys().lastName());
        insert.setString(9, row.emailKey());
        insert.addBatch();
      }
      insert.executeBatch();
      terms.insert(rows.stream().map(Row::contact).toList());
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public void update(Row row) {
    Contact c = row.contact();
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE other_contacts SET seq = ?, updated_at = ?, body = ?, first_key = ?,"
                + " last_key = ?, email_key = ? WHERE user_id = ? AND id = ?")) {
      update.setLong(1, c.seq());
      update.setLong(2, c.updated().toEpochMilli());
      update.setString(3, c.body());
      update.setString(4, c.keys().firstName());
      update.setString(5, c.keys().lastName());
      update.setString(6, row.emailKey());
      update.setLong(7, userId);
      update.setLong(8, c.id());
      update.executeUpdate();
      terms.delete(List.of(c.id()));
      terms.insert(List.of(c));
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public void markDeleted(long id, long seq, Instant at) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE other_contacts SET deleted = TRUE, seq = ?, updated_at = ?, body = '{}',"
                + " first_key = '', last_key = '', email_key = '' WHERE user_id = ? AND id = ?")) {
      update.setLong(1, seq);
      update.setLong(2, at.toEpochMilli());
      update.setLong(3, userId);
      update.setLong(4, id);
      update.executeUpdate();
      terms.delete(List.of(id));
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public List<Contact> page(@Nullable Cursor after, long maxSeq, int limit) {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM other_contacts WHERE user_id = ? AND deleted = FALSE AND seq <= ?"
                + " AND seq > ? ORDER BY seq LIMIT ?")) {
      select.setLong(1, userId);
      select.setLong(2, maxSeq);
      select.setLong(3, after == null ? 0 : after.seq());
      select.setInt(4, limit);
      List<Contact> out = new ArrayList<>(limit);
      readAll(select, out);
      return out;
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public List<Contact> changes(long afterSeq, long maxSeq, int limit) {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM other_contacts WHERE user_id = ? AND seq > ? AND seq <= ?"
                + " ORDER BY seq LIMIT ?")) {
      select.setLong(1, userId);
      select.setLong(2, afterSeq);
      select.setLong(3, maxSeq);
      select.setInt(4, limit);
      List<Contact> out = new ArrayList<>();
      readAll(select, out);
      return out;
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public long countLive(long maxSeq) {
    return count(
        "SELECT COUNT(*) FROM other_contacts WHERE user_id = ? AND deleted = FALSE AND seq <= ?"
            + " AND seq > ?",
        maxSeq,
        0);
  }

  @Override
  public long countChanges(long afterSeq, long maxSeq) {
    return count(
        "SELECT COUNT(*) FROM other_contacts WHERE user_id = ? AND seq <= ? AND seq > ?",
        maxSeq,
        afterSeq);
  }

  private long count(String sql, long maxSeq, long afterSeq) {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, userId);
      select.setLong(2, maxSeq);
      select.setLong(3, afterSeq);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public List<Long> search(String prefix, int limit) {
    return terms.search(prefix, limit);
  }

  private static void readAll(PreparedStatement select, List<Contact> out) throws SQLException {
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Contact(
                rs.getLong(1),
                rs.getLong(2),
                Instant.ofEpochMilli(rs.getLong(3)),
                Instant.ofEpochMilli(rs.getLong(4)),
                rs.getBoolean(5),
                rs.getString(6),
                new ContactKeys(rs.getString(7), rs.getString(8), List.of()),
                0));
      }
    }
  }
}

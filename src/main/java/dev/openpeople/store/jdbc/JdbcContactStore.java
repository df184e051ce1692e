// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactKeys;
import dev.openpeople.contact.ContactStore;
import dev.openpeople.contact.Cursor;
import dev.openpeople.contact.SortOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Contacts of one user in the {@code contacts} and {@code contact_terms} tables. The {@code seq}
 * column with its unique index is the per-user change log: a change rewrites the row with a new
 * sequence number, a delete leaves a tombstone, so an incremental sync reads O(changes) rows.
 */
final class JdbcContactStore implements ContactStore {
  private static final String COLUMNS =
      "id, seq, created_at, updated_at, deleted, body, first_key, last_key, photo_version";
  private static final int IN_CHUNK = 500;

  private final Connection connection;
  private final long userId;
  private final SearchTerms terms;

  JdbcContactStore(Connection connection, long userId) {
    this.connection = connection;
    this.userId = userId;
    this.terms = new SearchTerms(connection, userId, "contact_terms", "contact_id");
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
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      String sql =
          "SELECT " + COLUMNS + " FROM contacts WHERE user_id = ? AND id IN (" + marks + ")";
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
  public void insert(List<Contact> contacts) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO contacts (user_id, id, seq, created_at, updated_at, deleted, body,"
                + " first_key, last_key, photo_version) VALUES (?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?)"
                // A tombstone's id may be taken again (a CardDAV card re-created at its old
                // resource name); a live contact's never: then no row changes (checked below).
                + " ON CONFLICT (user_id, id) DO UPDATE SET seq = excluded.seq,"
                + " created_at = excluded.created_at, updated_at = excluded.updated_at,"
                + " deleted = FALSE, body = excluded.body, first_key = excluded.first_key,"
                + " last_key = excluded.last_key, photo_version = excluded.photo_version"
                + " WHERE contacts.deleted")) {
      for (Contact c : contacts) {
        insert.setLong(1, userId);
        insert.setLong(2, c.id());
        insert.setLong(3, c.seq());
        insert.setLong(4, c.created().toEpochMilli());
        insert.setLong(5, c.updated().toEpochMilli());
        insert.setString(6, c.body());
        insert.setString(7, c.keys().firstName());
        insert.setString(8, c.keys().lastName());
        insert.setLong(9, c.photoVersion());
        insert.addBatch();
      }
      for (int count : insert.executeBatch()) {
        if (count == 0) {
          throw Sql.failure(new SQLException("contact id taken", "23505"));
        }
      }
      terms.insert(contacts);
      Map<String, Long> delta = new HashMap<>();
      insertMembers(contacts, delta);
      JdbcGroupStore.addToCounts(connection, userId, delta);
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public void update(List<Contact> contacts) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE contacts SET seq = ?, updated_at = ?, body = ?, first_key = ?, last_key = ?,"
                + " photo_version = ? WHERE user_id = ? AND id = ?")) {
      for (Contact c : contacts) {
        update.setLong(1, c.seq());
        update.setLong(2, c.updated().toEpochMilli());
        update.setString(3, c.body());
        update.setString(4, c.keys().firstName());
        update.setString(5, c.keys().lastName());
        update.setLong(6, c.photoVersion());
        update.setLong(7, userId);
        update.setLong(8, c.id());
        update.addBatch();
      }
      update.executeBatch();
      List<Long> ids = contacts.stream().map(Contact::id).toList();
      terms.delete(ids);
      terms.insert(contacts);
      replaceMembers(ids, contacts);
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public void updateMemberships(List<Contact> contacts) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE contacts SET seq = ?, updated_at = ?, body = ? WHERE user_id = ? AND id = ?")) {
      for (Contact c : contacts) {
        update.setLong(1, c.seq());
        update.setLong(2, c.updated().toEpochMilli());
        update.setString(3, c.body());
        update.setLong(4, userId);
        update.setLong(5, c.id());
        update.addBatch();
      }
      update.executeBatch();
      replaceMembers(contacts.stream().map(Contact::id).toList(), contacts);
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public void touch(Contact contact) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE contacts SET seq = ?, updated_at = ?, photo_version = ?"
                + " WHERE user_id = ? AND id = ?")) {
      update.setLong(1, contact.seq());
      update.setLong(2, contact.updated().toEpochMilli());
      update.setLong(3, contact.photoVersion());
      update.setLong(4, userId);
      update.setLong(5, contact.id());
      update.executeUpdate();
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public void markDeleted(long id, long seq, Instant at) {
    try (PreparedStatement update =
        connection.prepareStatement(
            // The body stays until the tombstone is purged: a CardDAV sync names a removed card
            // by the resource name kept in it.
            "UPDATE contacts SET deleted = TRUE, seq = ?, updated_at = ?,"
                + " first_key = '', last_key = '', photo_version = 0 WHERE user_id = ? AND id = ?")) {
      update.setLong(1, seq);
      update.setLong(2, at.toEpochMilli());
      update.setLong(3, userId);
      update.setLong(4, id);
      update.executeUpdate();
      terms.delete(List.of(id));
      replaceMembers(List.of(id), List.of());
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public List<Contact> page(SortOrder order, @Nullable Cursor after, long maxSeq, int limit) {
    String base =
        "SELECT " + COLUMNS + " FROM contacts WHERE user_id = ? AND deleted = FALSE AND seq <= ?";
    String sql =
        switch (order) {
          case LAST_MODIFIED_ASCENDING ->
              base + (after == null ? "" : " AND seq > ?") + " ORDER BY seq LIMIT ?";
          case LAST_MODIFIED_DESCENDING ->
              base + (after == null ? "" : " AND seq < ?") + " ORDER BY seq DESC LIMIT ?";
          case FIRST_NAME_ASCENDING ->
              base
                  + (after == null ? "" : " AND (first_key, id) > (?, ?)")
                  + " ORDER BY first_key, id LIMIT ?";
          case LAST_NAME_ASCENDING ->
              base
                  + (after == null ? "" : " AND (last_key, id) > (?, ?)")
                  + " ORDER BY last_key, id LIMIT ?";
        };
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      int i = 1;
      select.setLong(i++, userId);
      select.setLong(i++, maxSeq);
      if (after != null) {
        switch (order) {
          case LAST_MODIFIED_ASCENDING, LAST_MODIFIED_DESCENDING ->
              select.setLong(i++, after.seq());
          default -> {
            select.setString(i++, after.key());
            select.setLong(i++, after.id());
          }
        }
      }
      select.setInt(i, limit);
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
                + " FROM contacts WHERE user_id = ? AND seq > ? AND seq <= ?"
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
        "SELECT COUNT(*) FROM contacts WHERE user_id = ? AND deleted = FALSE AND seq <= ?",
        maxSeq,
        null);
  }

  @Override
  public long countChanges(long afterSeq, long maxSeq) {
    return count(
        "SELECT COUNT(*) FROM contacts WHERE user_id = ? AND seq <= ? AND seq > ?",
        maxSeq,
        afterSeq);
  }

  private long count(String sql, long maxSeq, @Nullable Long afterSeq) {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, userId);
      select.setLong(2, maxSeq);
      if (afterSeq != null) {
        select.setLong(3, afterSeq);
      }
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

  /**
   * The membership index: one row per group of each contact (ContactKeys.groups), and the per-group
   * member counts kept in step with it.
   */
  private void replaceMembers(List<Long> ids, List<Contact> contacts) throws SQLException {
    Map<String, Long> delta = new HashMap<>();
    deleteMembers(ids, delta);
    insertMembers(contacts, delta);
    JdbcGroupStore.addToCounts(connection, userId, delta);
  }

  private void insertMembers(List<Contact> contacts, Map<String, Long> delta) throws SQLException {
    boolean any = false;
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO group_members (user_id, group_id, contact_id) VALUES (?, ?, ?)")) {
      for (Contact c : contacts) {
        for (String group : new LinkedHashSet<>(c.keys().groups())) {
          insert.setLong(1, userId);
          insert.setString(2, group);
          insert.setLong(3, c.id());
          insert.addBatch();
          delta.merge(group, 1L, Long::sum);
          any = true;
        }
      }
      if (any) {
        insert.executeBatch();
      }
    }
  }

  private void deleteMembers(List<Long> ids, Map<String, Long> delta) throws SQLException {
    boolean any = false;
    for (int start = 0; start < ids.size(); start += IN_CHUNK) {
      List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + IN_CHUNK));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT group_id, COUNT(*) FROM group_members WHERE user_id = ? AND contact_id IN ("
                  + marks
                  + ") GROUP BY group_id")) {
        select.setLong(1, userId);
        for (int i = 0; i < chunk.size(); i++) {
          select.setLong(i + 2, chunk.get(i));
        }
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            delta.merge(rs.getString(1), -rs.getLong(2), Long::sum);
            any = true;
          }
        }
      }
    }
    if (!any) {
      return;
    }
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM group_members WHERE user_id = ? AND contact_id = ?")) {
      for (long id : ids) {
        delete.setLong(1, userId);
        delete.setLong(2, id);
        delete.addBatch();
      }
      delete.executeBatch();
    }
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
                rs.getLong(9)));
      }
    }
  }
}

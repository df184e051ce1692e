// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.ContactGroup;
import dev.openpeople.contact.GroupStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Contact groups of one user in {@code contact_groups} (the {@code seq} column is their change log,
 * as for contacts) and reads of the {@code group_members} index, which {@link JdbcContactStore}
 * writes with every contact.
 */
final class JdbcGroupStore implements GroupStore {
  private static final String COLUMNS = "id, seq, updated_at, deleted, name, client_data";
  private static final int IN_CHUNK = 500;

  private final Connection connection;
  private final long userId;

  JdbcGroupStore(Connection connection, long userId) {
    this.connection = connection;
    this.userId = userId;
  }

  @Override
  public Optional<ContactGroup> get(String id) {
    List<ContactGroup> found = getAll(List.of(id));
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public List<ContactGroup> getAll(Collection<String> ids) {
    List<ContactGroup> out = new ArrayList<>(ids.size());
    List<String> all = new ArrayList<>(ids);
    for (int start = 0; start < all.size(); start += IN_CHUNK) {
      List<String> chunk = all.subList(start, Math.min(all.size(), start + IN_CHUNK));
      String sql =
          "SELECT "
              + COLUMNS
              + " FROM contact_groups WHERE user_id = ? AND deleted = FALSE AND id IN ("
              + marks(chunk.size())
              + ")";
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setLong(1, userId);
        for (int i = 0; i < chunk.size(); i++) {
          select.setString(i + 2, chunk.get(i));
        }
        readAll(select, out);
      } catch (SQLException e) {
        throw Sql.failure(e);
      }
    }
    return out;
  }

  @Override
  public Optional<ContactGroup> byName(String name) {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM contact_groups WHERE user_id = ? AND deleted = FALSE AND name = ?")) {
      select.setLong(1, userId);
      select.setString(2, name);
      List<ContactGroup> out = new ArrayList<>(1);
      readAll(select, out);
      return out.isEmpty() ? Optional.empty() : Optional.of(out.get(0));
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public void insert(ContactGroup group) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO contact_groups (user_id, id, seq, updated_at, deleted, name, client_data)"
                + " VALUES (?, ?, ?, ?, FALSE, ?, ?)")) {
      insert.setLong(1, userId);
      insert.setString(2, group.id());
      insert.setLong(3, group.seq());
      insert.setLong(4, group.updated().toEpochMilli());
      insert.setString(5, group.name());
      insert.setString(6, group.clientData());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public void update(ContactGroup group) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE contact_groups SET seq = ?, updated_at = ?, name = ?, client_data = ?"
                + " WHERE user_id = ? AND id = ?")) {
      update.setLong(1, group.seq());
      update.setLong(2, group.updated().toEpochMilli());
      update.setString(3, group.name());
      update.setString(4, group.clientData());
      update.setLong(5, userId);
      update.setString(6, group.id());
      update.executeUpdate();
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public void markDeleted(String id, long seq, Instant at) {
    try (PreparedStatement update =
            connection.prepareStatement(
                "UPDATE contact_groups SET deleted = TRUE, seq = ?, updated_at = ?,"
                    + " client_data = '[]' WHERE user_id = ? AND id = ?");
        PreparedStatement members =
            connection.prepareStatement(
                "DELETE FROM group_members WHERE user_id = ? AND group_id = ?");
        PreparedStatement counts =
            connection.prepareStatement(
                "DELETE FROM group_counts WHERE user_id = ? AND group_id = ?")) {
      update.setLong(1, seq);
      update.setLong(2, at.toEpochMilli());
      update.setLong(3, userId);
      update.setString(4, id);
      update.executeUpdate();
      members.setLong(1, userId);
      members.setString(2, id);
      members.executeUpdate();
      counts.setLong(1, userId);
      counts.setString(2, id);
      counts.executeUpdate();
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public List<ContactGroup> page(@Nullable String afterId, long maxSeq, int limit) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM contact_groups WHERE user_id = ? AND deleted = FALSE AND seq <= ?"
            + (afterId == null ? "" : " AND id > ?")
            + " ORDER BY id LIMIT ?";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      int i = 1;
      select.setLong(i++, userId);
      select.setLong(i++, maxSeq);
      if (afterId != null) {
        select.setString(i++, afterId);
      }
      select.setInt(i, limit);
      List<ContactGroup> out = new ArrayList<>();
      readAll(select, out);
      return out;
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public List<ContactGroup> changes(long afterSeq, long maxSeq, int limit) {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM contact_groups WHERE user_id = ? AND seq > ? AND seq <= ?"
                + " ORDER BY seq LIMIT ?")) {
      select.setLong(1, userId);
      select.setLong(2, afterSeq);
      select.setLong(3, maxSeq);
      select.setInt(4, limit);
      List<ContactGroup> out = new ArrayList<>();
      readAll(select, out);
      return out;
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public long countLive(long maxSeq) {
    return count(
        "SELECT COUNT(*) FROM contact_groups WHERE user_id = ? AND deleted = FALSE AND seq <= ?",
        maxSeq,
        -1);
  }

  @Override
  public long countChanges(long afterSeq, long maxSeq) {
    return count(
        "SELECT COUNT(*) FROM contact_groups WHERE user_id = ? AND seq <= ? AND seq > ?",
        maxSeq,
        afterSeq);
  }

  private long count(String sql, long maxSeq, long afterSeq) {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, userId);
      select.setLong(2, maxSeq);
      if (afterSeq >= 0) {
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
  public Map<String, Long> memberCounts(Collection<String> groupIds) {
    Map<String, Long> out = new HashMap<>();
    List<String> all = new ArrayList<>(groupIds);
    for (int start = 0; start < all.size(); start += IN_CHUNK) {
      List<String> chunk = all.subList(start, Math.min(all.size(), start + IN_CHUNK));
      String sql =
          "SELECT group_id, members FROM group_counts WHERE user_id = ? AND members > 0"
              + " AND group_id IN ("
              + marks(chunk.size())
              + ")";
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setLong(1, userId);
        for (int i = 0; i < chunk.size(); i++) {
          select.setString(i + 2, chunk.get(i));
        }
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), rs.getLong(2));
          }
        }
      } catch (SQLException e) {
        throw Sql.failure(e);
      }
    }
    return out;
  }

  /** Adds net membership changes to the per-group counts (zero changes write nothing). */
  static void addToCounts(Connection connection, long userId, Map<String, Long> delta)
      throws SQLException {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO group_counts (user_id, group_id, members) VALUES (?, ?, ?)"
                + " ON CONFLICT (user_id, group_id)"
                + " DO UPDATE SET members = group_counts.members + excluded.members")) {
      boolean any = false;
      for (Map.Entry<String, Long> change : delta.entrySet()) {
        if (change.getValue() != 0) {
          upsert.setLong(1, userId);
          upsert.setString(2, change.getKey());
          upsert.setLong(3, change.getValue());
          upsert.addBatch();
          any = true;
        }
      }
      if (any) {
        upsert.executeBatch();
      }
    }
  }

  @Override
  public List<Long> members(String groupId, int limit) {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT contact_id FROM group_members WHERE user_id = ? AND group_id = ?"
                + " ORDER BY contact_id LIMIT ?")) {
      select.setLong(1, userId);
      select.setString(2, groupId);
      select.setInt(3, limit);
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  private static String marks(int count) {
    return String.join(",", Collections.nCopies(count, "?"));
  }

  private static void readAll(PreparedStatement select, List<ContactGroup> out)
      throws SQLException {
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        out.add(
            new ContactGroup(
                rs.getString(1),
                rs.getLong(2),
                Instant.ofEpochMilli(rs.getLong(3)),
                rs.getBoolean(4),
                rs.getString(5),
                rs.getString(6)));
      }
    }
  }
}

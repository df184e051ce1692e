// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.ContactGroup;
import dev.openpeople.contact.GroupStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
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
final class JdbcGroupStore extends JdbcChangeLog<String, ContactGroup> implements GroupStore {
  private static final String COLUMNS = "id, seq, updated_at, deleted, name, client_data";

  JdbcGroupStore(Connection connection, long userId) {
    super(
        connection,
        userId,
        "contact_groups",
        COLUMNS,
        JdbcGroupStore::group,
        ContactGroup::deleted);
  }

  @Override
  public Optional<ContactGroup> byName(String name) {
    return select(1, " WHERE user_id = ? AND deleted = FALSE AND name = ?", userId, name).stream()
        .findFirst();
  }

  @Override
  public void insert(ContactGroup group) {
    sql.update(
        "INSERT INTO contact_groups (user_id, id, seq, updated_at, deleted, name, client_data)"
            + " VALUES (?, ?, ?, ?, FALSE, ?, ?)",
        userId,
        group.id(),
        group.seq(),
        group.updated().toEpochMilli(),
        group.name(),
        group.clientData());
  }

  @Override
  public void update(ContactGroup group) {
    sql.update(
        "UPDATE contact_groups SET seq = ?, updated_at = ?, name = ?, client_data = ?"
            + " WHERE user_id = ? AND id = ?",
        group.seq(),
        group.updated().toEpochMilli(),
        group.name(),
        group.clientData(),
        userId,
        group.id());
  }

  @Override
  public void markDeleted(String id, long seq, Instant at) {
    sql.update(
        "UPDATE contact_groups SET deleted = TRUE, seq = ?, updated_at = ?,"
            + " client_data = '[]' WHERE user_id = ? AND id = ?",
        seq,
        at.toEpochMilli(),
        userId,
        id);
    sql.update("DELETE FROM group_members WHERE user_id = ? AND group_id = ?", userId, id);
    sql.update("DELETE FROM group_counts WHERE user_id = ? AND group_id = ?", userId, id);
  }

  @Override
  public List<ContactGroup> page(@Nullable String afterId, long maxSeq, int limit) {
    String live = " WHERE user_id = ? AND deleted = FALSE AND seq <= ?";
    return afterId == null
        ? select(limit, live + " ORDER BY id LIMIT ?", userId, maxSeq, limit)
        : select(limit, live + " AND id > ? ORDER BY id LIMIT ?", userId, maxSeq, afterId, limit);
  }

  @Override
  public Map<String, Long> memberCounts(Collection<String> groupIds) {
    Map<String, Long> out = new HashMap<>();
    sql.eachIn(
        "SELECT group_id, members FROM group_counts WHERE user_id = ? AND members > 0"
            + " AND group_id IN (%s)",
        userId, groupIds, rs -> out.put(rs.getString(1), rs.getLong(2)));
    return out;
  }

  /** Adds net membership changes to the per-group counts (zero changes write nothing). */
  static void addToCounts(Statements sql, long userId, Map<String, Long> delta)
      throws SQLException {
    List<Map.Entry<String, Long>> changes =
        delta.entrySet().stream().filter(change -> change.getValue() != 0).toList();
    sql.batch(
        "INSERT INTO group_counts (user_id, group_id, members) VALUES (?, ?, ?)"
            + " ON CONFLICT (user_id, group_id)"
            + " DO UPDATE SET members = group_counts.members + excluded.members",
        changes,
        (upsert, change) -> {
          upsert.setLong(1, userId);
          upsert.setString(2, change.getKey());
          upsert.setLong(3, change.getValue());
        });
  }

  @Override
  public List<Long> members(String groupId, int limit) {
    return sql.select(
        "SELECT contact_id FROM group_members WHERE user_id = ? AND group_id = ?"
            + " ORDER BY contact_id LIMIT ?",
        rs -> rs.getLong(1),
        userId,
        groupId,
        limit);
  }

  private static ContactGroup group(ResultSet rs) throws SQLException {
    return new ContactGroup(
        rs.getString(1),
        rs.getLong(2),
        Instant.ofEpochMilli(rs.getLong(3)),
        rs.getBoolean(4),
        rs.getString(5),
        rs.getString(6));
  }
}

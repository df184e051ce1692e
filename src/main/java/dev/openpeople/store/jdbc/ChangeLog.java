// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The reads every table of a user's change log shares ({@code contacts}, {@code contact_groups},
 * {@code other_contacts}): each row has the user's {@code id}, its {@code seq} (unique per user; a
 * change rewrites it) and a {@code deleted} flag (deletes leave tombstones), so an incremental sync
 * reads O(changes) rows in {@code seq} order.
 *
 * @param columns the columns {@code reader} reads, in order
 */
record ChangeLog<T>(
    Statements sql, long userId, String table, String columns, Statements.RowReader<T> reader) {

  /**
   * The rows with these ids, tombstones included: callers drop them in Java, since "deleted =
   * FALSE" in SQL makes SQLite's planner probe the tombstone index and scan every live row.
   */
  List<T> byIds(Collection<?> ids) {
    List<T> out = new ArrayList<>(ids.size());
    sql.eachIn(
        "SELECT " + columns + " FROM " + table + " WHERE user_id = ? AND id IN (%s)",
        userId,
        ids,
        rs -> out.add(reader.read(rs)));
    return out;
  }

  /** Rows changed (tombstones included) after {@code afterSeq} up to {@code maxSeq}, in order. */
  List<T> changes(long afterSeq, long maxSeq, int limit) {
    return sql.select(
        "SELECT "
            + columns
            + " FROM "
            + table
            + " WHERE user_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
        reader,
        userId,
        afterSeq,
        maxSeq,
        limit);
  }

  /** Live rows after {@code afterSeq} up to {@code maxSeq}, in {@code seq} order. */
  List<T> liveBySeq(long afterSeq, long maxSeq, int limit) {
    return sql.select(
        new ArrayList<>(limit),
        "SELECT "
            + columns
            + " FROM "
            + table
            + " WHERE user_id = ? AND deleted = FALSE AND seq <= ? AND seq > ? ORDER BY seq LIMIT ?",
        reader,
        userId,
        maxSeq,
        afterSeq,
        limit);
  }

  long countLive(long maxSeq) {
    return sql.number(
        "SELECT COUNT(*) FROM " + table + " WHERE user_id = ? AND deleted = FALSE AND seq <= ?",
        userId,
        maxSeq);
  }

  long countChanges(long afterSeq, long maxSeq) {
    return sql.number(
        "SELECT COUNT(*) FROM " + table + " WHERE user_id = ? AND seq <= ? AND seq > ?",
        userId,
        maxSeq,
        afterSeq);
  }
}

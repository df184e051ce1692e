// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the stores of a user's change-log tables share ({@code contacts}, {@code contact_groups},
 * {@code other_contacts}): each row has the user's {@code id}, its {@code seq} (unique per user; a
 * change rewrites it) and a {@code deleted} flag (deletes leave tombstones), so an incremental sync
 * reads O(changes) rows in {@code seq} order.
 *
 * @param <K> the row id's type
 * @param <T> the row type
 */
abstract class JdbcChangeLog<K, T> {
  final Statements sql;
  final long userId;
  private final String table;
  private final String columns;
  private final Statements.RowReader<T> reader;
  private final Predicate<T> tombstone;

  /**
   * @param columns the columns {@code reader} reads, in order
   * @param tombstone true for a deleted row
   */
  JdbcChangeLog(
      Connection connection,
      long userId,
      String table,
      String columns,
      Statements.RowReader<T> reader,
      Predicate<T> tombstone) {
    this.sql = new Statements(connection);
    this.userId = userId;
    this.table = table;
    this.columns = columns;
    this.reader = reader;
    this.tombstone = tombstone;
  }

  /**
   * The live rows with these ids. Tombstones are dropped here, not with "deleted = FALSE" in SQL:
   * that term makes SQLite's planner probe the tombstone index and scan every live row of the user.
   */
  public final List<T> getAll(Collection<K> ids) {
    List<T> out = new ArrayList<>(ids.size());
    sql.eachIn(
        "SELECT " + columns + " FROM " + table + " WHERE user_id = ? AND id IN (%s)",
        userId,
        ids,
        rs -> out.add(reader.read(rs)));
    out.removeIf(tombstone);
    return out;
  }

  /** The rows of a SELECT of this table's columns; {@code where} follows the table name. */
  final List<T> select(int expected, String where, Object... args) {
    return sql.select(
        new ArrayList<>(expected), "SELECT " + columns + " FROM " + table + where, reader, args);
  }

  /** Live rows after {@code afterSeq} up to {@code maxSeq}, in {@code seq} order. */
  final List<T> liveBySeq(long afterSeq, long maxSeq, int limit) {
    return select(
        limit,
        " WHERE user_id = ? AND deleted = FALSE AND seq <= ? AND seq > ? ORDER BY seq LIMIT ?",
        userId,
        maxSeq,
        afterSeq,
        limit);
  }

  /** Rows changed (tombstones included) after {@code afterSeq} up to {@code maxSeq}, in order. */
  public final List<T> changes(long afterSeq, long maxSeq, int limit) {
    return select(
        0,
        " WHERE user_id = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
        userId,
        afterSeq,
        maxSeq,
        limit);
  }

  public final long countLive(long maxSeq) {
    return sql.number(
        "SELECT COUNT(*) FROM " + table + " WHERE user_id = ? AND deleted = FALSE AND seq <= ?",
        userId,
        maxSeq);
  }

  public final long countChanges(long afterSeq, long maxSeq) {
    return sql.number(
        "SELECT COUNT(*) FROM " + table + " WHERE user_id = ? AND seq <= ? AND seq > ?",
        userId,
        maxSeq,
        afterSeq);
  }

  /**
   * The sequence of the last change made at or before {@code cutoff} (0 if none): read backwards on
   * the {@code (user_id, seq)} index, so it costs the changes made since.
   */
  public final long lastSeqAsOf(Instant cutoff) {
    return sql.number(
        "SELECT COALESCE(MAX(seq), 0) FROM (SELECT seq FROM "
            + table
            + " WHERE user_id = ? AND updated_at <= ? ORDER BY seq DESC LIMIT 1) last_change",
        userId,
        cutoff.toEpochMilli());
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.SQLException;

/** What differs between the SQL backends: connection setup, migrations and locking. */
public interface Dialect {
  /** Pool settings: JDBC URL, size and per-connection properties. */
  void configure(HikariConfig config);

  /** Flyway location of this dialect's migrations, e.g. {@code classpath:db/migration/sqlite}. */
  String migrations();

  /**
   * True when writes must be serialized in-process: SQLite allows one writer, and waiting in Java
   * avoids SQLITE_BUSY on lock upgrades.
   */
  boolean serializeWrites();

  /**
   * True when every write transaction should run on one dedicated connection: SQLite empties a
   * connection's page cache when another connection has written since it last read, so writes
   * spread over the pool re-read their B-tree pages from the file each time.
   */
  default boolean oneWriterConnection() {
    return false;
  }

  /** Starts a read transaction on a consistent snapshot. */
  void beginRead(Connection connection) throws SQLException;

  /**
   * The clause that makes a SELECT of a user's row lock it for the rest of the transaction ("" when
   * writes are serialized anyway, as on SQLite: {@link #serializeWrites}).
   */
  String lockRowClause();

  /**
   * SQL run after users were inserted with explicit ids, so later users get larger ones ("" when
   * the database keeps track itself, as SQLite's AUTOINCREMENT does).
   */
  default String afterExplicitUserIds() {
    return "";
  }

  /**
   * A query of the names of the tables whose planner statistics are stale enough to refresh with
   * {@code ANALYZE} ({@link PlannerStatistics}), or "" when the database keeps them itself or its
   * planner needs none.
   */
  default String staleStatistics() {
    return "";
  }

  /** Releases anything the dialect holds beyond the pool. */
  default void close() {}
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import dev.openpeople.store.jdbc.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL: many nodes may share it; a user's writes serialize on a row lock of the user, which
 * keeps the per-user change sequence gap-free in commit order.
 */
public final class PostgresDialect implements Dialect {
  private final String jdbcUrl;

  /** {@code url} is {@code postgresql://host[:port]/db[?user=..&password=..]}. */
  public PostgresDialect(String url) {
    this.jdbcUrl = "jdbc:" + url;
  }

  @Override
  public void configure(HikariConfig config) {
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(16);
  }

  @Override
  public String migrations() {
    return "classpath:db/migration/postgresql";
  }

  @Override
  public boolean serializeWrites() {
    return false;
  }

  @Override
  public void beginRead(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
    connection.setReadOnly(true);
    // For this transaction only: Connection.setTransactionIsolation would send a SET SESSION
    // CHARACTERISTICS now and the pool another to undo it when the connection is returned, two
    // round trips per read where this statement, sent with the BEGIN, takes one.
    try (Statement isolation = connection.createStatement()) {
      isolation.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    }
  }

  @Override
  public String lockRowClause() {
    return " FOR UPDATE";
  }

  /**
   * Tables changed by more than 1,000 rows plus their size at the last analysis (so a growing table
   * is analyzed at about every doubling), and whose last analysis, by autovacuum or by hand, is
   * older than those changes: autovacuum analyzes after 10% and only on its rounds
   * (https://www.postgresql.org/docs/current/routine-vacuuming.html#AUTOVACUUM), and may be off.
   */
  @Override
  public String staleStatistics() {
    return "SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid"
        + " WHERE s.schemaname = current_schema()"
        + " AND s.n_mod_since_analyze > 1000 + GREATEST(c.reltuples, 0)";
  }

  @Override
  public String afterExplicitUserIds() {
    return "SELECT setval(pg_get_serial_sequence('users', 'id'),"
        + " (SELECT COALESCE(MAX(id), 1) FROM users))";
  }
}

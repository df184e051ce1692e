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
  public String lockUser() {
    return "SELECT id, email, last_seq, profile, created_at FROM users WHERE email = ? FOR UPDATE";
  }

  @Override
  public String afterExplicitUserIds() {
    return "SELECT setval(pg_get_serial_sequence('users', 'id'),"
        + " (SELECT COALESCE(MAX(id), 1) FROM users))";
  }
}

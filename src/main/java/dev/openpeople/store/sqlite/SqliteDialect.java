// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.sqlite;

import com.zaxxer.hikari.HikariConfig;
import dev.openpeople.store.jdbc.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * SQLite: a file in WAL mode with full fsync on commit (writes are durable when acknowledged), or a
 * private in-memory database kept alive by one anchor connection.
 */
public final class SqliteDialect implements Dialect {
  private final String url;
  private final boolean memory;
  private @Nullable Connection anchor;

  private SqliteDialect(String url, boolean memory) {
    this.url = url;
    this.memory = memory;
  }

  public static SqliteDialect file(String path) {
    return new SqliteDialect("jdbc:sqlite:" + path, false);
  }

  /** A fresh in-memory database; it lives until {@link #close()}. */
  public static SqliteDialect memory() {
    String name = "openpeople-" + UUID.randomUUID();
    SqliteDialect dialect =
        new SqliteDialect("jdbc:sqlite:file:" + name + "?mode=memory&cache=shared", true);
    try {
      dialect.anchor = DriverManager.getConnection(dialect.url);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open in-memory SQLite", e);
    }
    return dialect;
  }

  @Override
  public void configure(HikariConfig config) {
    config.setJdbcUrl(url);
    config.addDataSourceProperty("foreign_keys", "true");
    // Savepoints (group commit) journal in memory rather than in a temporary file per transaction.
    config.addDataSourceProperty("temp_store", "MEMORY");
    if (!url.contains("busy_timeout=")) {
      // How long a write waits for another process's lock before SQLITE_BUSY (409 ABORTED); a
      // file URL may set its own, e.g. sqlite:/var/lib/openpeople.db?busy_timeout=5000.
      config.addDataSourceProperty("busy_timeout", "30000");
    }
    if (memory) {
      // Shared-cache memory databases lock whole tables; one connection avoids SQLITE_LOCKED.
      config.setMaximumPoolSize(1);
    } else {
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("synchronous", "FULL");
      // The WAL is copied back into the database file every 10,000 pages (about 40 MB) instead of
      // SQLite's 1,000: a page written again and again (a user's row, the tail of the seq index,
      // group counts) is copied once per checkpoint, and each copy is a read and a write. Commits
      // stay as durable (each one is in the fsync'd WAL); the WAL file keeps its largest size.
      config.setConnectionInitSql("PRAGMA wal_autocheckpoint=10000");
      config.setMaximumPoolSize(8);
    }
  }

  @Override
  public String migrations() {
    return "classpath:db/migration/sqlite";
  }

  @Override
  public boolean serializeWrites() {
    return true;
  }

  @Override
  public void beginRead(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
  }

  @Override
  public String lockRowClause() {
    return "";
  }

  /** A file's writes share one connection; an in-memory database has a single one anyway. */
  @Override
  public boolean oneWriterConnection() {
    return !memory;
  }

  @Override
  public void close() {
    if (anchor != null) {
      try {
        anchor.close();
      } catch (SQLException e) {
        // Closing an in-memory database cannot lose anything that matters.
      }
    }
  }
}

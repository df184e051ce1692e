// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import dev.openpeople.contact.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A database migrated only up to an older version and given rows there, then opened by the current
 * storage (which migrates it the rest of the way): how the backfill tests check a migration's data
 * step on SQLite and on PostgreSQL (127.0.0.1:5432; fails, never skips, when unreachable).
 */
final class OldDatabases {
  private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  /** Writes the old version's rows. */
  @FunctionalInterface
  interface Rows {
    void insert(Statement statement) throws Exception;
  }

  /** Checks the migrated storage. */
  @FunctionalInterface
  interface Check {
    void check(Storage storage) throws Exception;
  }

  private OldDatabases() {}

  /** A SQLite file in {@code dir} at migration {@code version} with {@code rows}, then checked. */
  static void sqlite(Path dir, String version, Rows rows, Check check) throws Exception {
    Path file = dir.resolve("old.db");
    Files.createDirectories(dir);
    write("jdbc:sqlite:" + file, "sqlite", version, rows);
    try (Storage storage = Storages.open("sqlite:" + file)) {
      check.check(storage);
    }
  }

  /** A fresh PostgreSQL database at migration {@code version} with {@code rows}, then checked. */
  static void postgresql(String version, Rows rows, Check check) throws Exception {
    freshPostgresql(
        url -> {
          write("jdbc:" + url, "postgresql", version, rows);
          try (Storage storage = Storages.open(url)) {
            check.check(storage);
          }
        });
  }

  /** Work on the storage URL of a PostgreSQL database. */
  interface OnDatabase {
    void run(String storageUrl) throws Exception;
  }

  /** Runs {@code work} on a fresh PostgreSQL database, dropped afterwards. */
  static void freshPostgresql(OnDatabase work) throws Exception {
    String database =
        "openpeople_u_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(ADMIN);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
    try {
      work.run("postgresql://127.0.0.1:5432/" + database + "?user=postgres");
    } finally {
      try (Connection c = DriverManager.getConnection(ADMIN);
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    }
  }

  private static void write(String jdbcUrl, String dialect, String version, Rows rows)
      throws Exception {
    Flyway.configure()
        .dataSource(jdbcUrl, null, null)
        .locations("classpath:db/migration/" + dialect)
        .target(version)
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement()) {
      rows.insert(s);
    }
  }
}

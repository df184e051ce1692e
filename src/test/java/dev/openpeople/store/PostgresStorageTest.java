// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import dev.openpeople.contact.Storage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The storage contract on PostgreSQL (127.0.0.1:5432); fails, never skips, when unreachable. */
class PostgresStorageTest implements StorageContract {
  private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
  private String database;
  private Storage storage;

  @BeforeEach
  void open() throws Exception {
    database = "openpeople_s_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(ADMIN);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
    storage = Storages.open("postgresql://127.0.0.1:5432/" + database + "?user=postgres");
  }

  @Override
  public Storage storage() {
    return storage;
  }

  @AfterEach
  void close() throws Exception {
    storage.close();
    try (Connection c = DriverManager.getConnection(ADMIN);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.contact.Contact;
import dev.openpeople.contact.Storage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

  /**
   * After a bulk write the contacts table is analyzed by the server itself ({@code analyze_count}
   * counts explicit ANALYZE only, not autovacuum's), so keyset pages are planned as index scans
   * even where autovacuum is off or has not come round yet.
   */
  @Test
  void bulkWritesRefreshThePlannersStatistics() throws Exception {
    Contact[] contacts = new Contact[1500];
    for (int i = 0; i < contacts.length; i++) {
      contacts[i] = TestContacts.contact(i + 1, i + 1, "g" + i, "f" + i, "g" + i);
    }
    insert("bulk@example.com", contacts);
    // The refresh runs after a write, at most once a second, off the writer's thread: later
    // writes (changing nothing) give it its next chances.
    long deadline = System.nanoTime() + 20_000_000_000L;
    long analyzed = 0;
    while (analyzed == 0 && System.nanoTime() < deadline) {
      Thread.sleep(300);
      storage.write("bulk@example.com", s -> s.contacts().get(1).isPresent());
      try (Connection c =
              DriverManager.getConnection(
                  "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres");
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'contacts'")) {
        analyzed = rs.next() ? rs.getLong(1) : 0;
      }
    }
    assertThat(analyzed).isPositive();
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

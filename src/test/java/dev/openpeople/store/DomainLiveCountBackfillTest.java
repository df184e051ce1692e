// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.contact.SharedContactQuery;
import dev.openpeople.contact.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V12 counts the live shared contacts a version-11 database holds, on both backends. */
class DomainLiveCountBackfillTest {
  private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  @TempDir Path dir;

  private static void writeVersion11(String jdbcUrl, String dialect) throws Exception {
    Flyway.configure()
        .dataSource(jdbcUrl, null, null)
        .locations("classpath:db/migration/" + dialect)
        .target("11")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO domains (name, last_seq) VALUES ('old.test', 3), ('other.test', 1)");
      s.execute(
          "INSERT INTO shared_contacts (domain, id, seq, created_at, updated_at, deleted, entry,"
              + " person, search_text) VALUES"
              + " ('old.test', 'a', 1, 0, 0, FALSE, '{}', '{}', ''),"
              + " ('old.test', 'b', 2, 0, 0, TRUE, '{}', '{}', ''),"
              + " ('old.test', 'c', 3, 0, 0, FALSE, '{}', '{}', ''),"
              + " ('other.test', 'a', 1, 0, 0, FALSE, '{}', '{}', '')");
    }
  }

  private static void assertCounted(Storage storage) {
    Long count =
        storage.readDomain(
            "old.test",
            s -> s.sharedContacts().changeLog(SharedContactQuery.LIVE_BY_ID).count(s.lastSeq()));
    assertThat(count).isEqualTo(2);
  }

  @Test
  void sqlite() throws Exception {
    Path file = dir.resolve("old.db");
    Files.createDirectories(dir);
    writeVersion11("jdbc:sqlite:" + file, "sqlite");
    try (Storage storage = Storages.open("sqlite:" + file)) {
      assertCounted(storage);
    }
  }

  @Test
  void postgresql() throws Exception {
    String database =
        "openpeople_u_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(ADMIN);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
    try {
      writeVersion11(
          "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres", "postgresql");
      try (Storage storage =
          Storages.open("postgresql://127.0.0.1:5432/" + database + "?user=postgres")) {
        assertCounted(storage);
      }
    } finally {
      try (Connection c = DriverManager.getConnection(ADMIN);
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    }
  }
}

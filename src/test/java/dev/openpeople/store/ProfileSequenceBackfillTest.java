// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.contact.DomainSession;
import dev.openpeople.contact.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V6 gives the users of a version-5 database their domain and fresh numbers of its change sequence,
 * after the shared contacts' numbers, on both backends.
 */
class ProfileSequenceBackfillTest {
  private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  @TempDir Path dir;

  private static void writeVersion5(String jdbcUrl, String dialect) throws Exception {
    Flyway.configure()
        .dataSource(jdbcUrl, null, null)
        .locations("classpath:db/migration/" + dialect)
        .target("5")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO users (id, email, last_seq, created_at) VALUES"
              + " (7, 'bob@old.test', 0, 0), (3, 'ann@old.test', 0, 0),"
              + " (9, 'zed@new.test', 0, 0)");
      s.execute("INSERT INTO domains (name, last_seq) VALUES ('old.test', 4)");
    }
  }

  private static List<String> changes(Storage storage, String domain) {
    List<DomainSession.ProfileChange> found =
        storage.readDomain(domain, s -> s.profileChanges(0, Long.MAX_VALUE, 10));
    return found.stream().map(c -> c.seq() + " " + c.user().email()).toList();
  }

  private static void assertBackfilled(Storage storage) {
    assertThat(changes(storage, "old.test")).containsExactly("5 ann@old.test", "6 bob@old.test");
    assertThat(changes(storage, "new.test")).containsExactly("1 zed@new.test");
    assertThat(storage.<Long>readDomain("old.test", DomainSession::lastSeq)).isEqualTo(6);
    storage.read("cid@old.test", s -> s.user().id());
    assertThat(changes(storage, "old.test")).endsWith("7 cid@old.test");
  }

  @Test
  void sqlite() throws Exception {
    Path file = dir.resolve("old.db");
    Files.createDirectories(dir);
    writeVersion5("jdbc:sqlite:" + file, "sqlite");
    try (Storage storage = Storages.open("sqlite:" + file)) {
      assertBackfilled(storage);
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
      writeVersion5(
          "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres", "postgresql");
      try (Storage storage =
          Storages.open("postgresql://127.0.0.1:5432/" + database + "?user=postgres")) {
        assertBackfilled(storage);
      }
    } finally {
      try (Connection c = DriverManager.getConnection(ADMIN);
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.contact.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V2 indexes the memberships of contacts written by a version-1 database, on both backends. */
class MembershipBackfillTest {
  private static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
  private static final String BODY =
      "{\"memberships\":[{\"contactGroupMembership\":{\"contactGroupId\":\"myContacts\"}},"
          + "{\"contactGroupMembership\":{\"contactGroupId\":\"starred\"}},"
          + "{\"domainMembership\":{\"inViewerDomain\":true}}]}";

  @TempDir Path dir;

  private static void writeVersion1(String jdbcUrl, String dialect) throws Exception {
    Flyway.configure()
        .dataSource(jdbcUrl, null, null)
        .locations("classpath:db/migration/" + dialect)
        .target("1")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO users (id, email, last_seq, created_at) VALUES (7, 'old@example.com', 2, 0)");
      s.execute(
          "INSERT INTO contacts (user_id, id, seq, created_at, updated_at, deleted, body, first_key,"
              + " last_key) VALUES (7, 11, 1, 0, 0, FALSE, '"
              + BODY
              + "', '', ''), (7, 12, 2, 0, 0, TRUE, '{}', '', '')");
    }
  }

  private static void assertBackfilled(Storage storage) {
    Map<String, Long> counts =
        storage.read(
            "old@example.com",
            s -> s.groups().memberCounts(List.of("myContacts", "starred", "friends")));
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("myContacts", 1L, "starred", 1L));
  }

  @Test
  void sqlite() throws Exception {
    Path file = dir.resolve("old.db");
    Files.createDirectories(dir);
    writeVersion1("jdbc:sqlite:" + file, "sqlite");
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
      writeVersion1(
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

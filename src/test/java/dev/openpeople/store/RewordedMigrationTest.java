// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openpeople.contact.Storage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database migrated with V3 as first released (only its first comment differs from today's file)
 * still opens: its recorded checksum of V3 is brought to the current file's, on both backends. A
 * recorded checksum that matches neither text still fails Flyway's validation.
 */
class RewordedMigrationTest {

  /** V3's first comment as released, byte for byte (it named a tracker entry). */
  private static final String RELEASED_HEADER =
      "-- Other contacts (issue 3): contacts Google creates from interactions, a separate aggregate"
          + " with\n"
          + "-- the same per-user change sequence as contacts. email_key finds the one other contact"
          + " per address.\n";

  private static final String CURRENT_HEADER =
      "-- Other contacts (https://developers.google.com/people/api/rest/v1/otherContacts): contacts"
          + " Google\n"
          + "-- creates from interactions, a separate aggregate with the same per-user change"
          + " sequence as\n"
          + "-- contacts. email_key finds the one other contact per address.\n";

  @TempDir Path dir;

  @Test
  void sqlite() throws Exception {
    Path file = dir.resolve("released.db");
    check("jdbc:sqlite:" + file, "sqlite:" + file, "sqlite");
  }

  @Test
  void postgresql() throws Exception {
    OldDatabases.freshPostgresql(url -> check("jdbc:" + url, url, "postgresql"));
  }

  private void check(String jdbcUrl, String storageUrl, String dialect) throws Exception {
    Path released = releasedMigrations(dialect);
    Flyway.configure()
        .dataSource(jdbcUrl, null, null)
        .locations("filesystem:" + released)
        .load()
        .migrate();
    int releasedSum = recordedV3(jdbcUrl);
    Flyway current =
        Flyway.configure()
            .dataSource(jdbcUrl, null, null)
            .locations("classpath:db/migration/" + dialect)
            .load();
    assertThat(current.validateWithResult().validationSuccessful)
        .as("without the callback the released database fails validation")
        .isFalse();

    try (Storage storage = Storages.open(storageUrl)) {
      storage.read("ann@example.com", s -> s.user().id());
    }
    int upgraded = recordedV3(jdbcUrl);
    assertThat(upgraded).isNotEqualTo(releasedSum);
    assertThat(current.validateWithResult().validationSuccessful).isTrue();
    Storages.open(storageUrl).close();
    assertThat(recordedV3(jdbcUrl)).as("a second start changes nothing").isEqualTo(upgraded);

    setRecordedV3(jdbcUrl, releasedSum + 1);
    assertThatThrownBy(() -> Storages.open(storageUrl).close())
        .hasStackTraceContaining("checksum mismatch");
    assertThat(recordedV3(jdbcUrl)).isEqualTo(releasedSum + 1);
  }

  /**
   * This dialect's migrations with V3 as released, in a folder for Flyway's filesystem location.
   */
  private Path releasedMigrations(String dialect) throws Exception {
    Path source = Path.of(getClass().getResource("/db/migration/" + dialect).toURI());
    Path target = Files.createDirectories(dir.resolve("released-" + dialect));
    List<Path> files;
    try (Stream<Path> listed = Files.list(source)) {
      files = listed.toList();
    }
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (file.getFileName().toString().startsWith("V3__")) {
        assertThat(text).startsWith(CURRENT_HEADER);
        text = RELEASED_HEADER + text.substring(CURRENT_HEADER.length());
      }
      Files.writeString(target.resolve(file.getFileName()), text, StandardCharsets.UTF_8);
    }
    return target;
  }

  private static int recordedV3(String jdbcUrl) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT checksum FROM flyway_schema_history WHERE version = '3'")) {
      assertThat(rs.next()).isTrue();
      return rs.getInt(1);
    }
  }

  private static void setRecordedV3(String jdbcUrl, int checksum) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE flyway_schema_history SET checksum = " + checksum + " WHERE version = '3'");
    }
  }
}

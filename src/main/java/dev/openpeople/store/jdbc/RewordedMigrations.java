// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Keeps databases valid across a migration whose comments alone were reworded. Flyway records each
 * applied migration's checksum (a CRC32 of the file's lines) and refuses to start when a file no
 * longer matches it, so a comment fix would lock out every database migrated before it. Before
 * Flyway validates (its {@link Event#BEFORE_VALIDATE} callback, which {@code migrate} fires too),
 * this replaces a recorded checksum that equals the file's exact previous checksum with the current
 * one; any other mismatch still fails validation.
 */
final class RewordedMigrations implements Callback {
  /**
   * One reworded file: its dialect's Flyway location, version and checksums before and after. Both
   * checksums are what Flyway computes for the file's two texts ({@code RewordedMigrationTest}
   * checks the current one).
   */
  record Reworded(String location, String version, int before, int after) {}

  /** V3's first comment cited a tracker entry; it now cites Google's otherContacts reference. */
  static final List<Reworded> ALL =
      List.of(
          new Reworded("classpath:db/migration/sqlite", "3", -1274842549, -1028748523),
          new Reworded("classpath:db/migration/postgresql", "3", 1510813346, -1580698138));

  private final String location;

  RewordedMigrations(String location) {
    this.location = location;
  }

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.BEFORE_VALIDATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    String table = context.getConfiguration().getTable();
    Connection connection = context.getConnection();
    try {
      if (!exists(connection, table)) {
        return;
      }
      for (Reworded file : ALL) {
        if (!file.location().equals(location)) {
          continue;
        }
        try (PreparedStatement update =
            connection.prepareStatement(
                "UPDATE " + table + " SET checksum = ? WHERE version = ? AND checksum = ?")) {
          update.setInt(1, file.after());
          update.setString(2, file.version());
          update.setInt(3, file.before());
          update.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new FlywayException("cannot update reworded migrations' checksums", e);
    }
  }

  private static boolean exists(Connection connection, String table) throws SQLException {
    try (ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
      return tables.next();
    }
  }

  @Override
  public String getCallbackName() {
    return "reworded-migrations";
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.ServerState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * {@link ServerState} in the tables {@code server_state}, {@code emulator_faults} and {@code
 * server_counters}.
 */
final class JdbcServerState implements ServerState {
  private static final String MATCHING_FAULT =
      "SELECT id, method, user_email, kind, remaining FROM emulator_faults"
          + " WHERE method = ? AND (user_email IS NULL OR user_email = ?) AND remaining > 0"
          + " ORDER BY id LIMIT 1";

  private final JdbcStorage storage;

  JdbcServerState(JdbcStorage storage) {
    this.storage = storage;
  }

  @Override
  public Snapshot snapshot() {
    return storage.runStatement(
        connection ->
            new Statements(connection)
                    .select(
                        "SELECT clock_offset_ms, faults_version FROM server_state WHERE id = 1",
                        rs -> new Snapshot(rs.getLong(1), rs.getLong(2)))
                    .stream()
                    .findFirst()
                    .orElse(new Snapshot(0, 0)));
  }

  @Override
  public long advanceClock(long millis) {
    return storage.runWrite(
        connection ->
            new Statements(connection)
                .number(
                    "UPDATE server_state SET clock_offset_ms = clock_offset_ms + ? WHERE id = 1"
                        + " RETURNING clock_offset_ms",
                    millis));
  }

  @Override
  public List<Fault> faults() {
    return storage.runStatement(
        connection ->
            new Statements(connection)
                .select(
                    "SELECT id, method, user_email, kind, remaining FROM emulator_faults"
                        + " WHERE remaining > 0 ORDER BY id",
                    JdbcServerState::fault));
  }

  @Override
  public void addFault(String method, @Nullable String user, String kind, int count) {
    storage.runWrite(
        connection -> {
          bumpFaults(connection);
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO emulator_faults (method, user_email, kind, remaining)"
                      + " VALUES (?, ?, ?, ?)")) {
            insert.setString(1, method);
            if (user == null) {
              insert.setNull(2, Types.VARCHAR);
            } else {
              insert.setString(2, user);
            }
            insert.setString(3, kind);
            insert.setInt(4, count);
            return insert.executeUpdate();
          }
        });
  }

  @Override
  public void clearFaults() {
    storage.runWrite(
        connection -> {
          bumpFaults(connection);
          return new Statements(connection).update("DELETE FROM emulator_faults");
        });
  }

  @Override
  public Optional<Fault> consumeFault(String method, String user) {
    return storage.runWrite(
        connection -> {
          if (matching(connection, method, user) == null) {
            return Optional.empty();
          }
          // The version bump locks the state row first, so nodes consume one at a time and the
          // fault read next is the current one.
          bumpFaults(connection);
          Fault fault = matching(connection, method, user);
          if (fault == null) {
            return Optional.empty();
          }
          String sql =
              fault.remaining() <= 1
                  ? "DELETE FROM emulator_faults WHERE id = ?"
                  : "UPDATE emulator_faults SET remaining = remaining - 1 WHERE id = ?";
          new Statements(connection).update(sql, fault.id());
          return Optional.of(fault);
        });
  }

  private static @Nullable Fault matching(Connection connection, String method, String user) {
    return new Statements(connection)
        .select(MATCHING_FAULT, JdbcServerState::fault, method, user).stream()
            .findFirst()
            .orElse(null);
  }

  private static Fault fault(ResultSet rs) throws SQLException {
    return new Fault(
        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5));
  }

  private static void bumpFaults(Connection connection) {
    new Statements(connection)
        .update("UPDATE server_state SET faults_version = faults_version + 1 WHERE id = 1");
  }

  @Override
  public long count(String name, long period, long amount) {
    return storage.runWrite(
        connection ->
            new Statements(connection)
                .number(
                    "INSERT INTO server_counters (name, period, value) VALUES (?, ?, ?)"
                        + " ON CONFLICT (name) DO UPDATE SET"
                        + " value = CASE WHEN server_counters.period = excluded.period"
                        + " THEN server_counters.value + excluded.value ELSE excluded.value END,"
                        + " period = excluded.period"
                        + " RETURNING value",
                    name,
                    period,
                    amount));
  }

  @Override
  public void mark(String name, long value) {
    storage.runWrite(
        connection ->
            new Statements(connection)
                .update(
                    "INSERT INTO server_counters (name, period, value) VALUES (?, 0, ?)"
                        + " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                    name,
                    value));
  }

  @Override
  public OptionalLong mark(String name) {
    List<Long> found =
        storage.runStatement(
            connection ->
                new Statements(connection)
                    .select(
                        "SELECT value FROM server_counters WHERE name = ?",
                        rs -> rs.getLong(1),
                        name));
    return found.isEmpty() ? OptionalLong.empty() : OptionalLong.of(found.get(0));
  }
}

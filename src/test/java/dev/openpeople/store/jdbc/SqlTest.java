// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.contact.StoreException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** How SQL failures of both backends are classified (SQLSTATE or SQLite's result code). */
class SqlTest {
  @ParameterizedTest
  @CsvSource({
    "23505, 'ERROR: duplicate key value violates unique constraint', CONFLICT",
    "0, '[SQLITE_CONSTRAINT_UNIQUE] A UNIQUE constraint failed', CONFLICT",
    "0, '[SQLITE_CONSTRAINT_PRIMARYKEY] A PRIMARY KEY constraint failed', CONFLICT",
    "40001, 'ERROR: could not serialize access', ABORTED",
    "40P01, 'ERROR: deadlock detected', ABORTED",
    "55P03, 'ERROR: canceling statement due to lock timeout', ABORTED",
    "0, '[SQLITE_BUSY] The database file is locked (database is locked)', ABORTED",
    "0, '[SQLITE_BUSY_SNAPSHOT] Another database connection has already written', ABORTED",
    "0, '[SQLITE_LOCKED_SHAREDCACHE] Contention with a different database connection', ABORTED",
    "08006, 'An I/O error occurred while sending to the backend.', UNAVAILABLE",
    "08001, 'Connection to 127.0.0.1:5432 refused.', UNAVAILABLE",
    "57P01, 'FATAL: terminating connection due to administrator command', UNAVAILABLE",
    "3D000, 'FATAL: database \"x\" does not exist', UNAVAILABLE",
    "53300, 'FATAL: sorry, too many clients already', UNAVAILABLE",
    "0, '[SQLITE_CANTOPEN] Unable to open the database file', UNAVAILABLE",
    "23503, 'ERROR: insert or update violates foreign key constraint', FAILED",
    "42601, 'ERROR: syntax error at or near \"SELEC\"', FAILED",
    "0, '[SQLITE_ERROR] SQL error or missing database (no such table: x)', FAILED",
  })
  void classifiesBySqlStateOrResultCode(String state, String message, StoreException.Kind kind) {
    SQLException e = new SQLException(message, state.equals("0") ? null : state);
    assertThat(Sql.kind(e, e.getSQLState() == null ? "" : e.getSQLState(), message))
        .isEqualTo(kind);
  }

  @ParameterizedTest
  @EnumSource(
      value = StoreException.Kind.class,
      names = {"CONFLICT", "ABORTED", "UNAVAILABLE", "FAILED"})
  void eachKindBecomesAStoreExceptionOfThatKind(StoreException.Kind kind) {
    String state =
        switch (kind) {
          case CONFLICT -> "23505";
          case ABORTED -> "40001";
          case UNAVAILABLE -> "08006";
          case FAILED -> "42601";
          case NOT_FOUND -> throw new AssertionError("no SQL failure is a missing row");
        };
    RuntimeException failure = Sql.failure(new SQLException("boom", state));
    assertThat(failure).isInstanceOf(StoreException.class);
    assertThat(((StoreException) failure).kind()).isEqualTo(kind);
    assertThat(failure.getCause()).hasMessage("boom");
  }

  @Test
  void aPoolThatTimesOutIsUnavailable() {
    SQLException timeout =
        new SQLTransientConnectionException("Connection is not available, request timed out");
    assertThat(Sql.failure(timeout))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.UNAVAILABLE));
  }
}

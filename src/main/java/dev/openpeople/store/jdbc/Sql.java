// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.StoreException;
import dev.openpeople.contact.StoreException.Kind;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Classifies SQL failures of both backends into {@link StoreException}s: SQLSTATE codes of
 * PostgreSQL (https://www.postgresql.org/docs/current/errcodes-appendix.html) and the result codes
 * of SQLite (https://www.sqlite.org/rescode.html), which its JDBC driver names in the message.
 */
final class Sql {
  private Sql() {}

  static RuntimeException failure(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = e.getMessage() == null ? "" : e.getMessage();
    return new StoreException(kind(e, state, message), message, e);
  }

  static Kind kind(SQLException e, String state, String message) {
    // 23505 unique_violation; SQLite: SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY.
    if (state.equals("23505")
        || message.contains("SQLITE_CONSTRAINT_UNIQUE")
        || message.contains("SQLITE_CONSTRAINT_PRIMARYKEY")) {
      return Kind.CONFLICT;
    }
    // 40001 serialization_failure, 40P01 deadlock_detected, 55P03 lock_not_available; SQLite:
    // SQLITE_BUSY (another connection holds the lock past busy_timeout) and SQLITE_LOCKED.
    if (state.equals("40001")
        || state.equals("40P01")
        || state.equals("55P03")
        || message.startsWith("[SQLITE_BUSY")
        || message.startsWith("[SQLITE_LOCKED")) {
      return Kind.ABORTED;
    }
    // Class 08 connection_exception, 57P01-57P03 shutdowns, 53 insufficient resources, 3D000 the
    // database is gone; a pool that cannot hand out a connection in time (HikariCP) says so with
    // SQLTransientConnectionException. SQLite: the file cannot be opened or read.
    if (e instanceof SQLTransientConnectionException
        || e instanceof SQLNonTransientConnectionException
        || state.startsWith("08")
        || state.startsWith("57P")
        || state.startsWith("53")
        || state.equals("3D000")
        || message.startsWith("[SQLITE_CANTOPEN")
        || message.startsWith("[SQLITE_IOERR")
        || message.startsWith("[SQLITE_FULL")) {
      return Kind.UNAVAILABLE;
    }
    return Kind.FAILED;
  }
}

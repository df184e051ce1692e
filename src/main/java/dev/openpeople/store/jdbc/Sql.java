// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.StoreException;
import java.sql.SQLException;

/** Classifies SQL failures into {@link StoreException}s. */
final class Sql {
  private Sql() {}

  static StoreException failure(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = e.getMessage() == null ? "" : e.getMessage();
    // 23505: PostgreSQL unique violation; SQLite reports SQLITE_CONSTRAINT_* in the message.
    if (state.equals("23505") || message.contains("SQLITE_CONSTRAINT")) {
      return new StoreException.Conflict(message, e);
    }
    return new StoreException.Unavailable(message, e);
  }
}

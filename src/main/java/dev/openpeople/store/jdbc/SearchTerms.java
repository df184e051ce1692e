// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.Contact;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A search-term index table of one user: rows {@code (user_id, term, <owner>)} with the primary key
 * in that order, written with the terms of {@code ContactKeys.searchTerms} and read by prefix. The
 * contacts ({@code contact_terms}) and the other contacts ({@code other_contact_terms}) each have
 * one.
 *
 * @param table the index table
 * @param owner the column naming the contact a term belongs to
 */
record SearchTerms(Connection connection, long userId, String table, String owner) {

  /**
   * Ids of up to {@code limit} distinct owners with a term starting with {@code prefix}, in term
   * order: a range scan of the primary key (terms >= prefix and < prefix + U+FFFF). An owner has
   * several terms, so rows are de-duplicated here, reading more rows until enough distinct owners
   * are found; SQL DISTINCT would make SQLite walk the by-owner index over every term of the user.
   */
  List<Long> search(String prefix, int limit) {
    LinkedHashSet<Long> ids = new LinkedHashSet<>();
    int rows = Math.max(limit * 4, 32);
    while (true) {
      int read = 0;
      ids.clear();
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT "
                  + owner
                  + " FROM "
                  + table
                  + " WHERE user_id = ? AND term >= ? AND term < ? ORDER BY term LIMIT ?")) {
        select.setLong(1, userId);
        select.setString(2, prefix);
        select.setString(3, prefix + '\uffff');
        select.setInt(4, rows);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next() && ids.size() < limit) {
            ids.add(rs.getLong(1));
            read++;
          }
        }
      } catch (SQLException e) {
        throw Sql.failure(e);
      }
      if (ids.size() >= limit || read < rows) {
        return new ArrayList<>(ids);
      }
      rows *= 4;
    }
  }

  /** Indexes the search terms of {@code contacts}. */
  void insert(List<Contact> contacts) {
    Statements.run(() -> insertTerms(contacts));
  }

  private int insertTerms(List<Contact> contacts) throws SQLException {
    List<Statements.UserRow> rows = new ArrayList<>();
    for (Contact c : contacts) {
      for (String term : c.keys().searchTerms()) {
        rows.add(new Statements.UserRow(term, c.id()));
      }
    }
    return new Statements(connection)
        .insertUserRows(
            "INSERT INTO " + table + " (user_id, term, " + owner + ")",
            "ON CONFLICT DO NOTHING",
            userId,
            rows);
  }

  /** Removes every term of these owners. */
  void delete(List<Long> ids) {
    Statements.exec(
        () -> {
          new Statements(connection)
              .batch(
                  "DELETE FROM " + table + " WHERE user_id = ? AND " + owner + " = ?",
                  ids,
                  (delete, id) -> {
                    delete.setLong(1, userId);
                    delete.setLong(2, id);
                  });
        });
  }
}

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

  /**
   * The live rows of {@code rows} (read as {@code columns} by {@code reader}) among the owners
   * {@link #search} returns for the same arguments, in one statement: the term range, the first
   * {@code limit} distinct owners in term order and their rows. An owner's first row in term order
   * is its smallest term, and rows of one term come in owner order (the primary key), so ordering
   * the owners by (smallest term, owner) is {@link #search}'s order. One statement reads one
   * snapshot, so it needs no transaction around it.
   */
  List<Contact> find(
      String prefix, int limit, String rows, String columns, Statements.RowReader<Contact> reader) {
    String sql =
        "WITH t AS (SELECT "
            + owner
            + " AS term_owner, term FROM "
            + table
            + " WHERE user_id = ? AND term >= ? AND term < ? ORDER BY term LIMIT ?),"
            + " m AS (SELECT term_owner, MIN(term) AS first_term FROM t GROUP BY term_owner"
            + " ORDER BY first_term, term_owner LIMIT ?)"
            + " SELECT "
            + columns
            + ", (SELECT COUNT(*) FROM t), (SELECT COUNT(*) FROM m), c.id IS NULL FROM m LEFT JOIN "
            + rows
            + " c ON c.user_id = ? AND c.id = m.term_owner";
    int termRows = Math.max(limit * 4, 32);
    while (true) {
      List<Contact> found = new ArrayList<>();
      long terms = 0;
      long owners = 0;
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setLong(1, userId);
        select.setString(2, prefix);
        select.setString(3, prefix + '\uffff');
        select.setInt(4, termRows);
        select.setInt(5, limit);
        select.setLong(6, userId);
        try (ResultSet rs = select.executeQuery()) {
          int width = rs.getMetaData().getColumnCount() - 3;
          while (rs.next()) {
            terms = rs.getLong(width + 1);
            owners = rs.getLong(width + 2);
            if (!rs.getBoolean(width + 3)) {
              Contact row = reader.read(rs);
              if (!row.deleted()) {
                found.add(row);
              }
            }
          }
        }
      } catch (SQLException e) {
        throw Sql.failure(e);
      }
      // As search: fewer owners than asked for in a full read of term rows reads more rows.
      if (owners >= limit || terms < termRows) {
        return found;
      }
      termRows *= 4;
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

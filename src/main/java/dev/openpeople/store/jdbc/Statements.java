// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The statements of one transaction's connection, as the stores run them: bind the arguments in
 * order, read rows, batch writes, and turn every {@link SQLException} into a {@code StoreException}
 * ({@link Sql#failure}) in this one place.
 */
record Statements(Connection connection) {
  /** Longest IN list per statement (SQLite's default limit of host parameters is far above it). */
  static final int IN_CHUNK = 500;

  /** Reads one row. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Consumes one row. */
  @FunctionalInterface
  interface RowHandler {
    void handle(ResultSet rs) throws SQLException;
  }

  /** Binds one batch item to the statement's parameters. */
  @FunctionalInterface
  interface Binder<T> {
    void bind(PreparedStatement statement, T item) throws SQLException;
  }

  /** Binds one row of a multi-row INSERT: its parameters follow the first {@code offset}. */
  @FunctionalInterface
  interface RowBinder<T> {
    void bind(PreparedStatement statement, int offset, T row) throws SQLException;
  }

  /** Most rows in one multi-row INSERT ({@link #insertRows}). */
  static final int ROWS_PER_INSERT = 100;

  /** Work on the connection that may fail with a {@link SQLException}. */
  @FunctionalInterface
  interface SqlWork<T extends @Nullable Object> {
    T run() throws SQLException;
  }

  /** Work on the connection that returns nothing and may fail with a {@link SQLException}. */
  @FunctionalInterface
  interface SqlAction {
    void run() throws SQLException;
  }

  /** Runs {@code action}; a {@link SQLException} becomes its {@code StoreException}. */
  static void exec(SqlAction action) {
    try {
      action.run();
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  /** Runs {@code work}; a {@link SQLException} becomes its {@code StoreException}. */
  static <T extends @Nullable Object> T run(SqlWork<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  /** Hands each row {@code sql} selects with {@code args} to {@code handler}; returns how many. */
  int each(String sql, RowHandler handler, Object... args) {
    return run(
        () -> {
          try (PreparedStatement select = prepare(sql, args);
              ResultSet rs = select.executeQuery()) {
            int rows = 0;
            while (rs.next()) {
              handler.handle(rs);
              rows++;
            }
            return rows;
          }
        });
  }

  /** The rows {@code sql} selects with {@code args}, appended to {@code out}. */
  <T> List<T> select(List<T> out, String sql, RowReader<T> reader, Object... args) {
    each(sql, rs -> out.add(reader.read(rs)), args);
    return out;
  }

  /** The rows {@code sql} selects with {@code args}. */
  <T> List<T> select(String sql, RowReader<T> reader, Object... args) {
    return select(new ArrayList<>(), sql, reader, args);
  }

  /** The single number {@code sql} selects, such as a COUNT. */
  long number(String sql, Object... args) {
    return run(
        () -> {
          try (PreparedStatement select = prepare(sql, args);
              ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
  int update(String sql, Object... args) {
    return run(
        () -> {
          try (PreparedStatement update = prepare(sql, args)) {
            return update.executeUpdate();
          }
        });
  }

  /** Runs {@code sql} once per item in one batch; nothing when there are no items. */
  <T> int[] batch(String sql, Collection<T> items, Binder<T> binder) throws SQLException {
    if (items.isEmpty()) {
      return new int[0];
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (T item : items) {
        binder.bind(statement, item);
        statement.addBatch();
      }
      return statement.executeBatch();
    }
  }

  /**
   * Inserts {@code rows} with multi-row VALUES lists, up to {@value #ROWS_PER_INSERT} rows per
   * statement: {@code into} is the statement up to VALUES ({@code "INSERT INTO t (a, b)"}), {@code
   * width} the parameters of one row and {@code tail} what follows the values (an ON CONFLICT
   * clause, or ""). One statement per many rows, instead of one per row, saves SQLite its per-row
   * statement steps and PostgreSQL its per-row protocol messages. Returns the rows changed.
   */
  <T> int insertRows(String into, int width, String tail, List<T> rows, RowBinder<T> binder)
      throws SQLException {
    int changed = 0;
    int full = rows.size() / ROWS_PER_INSERT;
    if (full > 0) {
      try (PreparedStatement insert =
          connection.prepareStatement(valuesSql(into, width, ROWS_PER_INSERT, tail))) {
        for (int chunk = 0; chunk < full; chunk++) {
          bindRows(insert, width, rows, chunk * ROWS_PER_INSERT, ROWS_PER_INSERT, binder);
          insert.addBatch();
        }
        for (int count : insert.executeBatch()) {
          changed += count;
        }
      }
    }
    int rest = rows.size() - full * ROWS_PER_INSERT;
    if (rest > 0) {
      try (PreparedStatement insert =
          connection.prepareStatement(valuesSql(into, width, rest, tail))) {
        bindRows(insert, width, rows, full * ROWS_PER_INSERT, rest, binder);
        changed += insert.executeUpdate();
      }
    }
    return changed;
  }

  /** A row of a user's index table: the user, a text key and the id it belongs to. */
  record UserRow(String key, long id) {}

  /**
   * {@link #insertRows} of {@code (user_id, key, id)} rows of one user, such as search terms or
   * group memberships: {@code into} names the table and its three columns in that order.
   */
  int insertUserRows(String into, String tail, long userId, List<UserRow> rows)
      throws SQLException {
    return insertRows(
        into,
        3,
        tail,
        rows,
        (insert, at, row) -> {
          insert.setLong(at + 1, userId);
          insert.setString(at + 2, row.key());
          insert.setLong(at + 3, row.id());
        });
  }

  private static <T> void bindRows(
      PreparedStatement insert, int width, List<T> rows, int from, int count, RowBinder<T> binder)
      throws SQLException {
    for (int i = 0; i < count; i++) {
      binder.bind(insert, i * width, rows.get(from + i));
    }
  }

  private static String valuesSql(String into, int width, int rows, String tail) {
    String row = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
    StringBuilder sql = new StringBuilder(into.length() + rows * (row.length() + 2) + 100);
    sql.append(into).append(" VALUES ");
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ", ").append(row);
    }
    if (!tail.isEmpty()) {
      sql.append(' ').append(tail);
    }
    return sql.toString();
  }

  /**
   * Hands each row of {@code sql}, whose {@code %s} is an IN list of {@code keys}, to {@code
   * handler}, in statements of up to {@link #IN_CHUNK} keys; {@code first} binds before the keys.
   * Returns how many rows there were.
   */
  <K> int eachIn(String sql, Object first, Collection<K> keys, RowHandler handler) {
    List<K> all = keys instanceof List<K> list ? list : List.copyOf(keys);
    int rows = 0;
    for (int start = 0; start < all.size(); start += IN_CHUNK) {
      List<K> chunk = all.subList(start, Math.min(all.size(), start + IN_CHUNK));
      Object[] args = new Object[chunk.size() + 1];
      args[0] = first;
      for (int i = 0; i < chunk.size(); i++) {
        args[i + 1] = chunk.get(i);
      }
      String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
      rows += each(sql.replace("%s", marks), handler, args);
    }
    return rows;
  }

  private PreparedStatement prepare(String sql, Object... args) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < args.length; i++) {
        bind(statement, i + 1, args[i]);
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  private static void bind(PreparedStatement statement, int index, Object arg) throws SQLException {
    switch (arg) {
      case Long value -> statement.setLong(index, value);
      case Integer value -> statement.setInt(index, value);
      case String value -> statement.setString(index, value);
      case Boolean value -> statement.setBoolean(index, value);
      case byte[] value -> statement.setBytes(index, value);
      default -> statement.setObject(index, arg);
    }
  }
}

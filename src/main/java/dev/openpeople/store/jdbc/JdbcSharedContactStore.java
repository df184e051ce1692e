// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.Photo;
import dev.openpeople.contact.SharedContact;
import dev.openpeople.contact.SharedContactQuery;
import dev.openpeople.contact.SharedContactStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL implementation of {@link SharedContactStore} for one domain of one transaction. */
final class JdbcSharedContactStore implements SharedContactStore {
  private static final String COLUMNS =
      "domain, id, seq, created_at, updated_at, deleted, entry, person, search_text, photo_version";

  private final Connection connection;
  private final String domain;

  JdbcSharedContactStore(Connection connection, String domain) {
    this.connection = connection;
    this.domain = domain;
  }

  @Override
  public Optional<SharedContact> get(String id) {
    List<SharedContact> rows =
        select("SELECT " + COLUMNS + " FROM shared_contacts WHERE domain = ? AND id = ?", id);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  @Override
  public void put(SharedContact c) {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO shared_contacts ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (domain, id) DO UPDATE SET"
                + " seq = excluded.seq, updated_at = excluded.updated_at,"
                + " deleted = excluded.deleted, entry = excluded.entry, person = excluded.person,"
                + " search_text = excluded.search_text, photo_version = excluded.photo_version")) {
      upsert.setString(1, domain);
      upsert.setString(2, c.id());
      upsert.setLong(3, c.seq());
      upsert.setLong(4, c.created().toEpochMilli());
      upsert.setLong(5, c.updated().toEpochMilli());
      upsert.setBoolean(6, c.deleted());
      upsert.setString(7, c.entry());
      upsert.setString(8, c.person());
      upsert.setString(9, c.searchText());
      upsert.setLong(10, c.photoVersion());
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public List<SharedContact> query(SharedContactQuery q) {
    List<Object> args = new ArrayList<>();
    String direction = q.descending() ? " DESC" : "";
    String order =
        q.byLastModified()
            ? " ORDER BY updated_at" + direction + ", seq" + direction
            : " ORDER BY id" + direction;
    String where = where(q, args);
    long offset = q.offset();
    if (q.after() != null) {
      where += seek(q, args);
      offset = 0;
    }
    args.add(q.limit());
    args.add(offset);
    return select(
        "SELECT " + COLUMNS + " FROM shared_contacts" + where + order + " LIMIT ? OFFSET ?",
        args.toArray());
  }

  /** The keyset condition that starts a page after {@code q.after()}. */
  private static String seek(SharedContactQuery q, List<Object> args) {
    String op = q.descending() ? "<" : ">";
    String after = java.util.Objects.requireNonNull(q.after());
    if (!q.byLastModified()) {
      args.add(after);
      return " AND id " + op + " ?";
    }
    int dot = after.indexOf('.');
    long millis = Long.parseLong(after.substring(0, dot));
    long seq = Long.parseLong(after.substring(dot + 1));
    args.add(millis);
    args.add(millis);
    args.add(seq);
    return " AND (updated_at " + op + " ? OR (updated_at = ? AND seq " + op + " ?))";
  }

  @Override
  public long count(SharedContactQuery q) {
    List<Object> args = new ArrayList<>();
    String sql = "SELECT COUNT(*) FROM shared_contacts" + where(q, args);
    try (PreparedStatement select = prepare(sql, args.toArray());
        ResultSet rs = select.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  /** The WHERE clause of a feed query; its bind values go first into {@code args}. */
  private static String where(SharedContactQuery q, List<Object> args) {
    StringBuilder sql = new StringBuilder(" WHERE domain = ?");
    if (!q.showDeleted()) {
      sql.append(" AND deleted = FALSE");
    }
    int at = 0;
    if (q.updatedMin() != null) {
      sql.append(" AND updated_at >= ?");
      args.add(at++, q.updatedMin().toEpochMilli());
    }
    if (q.text() != null) {
      sql.append(" AND search_text LIKE ? ESCAPE '\\'");
      args.add(at, like(q.text()));
    }
    return sql.toString();
  }

  @Override
  public List<SharedContact> page(String afterId, long snapshotSeq, int limit) {
    return select(
        "SELECT "
            + COLUMNS
            + " FROM shared_contacts WHERE domain = ? AND id > ? AND seq <= ? AND deleted = FALSE"
            + " ORDER BY id LIMIT ?",
        afterId,
        snapshotSeq,
        limit);
  }

  @Override
  public List<SharedContact> changes(long afterSeq, long upToSeq, int limit) {
    return select(
        "SELECT "
            + COLUMNS
            + " FROM shared_contacts WHERE domain = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
        afterSeq,
        upToSeq,
        limit);
  }

  @Override
  public long countSearch(String prefix) {
    try (PreparedStatement select =
            prepare(
                "SELECT COUNT(*) FROM shared_contacts WHERE domain = ? AND deleted = FALSE"
                    + " AND search_text LIKE ? ESCAPE '\\'",
                like(prefix));
        ResultSet rs = select.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  private static String like(String prefix) {
    return "% " + prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  @Override
  public List<SharedContact> search(String prefix, long offset, int limit) {
    return select(
        "SELECT "
            + COLUMNS
            + " FROM shared_contacts WHERE domain = ? AND deleted = FALSE"
            + " AND search_text LIKE ? ESCAPE '\\' ORDER BY id LIMIT ? OFFSET ?",
        like(prefix),
        limit,
        offset);
  }

  @Override
  public Optional<Photo> photo(String id) {
    try (PreparedStatement select =
        prepare(
            "SELECT content_type, bytes FROM shared_contact_photos WHERE domain = ?"
                + " AND contact_id = ?",
            id)) {
      try (ResultSet rs = select.executeQuery()) {
        return rs.next()
            ? Optional.of(new Photo(rs.getString(1), rs.getBytes(2)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public void putPhoto(String id, Photo photo) {
    try (PreparedStatement upsert =
        prepare(
            "INSERT INTO shared_contact_photos (domain, contact_id, content_type, bytes)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (domain, contact_id) DO UPDATE SET"
                + " content_type = excluded.content_type, bytes = excluded.bytes",
            id,
            photo.contentType(),
            photo.bytes())) {
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public void deletePhoto(String id) {
    try (PreparedStatement delete =
        prepare("DELETE FROM shared_contact_photos WHERE domain = ? AND contact_id = ?", id)) {
      delete.executeUpdate();
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  /** A statement whose first parameter is the domain, followed by {@code args}. */
  private PreparedStatement prepare(String sql, Object... args) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    statement.setString(1, domain);
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 2, args[i]);
    }
    return statement;
  }

  private List<SharedContact> select(String sql, Object... args) {
    try (PreparedStatement select = prepare(sql, args);
        ResultSet rs = select.executeQuery()) {
      List<SharedContact> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(
            new SharedContact(
                rs.getString(1),
                rs.getString(2),
                rs.getLong(3),
                Instant.ofEpochMilli(rs.getLong(4)),
                Instant.ofEpochMilli(rs.getLong(5)),
                rs.getBoolean(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getLong(10)));
      }
      return rows;
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }
}

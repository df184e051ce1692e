// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.Photo;
import dev.openpeople.contact.SharedContact;
import dev.openpeople.contact.SharedContactQuery;
import dev.openpeople.contact.SharedContactStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The SQL implementation of {@link SharedContactStore} for one domain of one transaction. */
final class JdbcSharedContactStore implements SharedContactStore {
  private static final String COLUMNS =
      "domain, id, seq, created_at, updated_at, deleted, entry, person, search_text, photo_version";

  private final Statements sql;
  private final String domain;

  JdbcSharedContactStore(Connection connection, String domain) {
    this.sql = new Statements(connection);
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
    sql.update(
        "INSERT INTO shared_contacts ("
            + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (domain, id) DO UPDATE SET"
            + " seq = excluded.seq, updated_at = excluded.updated_at,"
            + " deleted = excluded.deleted, entry = excluded.entry, person = excluded.person,"
            + " search_text = excluded.search_text, photo_version = excluded.photo_version",
        domain,
        c.id(),
        c.seq(),
        c.created().toEpochMilli(),
        c.updated().toEpochMilli(),
        c.deleted(),
        c.entry(),
        c.person(),
        c.searchText(),
        c.photoVersion());
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
    String after = Objects.requireNonNull(q.after());
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
    String where = where(q, args);
    args.add(0, domain);
    return sql.number("SELECT COUNT(*) FROM shared_contacts" + where, args.toArray());
  }

  /** The WHERE clause of a feed query; its bind values go first into {@code args}. */
  private static String where(SharedContactQuery q, List<Object> args) {
    StringBuilder clause = new StringBuilder(" WHERE domain = ?");
    if (!q.showDeleted()) {
      clause.append(" AND deleted = FALSE");
    }
    int at = 0;
    if (q.updatedMin() != null) {
      clause.append(" AND updated_at >= ?");
      args.add(at++, q.updatedMin().toEpochMilli());
    }
    if (q.text() != null) {
      clause.append(" AND search_text LIKE ? ESCAPE '\\'");
      args.add(at, like(q.text()));
    }
    return clause.toString();
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
    return sql.number(
        "SELECT COUNT(*) FROM shared_contacts WHERE domain = ? AND deleted = FALSE"
            + " AND search_text LIKE ? ESCAPE '\\'",
        domain,
        like(prefix));
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
    return sql
        .select(
            new ArrayList<>(1),
            "SELECT content_type, bytes FROM shared_contact_photos WHERE domain = ?"
                + " AND contact_id = ?",
            JdbcPhotoStore::photo,
            domain,
            id)
        .stream()
        .findFirst();
  }

  @Override
  public void putPhoto(String id, Photo photo) {
    sql.update(
        "INSERT INTO shared_contact_photos (domain, contact_id, content_type, bytes)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (domain, contact_id) DO UPDATE SET"
            + " content_type = excluded.content_type, bytes = excluded.bytes",
        domain,
        id,
        photo.contentType(),
        photo.bytes());
  }

  @Override
  public void deletePhoto(String id) {
    sql.update("DELETE FROM shared_contact_photos WHERE domain = ? AND contact_id = ?", domain, id);
  }

  /** The rows of {@code query}, whose first parameter is the domain, followed by {@code args}. */
  private List<SharedContact> select(String query, Object... args) {
    Object[] all = new Object[args.length + 1];
    all[0] = domain;
    System.arraycopy(args, 0, all, 1, args.length);
    return sql.select(query, JdbcSharedContactStore::row, all);
  }

  private static SharedContact row(ResultSet rs) throws SQLException {
    return new SharedContact(
        rs.getString(1),
        rs.getString(2),
        rs.getLong(3),
        Instant.ofEpochMilli(rs.getLong(4)),
        Instant.ofEpochMilli(rs.getLong(5)),
        rs.getBoolean(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getLong(10));
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactKeys;
import dev.openpeople.contact.ContactStore;
import dev.openpeople.contact.SortOrder;
import dev.openpeople.listing.Cursor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Contacts of one user in the {@code contacts} and {@code contact_terms} tables. The {@code seq}
 * column with its unique index is the per-user change log: a change rewrites the row with a new
 * sequence number, a delete leaves a tombstone, so an incremental sync reads O(changes) rows.
 */
final class JdbcContactStore extends JdbcChangeLog<Long, Contact> implements ContactStore {
  /** The columns {@link #contact} reads, in order. */
  static final String COLUMNS =
      "id, seq, created_at, updated_at, deleted, body, first_key, last_key, photo_version";

  private final SearchTerms terms;

  JdbcContactStore(Connection connection, long userId) {
    super(connection, userId, "contacts", COLUMNS, JdbcContactStore::contact, Contact::deleted);
    this.terms = new SearchTerms(connection, userId, "contact_terms", "contact_id");
  }

  @Override
  public void insert(List<Contact> contacts) {
    Statements.exec(
        () -> {
          int inserted =
              sql.insertRows(
                  "INSERT INTO contacts (user_id, id, seq, created_at, updated_at, deleted, body,"
                      + " first_key, last_key, photo_version)",
                  10,
                  // A tombstone's id may be taken again (a CardDAV card re-created at its old
                  // resource name); a live contact's never: then no row changes (checked).
                  "ON CONFLICT (user_id, id) DO UPDATE SET seq = excluded.seq,"
                      + " created_at = excluded.created_at, updated_at = excluded.updated_at,"
                      + " deleted = FALSE, body = excluded.body, first_key = excluded.first_key,"
                      + " last_key = excluded.last_key, photo_version = excluded.photo_version"
                      + " WHERE contacts.deleted",
                  contacts,
                  (insert, at, c) -> {
                    insert.setLong(at + 1, userId);
                    insert.setLong(at + 2, c.id());
                    insert.setLong(at + 3, c.seq());
                    insert.setLong(at + 4, c.created().toEpochMilli());
                    insert.setLong(at + 5, c.updated().toEpochMilli());
                    insert.setBoolean(at + 6, false);
                    insert.setString(at + 7, c.body());
                    insert.setString(at + 8, c.keys().firstName());
                    insert.setString(at + 9, c.keys().lastName());
                    insert.setLong(at + 10, c.photoVersion());
                  });
          if (inserted != contacts.size()) {
            throw new SQLException("contact id taken", "23505");
          }
          terms.insert(contacts);
          Map<String, Long> delta = new HashMap<>();
          insertMembers(contacts, delta);
          JdbcGroupStore.addToCounts(sql, userId, delta);
        });
  }

  @Override
  public void update(List<Contact> contacts) {
    Statements.exec(
        () -> {
          sql.batch(
              "UPDATE contacts SET seq = ?, updated_at = ?, body = ?, first_key = ?, last_key = ?,"
                  + " photo_version = ? WHERE user_id = ? AND id = ?",
              contacts,
              (update, c) -> {
                update.setLong(1, c.seq());
                update.setLong(2, c.updated().toEpochMilli());
                update.setString(3, c.body());
                update.setString(4, c.keys().firstName());
                update.setString(5, c.keys().lastName());
                update.setLong(6, c.photoVersion());
                update.setLong(7, userId);
                update.setLong(8, c.id());
              });
          List<Long> ids = contacts.stream().map(Contact::id).toList();
          terms.delete(ids);
          terms.insert(contacts);
          replaceMembers(ids, contacts);
        });
  }

  @Override
  public void updateMemberships(List<Contact> contacts) {
    Statements.exec(
        () -> {
          sql.batch(
              "UPDATE contacts SET seq = ?, updated_at = ?, body = ? WHERE user_id = ? AND id = ?",
              contacts,
              (update, c) -> {
                update.setLong(1, c.seq());
                update.setLong(2, c.updated().toEpochMilli());
                update.setString(3, c.body());
                update.setLong(4, userId);
                update.setLong(5, c.id());
              });
          replaceMembers(contacts.stream().map(Contact::id).toList(), contacts);
        });
  }

  @Override
  public void touch(Contact contact) {
    sql.update(
        "UPDATE contacts SET seq = ?, updated_at = ?, photo_version = ?"
            + " WHERE user_id = ? AND id = ?",
        contact.seq(),
        contact.updated().toEpochMilli(),
        contact.photoVersion(),
        userId,
        contact.id());
  }

  @Override
  public void markDeleted(long id, long seq, Instant at) {
    sql.update(
        // The body stays until the tombstone is purged: a CardDAV sync names a removed card by
        // the resource name kept in it.
        "UPDATE contacts SET deleted = TRUE, seq = ?, updated_at = ?,"
            + " first_key = '', last_key = '', photo_version = 0 WHERE user_id = ? AND id = ?",
        seq,
        at.toEpochMilli(),
        userId,
        id);
    Statements.exec(
        () -> {
          terms.delete(List.of(id));
          replaceMembers(List.of(id), List.of());
        });
  }

  @Override
  public List<Contact> page(SortOrder order, @Nullable Cursor after, long maxSeq, int limit) {
    String live = " WHERE user_id = ? AND deleted = FALSE AND seq <= ?";
    if (after == null) {
      return select(limit, live + orderBy(order) + " LIMIT ?", userId, maxSeq, limit);
    }
    return switch (order) {
      case LAST_MODIFIED_ASCENDING ->
          select(
              limit,
              live + " AND seq > ?" + orderBy(order) + " LIMIT ?",
              userId,
              maxSeq,
              after.seq(),
              limit);
      case LAST_MODIFIED_DESCENDING ->
          select(
              limit,
              live + " AND seq < ?" + orderBy(order) + " LIMIT ?",
              userId,
              maxSeq,
              after.seq(),
              limit);
      case FIRST_NAME_ASCENDING ->
          select(
              limit,
              live + " AND (first_key, id) > (?, ?)" + orderBy(order) + " LIMIT ?",
              userId,
              maxSeq,
              after.key(),
              after.id(),
              limit);
      case LAST_NAME_ASCENDING ->
          select(
              limit,
              live + " AND (last_key, id) > (?, ?)" + orderBy(order) + " LIMIT ?",
              userId,
              maxSeq,
              after.key(),
              after.id(),
              limit);
    };
  }

  private static String orderBy(SortOrder order) {
    return switch (order) {
      case LAST_MODIFIED_ASCENDING -> " ORDER BY seq";
      case LAST_MODIFIED_DESCENDING -> " ORDER BY seq DESC";
      case FIRST_NAME_ASCENDING -> " ORDER BY first_key, id";
      case LAST_NAME_ASCENDING -> " ORDER BY last_key, id";
    };
  }

  @Override
  public List<Long> search(String prefix, int limit) {
    return terms.search(prefix, limit);
  }

  @Override
  public List<Contact> find(String prefix, int limit) {
    return terms.find(prefix, limit, "contacts", COLUMNS, JdbcContactStore::contact);
  }

  /**
   * The membership index: one row per group of each contact (ContactKeys.groups), and the per-group
   * member counts kept in step with it.
   */
  private void replaceMembers(List<Long> ids, List<Contact> contacts) throws SQLException {
    Map<String, Long> delta = new HashMap<>();
    deleteMembers(ids, delta);
    insertMembers(contacts, delta);
    JdbcGroupStore.addToCounts(sql, userId, delta);
  }

  private void insertMembers(List<Contact> contacts, Map<String, Long> delta) throws SQLException {
    List<Statements.UserRow> rows = new ArrayList<>();
    for (Contact c : contacts) {
      for (String group : new LinkedHashSet<>(c.keys().groups())) {
        rows.add(new Statements.UserRow(group, c.id()));
        delta.merge(group, 1L, Long::sum);
      }
    }
    sql.insertUserRows(
        "INSERT INTO group_members (user_id, group_id, contact_id)", "", userId, rows);
  }

  private void deleteMembers(List<Long> ids, Map<String, Long> delta) throws SQLException {
    int groups =
        sql.eachIn(
            "SELECT group_id, COUNT(*) FROM group_members WHERE user_id = ? AND contact_id IN (%s)"
                + " GROUP BY group_id",
            userId, ids, rs -> delta.merge(rs.getString(1), -rs.getLong(2), Long::sum));
    if (groups > 0) {
      sql.batch(
          "DELETE FROM group_members WHERE user_id = ? AND contact_id = ?",
          ids,
          (delete, id) -> {
            delete.setLong(1, userId);
            delete.setLong(2, id);
          });
    }
  }

  /**
   * Binds the first eight parameters of a contact row's INSERT, as contacts and other contacts
   * share them: user_id, id, seq, created_at, updated_at, body, first_key, last_key.
   */
  static void bindInsert(PreparedStatement insert, long userId, Contact c) throws SQLException {
    insert.setLong(1, userId);
    insert.setLong(2, c.id());
    insert.setLong(3, c.seq());
    insert.setLong(4, c.created().toEpochMilli());
    insert.setLong(5, c.updated().toEpochMilli());
    insert.setString(6, c.body());
    insert.setString(7, c.keys().firstName());
    insert.setString(8, c.keys().lastName());
  }

  /** A contact row of {@link #COLUMNS}. */
  static Contact contact(ResultSet rs) throws SQLException {
    return new Contact(
        rs.getLong(1),
        rs.getLong(2),
        Instant.ofEpochMilli(rs.getLong(3)),
        Instant.ofEpochMilli(rs.getLong(4)),
        rs.getBoolean(5),
        rs.getString(6),
        new ContactKeys(rs.getString(7), rs.getString(8), List.of()),
        rs.getLong(9));
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.Contact;
import dev.openpeople.contact.OtherContactStore;
import dev.openpeople.listing.Cursor;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Other contacts of one user in the {@code other_contacts} and {@code other_contact_terms} tables.
 * Like contacts, the {@code seq} column is the change log and deletes leave tombstones; {@code
 * email_key} keeps one other contact per address findable in one index probe.
 */
final class JdbcOtherContactStore extends JdbcChangeLog<Long, Contact>
    implements OtherContactStore {
  /** The columns of {@link JdbcContactStore#contact}; other contacts have no photo. */
  static final String COLUMNS =
      "id, seq, created_at, updated_at, deleted, body, first_key, last_key, 0";

  private final SearchTerms terms;

  JdbcOtherContactStore(Connection connection, long userId) {
    super(
        connection, userId, "other_contacts", COLUMNS, JdbcContactStore::contact, Contact::deleted);
    this.terms = new SearchTerms(connection, userId, "other_contact_terms", "other_contact_id");
  }

  @Override
  public Optional<Contact> findByEmail(String emailKey) {
    if (emailKey.isEmpty()) {
      return Optional.empty();
    }
    // Tombstones have an empty email_key, so no "deleted = FALSE" here: with it SQLite's planner
    // probes the tombstone index (deleted, updated_at) and scans every live row.
    return sql
        .select(
            new ArrayList<>(1),
            "SELECT "
                + COLUMNS
                + " FROM other_contacts WHERE user_id = ? AND email_key = ? LIMIT 1",
            JdbcContactStore::contact,
            userId,
            emailKey)
        .stream()
        .filter(c -> !c.deleted())
        .findFirst();
  }

  @Override
  public void insert(List<Row> rows) {
    Statements.exec(
        () -> {
          sql.batch(
              "INSERT INTO other_contacts (user_id, id, seq, created_at, updated_at, deleted,"
                  + " body, first_key, last_key, email_key)"
                  + " VALUES (?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?)",
              rows,
              (insert, row) -> {
                JdbcContactStore.bindInsert(insert, userId, row.contact());
                insert.setString(9, row.emailKey());
              });
          terms.insert(rows.stream().map(Row::contact).toList());
        });
  }

  @Override
  public void update(Row row) {
    Contact c = row.contact();
    sql.update(
        "UPDATE other_contacts SET seq = ?, updated_at = ?, body = ?, first_key = ?,"
            + " last_key = ?, email_key = ? WHERE user_id = ? AND id = ?",
        c.seq(),
        c.updated().toEpochMilli(),
        c.body(),
        c.keys().firstName(),
        c.keys().lastName(),
        row.emailKey(),
        userId,
        c.id());
    terms.delete(List.of(c.id()));
    terms.insert(List.of(c));
  }

  @Override
  public void markDeleted(long id, long seq, Instant at) {
    sql.update(
        "UPDATE other_contacts SET deleted = TRUE, seq = ?, updated_at = ?, body = '{}',"
            + " first_key = '', last_key = '', email_key = '' WHERE user_id = ? AND id = ?",
        seq,
        at.toEpochMilli(),
        userId,
        id);
    terms.delete(List.of(id));
  }

  @Override
  public List<Contact> page(@Nullable Cursor after, long maxSeq, int limit) {
    return liveBySeq(after == null ? 0 : after.seq(), maxSeq, limit);
  }

  @Override
  public List<Long> search(String prefix, int limit) {
    return terms.search(prefix, limit);
  }

  @Override
  public List<Contact> find(String prefix, int limit) {
    return terms.find(prefix, limit, "other_contacts", COLUMNS, JdbcContactStore::contact);
  }
}

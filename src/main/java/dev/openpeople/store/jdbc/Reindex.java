// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.Contact;
import dev.openpeople.contact.IndexRules;
import dev.openpeople.contact.User;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link dev.openpeople.contact.Storage#reindex}: reads the live rows of each indexed table in key
 * order, a batch at a time, computes their keys outside any transaction, and writes each batch in
 * one transaction. A row is rewritten only if its {@code seq} is still the one read: a row changed
 * meanwhile was indexed by that change under the current rules. Running it on several nodes at once
 * only repeats work.
 */
final class Reindex {
  private static final Logger LOG = LoggerFactory.getLogger(Reindex.class);
  private static final int BATCH = 500;

  private final JdbcStorage storage;
  private final IndexRules rules;

  Reindex(JdbcStorage storage, IndexRules rules) {
    this.storage = storage;
    this.rules = rules;
  }

  int run() {
    String recorded =
        storage.runRead(
            c ->
                new Statements(c)
                    .select(
                        "SELECT index_version FROM server_state WHERE id = 1",
                        rs -> rs.getString(1))
                    .get(0));
    if (recorded.equals(rules.version())) {
      return 0;
    }
    int rows =
        contacts("contacts", JdbcContactStore.COLUMNS, "contact_terms", "contact_id")
            + contacts(
                "other_contacts",
                JdbcOtherContactStore.COLUMNS,
                "other_contact_terms",
                "other_contact_id")
            + sharedContacts();
    // Profile terms fold with TextKeys, named by the production rules' version.
    int profiles = users();
    storage.runWrite(
        c ->
            new Statements(c)
                .update("UPDATE server_state SET index_version = ? WHERE id = 1", rules.version()));
    LOG.info(
        "Re-indexed {} rows and the profiles of {} users under index rules {} (were: {})",
        rows,
        profiles,
        rules.version(),
        recorded.isEmpty() ? "lower-cased names and terms" : recorded);
    return rows;
  }

  /**
   * Reads the rows {@code select} returns after a position (its two {@code ?} before the LIMIT's) a
   * batch at a time, from {@code start} on, and hands each batch to {@code rewrite}; returns the
   * sum of what it returned.
   */
  private <T> int inBatches(
      String select,
      Statements.RowReader<T> reader,
      Object[] start,
      Function<T, Object[]> position,
      ToIntFunction<List<T>> rewrite) {
    int rewritten = 0;
    Object[] after = start;
    while (true) {
      Object[] args = {after[0], after[1], BATCH};
      List<T> rows = storage.runRead(c -> new Statements(c).select(select, reader, args));
      if (rows.isEmpty()) {
        return rewritten;
      }
      rewritten += rewrite.applyAsInt(rows);
      after = position.apply(rows.get(rows.size() - 1));
    }
  }

  /** A row of a user's contact table. */
  private record Owned(long userId, Contact contact) {}

  /** Re-keys a contact table ({@link JdbcContactStore#contact} rows) and its term table. */
  private int contacts(String table, String columns, String termTable, String owner) {
    return inBatches(
        "SELECT "
            + columns
            + ", user_id FROM "
            + table
            + " WHERE deleted = FALSE AND (user_id, id) > (?, ?) ORDER BY user_id, id LIMIT ?",
        rs -> new Owned(rs.getLong(10), JdbcContactStore.contact(rs)),
        new Object[] {Long.MIN_VALUE, Long.MIN_VALUE},
        row -> new Object[] {row.userId(), row.contact().id()},
        rows -> {
          List<Owned> keyed = new ArrayList<>(rows.size());
          for (Owned row : rows) {
            Contact c = row.contact();
            keyed.add(new Owned(row.userId(), c.withKeys(rules.contact(c.body()))));
          }
          return storage.runWrite(c -> rewrite(new Statements(c), table, termTable, owner, keyed));
        });
  }

  private static int rewrite(
      Statements sql, String table, String termTable, String owner, List<Owned> rows)
      throws SQLException {
    int[] counts =
        sql.batch(
            "UPDATE "
                + table
                + " SET first_key = ?, last_key = ? WHERE user_id = ? AND id = ? AND seq = ?",
            rows,
            (update, row) -> {
              update.setString(1, row.contact().keys().firstName());
              update.setString(2, row.contact().keys().lastName());
              update.setLong(3, row.userId());
              update.setLong(4, row.contact().id());
              update.setLong(5, row.contact().seq());
            });
    Map<Long, List<Contact>> byUser = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      if (counts[i] > 0) {
        byUser
            .computeIfAbsent(rows.get(i).userId(), u -> new ArrayList<>())
            .add(rows.get(i).contact());
      }
    }
    for (Map.Entry<Long, List<Contact>> user : byUser.entrySet()) {
      SearchTerms terms = new SearchTerms(sql.connection(), user.getKey(), termTable, owner);
      terms.delete(user.getValue().stream().map(Contact::id).toList());
      terms.insert(user.getValue());
    }
    return changed(counts);
  }

  /**
   * A live shared contact's key and sequence, with a text: its entry as read, its search text as
   * written.
   */
  private record Shared(String domain, String id, long seq, String text) {}

  /** Recomputes the search text (and so the search terms) of the live shared contacts. */
  private int sharedContacts() {
    return inBatches(
        "SELECT domain, id, seq, entry FROM shared_contacts"
            + " WHERE deleted = FALSE AND (domain, id) > (?, ?) ORDER BY domain, id LIMIT ?",
        rs -> new Shared(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)),
        new Object[] {"", ""},
        row -> new Object[] {row.domain(), row.id()},
        rows -> {
          List<Shared> keyed =
              rows.stream()
                  .map(r -> new Shared(r.domain(), r.id(), r.seq(), rules.sharedContact(r.text())))
                  .toList();
          return storage.runWrite(
              c -> {
                Statements sql = new Statements(c);
                int[] counts =
                    sql.batch(
                        "UPDATE shared_contacts SET search_text = ?"
                            + " WHERE domain = ? AND id = ? AND seq = ?",
                        keyed,
                        (update, row) -> {
                          update.setString(1, row.text());
                          update.setString(2, row.domain());
                          update.setString(3, row.id());
                          update.setLong(4, row.seq());
                        });
                for (int i = 0; i < counts.length; i++) {
                  if (counts[i] > 0) {
                    Shared row = keyed.get(i);
                    JdbcSharedContactStore.writeTerms(
                        sql, row.domain(), row.id(), true, row.text());
                  }
                }
                return changed(counts);
              });
        });
  }

  /** A user row and its domain sequence number, which changes with its profile. */
  private record Profile(User user, long domainSeq) {}

  /**
   * Recomputes the profile search terms of every user ({@link ProfileTerms}), which fold text by
   * the rules; a user whose profile changed since it was read was indexed by that change.
   */
  private int users() {
    return inBatches(
        "SELECT "
            + JdbcStorage.USER_COLUMNS
            + ", domain_seq FROM users WHERE (id, id) > (?, ?) ORDER BY id LIMIT ?",
        rs -> new Profile(JdbcStorage.user(rs), rs.getLong(6)),
        new Object[] {Long.MIN_VALUE, Long.MIN_VALUE},
        row -> new Object[] {row.user().id(), row.user().id()},
        rows ->
            storage.runWrite(
                c -> {
                  Statements sql = new Statements(c);
                  int[] counts =
                      sql.batch(
                          "UPDATE users SET domain_seq = domain_seq WHERE id = ? AND domain_seq = ?",
                          rows,
                          (update, row) -> {
                            update.setLong(1, row.user().id());
                            update.setLong(2, row.domainSeq());
                          });
                  for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0) {
                      ProfileTerms.write(sql, rows.get(i).user());
                    }
                  }
                  return changed(counts);
                }));
  }

  /** How many statements of a batch changed a row. */
  private static int changed(int[] counts) {
    return (int) Arrays.stream(counts).filter(n -> n > 0).count();
  }
}

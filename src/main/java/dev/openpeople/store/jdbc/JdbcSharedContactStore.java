// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.Photo;
import dev.openpeople.contact.SharedContact;
import dev.openpeople.contact.SharedContactQuery;
import dev.openpeople.contact.SharedContactStore;
import dev.openpeople.listing.ChangeLog;
import dev.openpeople.listing.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The SQL implementation of {@link SharedContactStore} for one domain of one transaction; {@code
 * narrow} keeps, per search prefix, whether the terms answer it ({@link #termsEnd}), so a count and
 * a page of the same search probe once.
 */
record JdbcSharedContactStore(Statements sql, String domain, Map<String, Boolean> narrow)
    implements SharedContactStore {
  JdbcSharedContactStore(Statements sql, String domain) {
    this(sql, domain, new HashMap<>());
  }

  private static final String COLUMNS =
      "domain, id, seq, created_at, updated_at, deleted, entry, person, search_text, photo_version";

  /** {@link #COLUMNS} without the derived documents a feed does not show. */
  private static final String FEED_COLUMNS =
      "domain, id, seq, created_at, updated_at, deleted, entry, '' AS person, '' AS search_text,"
          + " photo_version";

  /**
   * Term rows beyond which a search matches the domain's rows with LIKE instead: a short prefix can
   * select most of a domain's terms, and counting the distinct owners of many terms costs more than
   * one pass over the rows (PostgreSQL, 100,000 contacts: ~1.4 ms for 1,100 terms, ~7 ms for
   * 11,000, ~17 ms for the LIKE pass; BENCHMARKS.md). Finding that out reads at most this many.
   */
  private static final int BROAD = 4000;

  @Override
  public Optional<SharedContact> get(String id) {
    List<SharedContact> rows =
        select("SELECT " + COLUMNS + " FROM shared_contacts WHERE domain = ? AND id = ?", id);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  @Override
  public void put(SharedContact c) {
    // The domain's live count follows the row: +1 when it becomes live, -1 when it stops being.
    sql.update(
        "UPDATE domains SET live_count = live_count + ? - COALESCE((SELECT CASE WHEN deleted"
            + " THEN 0 ELSE 1 END FROM shared_contacts WHERE domain = ? AND id = ?), 0)"
            + " WHERE name = ?",
        c.deleted() ? 0 : 1,
        domain,
        c.id(),
        domain);
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
    writeTerms(sql, domain, c.id(), !c.deleted(), c.searchText());
  }

  /**
   * Replaces the rows of {@code shared_contact_terms} of one contact: the {@link #terms} of its
   * search text when it is live, none when it is deleted.
   */
  static void writeTerms(
      Statements sql, String domain, String id, boolean live, String searchText) {
    sql.update("DELETE FROM shared_contact_terms WHERE domain = ? AND contact_id = ?", domain, id);
    if (live) {
      Statements.exec(
          () ->
              sql.batch(
                  "INSERT INTO shared_contact_terms (domain, term, contact_id) VALUES (?, ?, ?)",
                  terms(searchText),
                  (insert, term) -> {
                    insert.setString(1, domain);
                    insert.setString(2, term);
                    insert.setString(3, id);
                  }));
    }
  }

  /**
   * The distinct words of a search text that follow a space: a query without spaces matches {@code
   * search_text LIKE '% query%'} exactly when one of them starts with it.
   */
  static Set<String> terms(String searchText) {
    Set<String> terms = new LinkedHashSet<>();
    int start = searchText.indexOf(' ');
    while (start >= 0) {
      int end = searchText.indexOf(' ', start + 1);
      String word = searchText.substring(start + 1, end < 0 ? searchText.length() : end);
      if (!word.isEmpty()) {
        terms.add(word);
      }
      start = end;
    }
    return terms;
  }

  @Override
  public ChangeLog.Indexed<SharedContact> changeLog(SharedContactQuery query) {
    return new View(query, COLUMNS);
  }

  @Override
  public ChangeLog.Indexed<SharedContact> feed(SharedContactQuery query) {
    return new View(query, FEED_COLUMNS);
  }

  /**
   * The contacts a query selects, in its order, read with keyset seeks or offsets; {@code columns}
   * are those the rows are read from.
   */
  private final class View implements ChangeLog.Indexed<SharedContact> {
    private final SharedContactQuery q;
    private final String columns;

    View(SharedContactQuery q, String columns) {
      this.q = q;
      this.columns = columns;
    }

    @Override
    public List<SharedContact> page(@Nullable Cursor after, long skip, long maxSeq, int limit) {
      List<Object> args = new ArrayList<>();
      String where = where(q.showDeleted(), args) + " AND seq <= ?";
      args.add(maxSeq);
      long offset = skip;
      if (after != null) {
        where += seek(after, args);
        offset = 0;
      }
      String direction = q.descending() ? " DESC" : "";
      String order =
          q.byLastModified()
              ? " ORDER BY updated_at" + direction + ", seq" + direction
              : " ORDER BY id" + direction;
      args.add(limit);
      args.add(offset);
      return select(
          "SELECT " + columns + " FROM shared_contacts" + where + order + " LIMIT ? OFFSET ?",
          args.toArray());
    }

    @Override
    public long count(long maxSeq) {
      if (!q.showDeleted() && q.updatedMin() == null && q.text() == null) {
        // Every live row when the snapshot includes the domain's last change (as a feed's does):
        // the count put() keeps, O(1) where COUNT(*) reads the whole domain on every page.
        List<Long> kept =
            sql.select(
                "SELECT live_count FROM domains WHERE name = ? AND last_seq <= ?",
                rs -> rs.getLong(1),
                domain,
                maxSeq);
        if (!kept.isEmpty()) {
          return kept.get(0);
        }
      }
      List<Object> args = new ArrayList<>();
      String where = where(q.showDeleted(), args) + " AND seq <= ?";
      args.add(maxSeq);
      args.add(0, domain);
      return sql.number("SELECT COUNT(*) FROM shared_contacts" + where, args.toArray());
    }

    @Override
    public List<SharedContact> changes(long afterSeq, long maxSeq, int limit) {
      List<Object> args = new ArrayList<>();
      String where = where(true, args) + " AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?";
      args.addAll(List.of(afterSeq, maxSeq, limit));
      return select("SELECT " + columns + " FROM shared_contacts" + where, args.toArray());
    }

    @Override
    public Cursor cursorAfter(SharedContact row) {
      return new Cursor(row.id(), row.seq(), row.updated().toEpochMilli());
    }

    @Override
    public long seq(SharedContact row) {
      return row.seq();
    }

    /** The keyset condition that starts a page after {@code after}. */
    private String seek(Cursor after, List<Object> args) {
      String op = q.descending() ? "<" : ">";
      if (!q.byLastModified()) {
        args.add(after.key());
        return " AND id " + op + " ?";
      }
      args.addAll(List.of(after.id(), after.id(), after.seq()));
      return " AND (updated_at " + op + " ? OR (updated_at = ? AND seq " + op + " ?))";
    }

    /**
     * The query's WHERE clause but for the sequence bounds (the domain is bound by {@link
     * #select}); {@code tombstones} whether it keeps them.
     */
    private String where(boolean tombstones, List<Object> args) {
      StringBuilder clause = new StringBuilder(" WHERE domain = ?");
      if (!tombstones) {
        clause.append(" AND deleted = FALSE");
      }
      if (q.updatedMin() != null) {
        clause.append(" AND updated_at >= ?");
        args.add(q.updatedMin().toEpochMilli());
      }
      if (q.text() != null) {
        clause.append(" AND search_text LIKE ? ESCAPE '\\'");
        args.add(like(q.text()));
      }
      return clause.toString();
    }
  }

  @Override
  public long countSearch(String prefix) {
    String end = rangeEnd(prefix);
    if (end != null && !Boolean.FALSE.equals(narrow.get(prefix))) {
      // The probe of termsEnd and the count in one statement: the count, in the CASE's branch, runs
      // only when the probe finds the prefix narrow; -1 otherwise.
      long count =
          sql.number(
              "SELECT CASE WHEN (SELECT COUNT(*) FROM (SELECT 1 FROM shared_contact_terms"
                  + " WHERE domain = ? AND term >= ? AND term < ? LIMIT ?) probe) <= ?"
                  + " THEN (SELECT COUNT(*) FROM (SELECT DISTINCT contact_id FROM"
                  + " shared_contact_terms WHERE domain = ? AND term >= ? AND term < ?) matches)"
                  + " ELSE -1 END",
              domain,
              prefix,
              end,
              BROAD + 1,
              BROAD,
              domain,
              prefix,
              end);
      narrow.put(prefix, count >= 0);
      if (count >= 0) {
        return count;
      }
    }
    return sql.number(
        "SELECT COUNT(*) FROM shared_contacts WHERE domain = ? AND deleted = FALSE"
            + " AND search_text LIKE ? ESCAPE '\\'",
        domain,
        like(prefix));
  }

  /**
   * The upper bound of the terms {@code prefix} selects ({@link #rangeEnd}), or null when the
   * search should match {@code search_text} with LIKE instead: the terms cannot answer it, or it
   * selects more than {@link #BROAD} of them.
   */
  private @Nullable String termsEnd(String prefix) {
    String end = rangeEnd(prefix);
    if (end == null) {
      return null;
    }
    Boolean known = narrow.get(prefix);
    if (known == null) {
      long terms =
          sql.number(
              "SELECT COUNT(*) FROM (SELECT 1 FROM shared_contact_terms"
                  + " WHERE domain = ? AND term >= ? AND term < ? LIMIT ?) probe",
              domain,
              prefix,
              end,
              BROAD + 1);
      known = terms <= BROAD;
      narrow.put(prefix, known);
    }
    return known ? end : null;
  }

  /**
   * The least string above every string starting with {@code prefix} (its last code point plus
   * one), which bounds a range scan of the terms in both dialects' byte order (SQLite's BINARY,
   * PostgreSQL's "C" on UTF-8, both code point order); null when the terms cannot answer: an empty
   * prefix, one with a space (it spans words) or one ending in U+10FFFF.
   */
  static @Nullable String rangeEnd(String prefix) {
    if (prefix.isEmpty() || prefix.indexOf(' ') >= 0) {
      return null;
    }
    int last = prefix.codePointBefore(prefix.length());
    if (last == Character.MAX_CODE_POINT) {
      return null;
    }
    int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
    return prefix.substring(0, prefix.length() - Character.charCount(last))
        + Character.toString(next);
  }

  private static String like(String prefix) {
    return "% " + prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  @Override
  public List<SharedContact> search(String prefix, long offset, int limit) {
    String end = termsEnd(prefix);
    if (end != null) {
      return select(
          "SELECT "
              + COLUMNS
              + " FROM shared_contacts WHERE domain = ? AND deleted = FALSE AND id IN"
              + " (SELECT contact_id FROM shared_contact_terms"
              + " WHERE domain = ? AND term >= ? AND term < ?) ORDER BY id LIMIT ? OFFSET ?",
          domain,
          prefix,
          end,
          limit,
          offset);
    }
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

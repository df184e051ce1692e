// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.listing.ChangeLog;
import dev.openpeople.listing.Cursor;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One user's other contacts inside a transaction. They are stored like contacts (a {@link Contact}
 * row with body, keys and change sequence) plus the e-mail address that makes each one unique; the
 * shared per-user sequence is their change log too
 * (docs/adr/0008-other-contacts-and-fault-injection.md).
 */
public interface OtherContactStore extends ChangeLog.Counted<Contact> {
  /**
   * The sequence of the last change made at or before {@code cutoff}, 0 if none (what a read with a
   * propagation delay sees up to).
   */
  long lastSeqAsOf(Instant cutoff);

  /** A row to write: the other contact and its lower-cased primary e-mail address ("" if none). */
  record Row(Contact contact, String emailKey) {}

  /** A live other contact (tombstones are not found). */
  default Optional<Contact> get(long id) {
    return getAll(List.of(id)).stream().findFirst();
  }

  /** The live other contacts among {@code ids}, in no particular order. */
  List<Contact> getAll(Collection<Long> ids);

  /** The live other contact with this lower-cased e-mail address, if any. */
  Optional<Contact> findByEmail(String emailKey);

  void insert(List<Row> rows);

  /** Replaces body, keys, e-mail key, sequence and update time of an existing other contact. */
  void update(Row row);

  /** Turns an other contact into a tombstone carrying sequence {@code seq}. */
  void markDeleted(long id, long seq, Instant at);

  /** Live other contacts by sequence after {@code after}, with sequence at most {@code maxSeq}. */
  @Override
  List<Contact> page(@Nullable Cursor after, long maxSeq, int limit);

  /** Other contacts are listed by sequence. */
  @Override
  default Cursor cursorAfter(Contact row) {
    return Contact.cursorAfter(row, SortOrder.LAST_MODIFIED_ASCENDING);
  }

  @Override
  default long seq(Contact row) {
    return row.seq();
  }

  /** Ids of live other contacts with a search term starting with {@code prefix}. */
  List<Long> search(String prefix, int limit);

  /**
   * The live other contacts among the ids {@link #search} returns for the same arguments, read in
   * one statement (so also outside a transaction, {@link Storage#readStatement}).
   */
  List<Contact> find(String prefix, int limit);
}

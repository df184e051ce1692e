// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.listing.ChangeLog;
import dev.openpeople.listing.Cursor;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One user's contacts inside a transaction; every method is scoped to that user. */
public interface ContactStore extends ChangeReads<Contact> {
  /**
   * The sequence of the last change made at or before {@code cutoff}, 0 if none (what a read with a
   * propagation delay sees up to).
   */
  long lastSeqAsOf(Instant cutoff);

  /** A live contact (tombstones are not found). */
  default Optional<Contact> get(long id) {
    return getAll(List.of(id)).stream().findFirst();
  }

  /** The live contacts among {@code ids}, in no particular order. */
  List<Contact> getAll(Collection<Long> ids);

  void insert(List<Contact> contacts);

  /** Replaces body, keys, sequence, update time and photo version of existing contacts. */
  void update(List<Contact> contacts);

  /**
   * Records a membership change: replaces body, group keys, sequence and update time, and leaves
   * sort keys and search terms alone (they do not depend on memberships).
   */
  void updateMemberships(List<Contact> contacts);

  /** Records a change that leaves body and keys alone (a photo): new sequence, time, photo. */
  void touch(Contact contact);

  /** Turns a contact into a tombstone carrying sequence {@code seq}. */
  void markDeleted(long id, long seq, Instant at);

  /** Live contacts in {@code order} after {@code after}, with sequence at most {@code maxSeq}. */
  List<Contact> page(SortOrder order, @Nullable Cursor after, long maxSeq, int limit);

  /** Ids of live contacts with a search term starting with {@code prefix}. */
  List<Long> search(String prefix, int limit);

  /**
   * The live contacts among the ids {@link #search} returns for the same arguments, read in one
   * statement (so also outside a transaction, {@link Storage#readStatement}).
   */
  List<Contact> find(String prefix, int limit);

  /** The contacts as a change log, the full listing in {@code order}. */
  default ChangeLog.Counted<Contact> changeLog(SortOrder order) {
    return changeLog(
        (after, maxSeq, limit) -> page(order, after, maxSeq, limit),
        row -> Contact.cursorAfter(row, order),
        Contact::seq);
  }
}

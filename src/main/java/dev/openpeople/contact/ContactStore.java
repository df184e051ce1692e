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
public interface ContactStore {
  /** A live contact (tombstones are not found). */
  Optional<Contact> get(long id);

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

  /** Contacts and tombstones changed after {@code afterSeq} up to {@code maxSeq}, by sequence. */
  List<Contact> changes(long afterSeq, long maxSeq, int limit);

  long countLive(long maxSeq);

  long countChanges(long afterSeq, long maxSeq);

  /** Ids of live contacts with a search term starting with {@code prefix}. */
  List<Long> search(String prefix, int limit);

  /** The contacts as a change log, the full listing in {@code order}. */
  default ChangeLog.Counted<Contact> changeLog(SortOrder order) {
    ContactStore store = this;
    return new ChangeLog.Counted<>() {
      @Override
      public List<Contact> page(@Nullable Cursor after, long maxSeq, int limit) {
        return store.page(order, after, maxSeq, limit);
      }

      @Override
      public List<Contact> changes(long afterSeq, long maxSeq, int limit) {
        return store.changes(afterSeq, maxSeq, limit);
      }

      @Override
      public Cursor cursorAfter(Contact row) {
        return Contact.cursorAfter(row, order);
      }

      @Override
      public long seq(Contact row) {
        return row.seq();
      }

      @Override
      public long countLive(long maxSeq) {
        return store.countLive(maxSeq);
      }

      @Override
      public long countChanges(long afterSeq, long maxSeq) {
        return store.countChanges(afterSeq, maxSeq);
      }
    };
  }
}

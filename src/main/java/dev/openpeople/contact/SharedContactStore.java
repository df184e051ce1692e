// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.listing.ChangeLog;
import dev.openpeople.listing.Cursor;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One domain's shared contacts and their photos inside a transaction. */
public interface SharedContactStore {
  /** The contact or its tombstone. */
  Optional<SharedContact> get(String id);

  /** Inserts a new contact or replaces the stored row of the same id. */
  void put(SharedContact contact);

  List<SharedContact> query(SharedContactQuery query);

  long count(SharedContactQuery query);

  /** Live contacts with {@code seq <= snapshotSeq} after id {@code afterId}, by id. */
  List<SharedContact> page(String afterId, long snapshotSeq, int limit);

  /** Contacts and tombstones changed in {@code (afterSeq, upToSeq]}, by seq. */
  List<SharedContact> changes(long afterSeq, long upToSeq, int limit);

  /** Live contacts having a word that starts with {@code prefix} (lower case), by id. */
  List<SharedContact> search(String prefix, long offset, int limit);

  /** How many live contacts {@link #search} finds in all. */
  long countSearch(String prefix);

  Optional<Photo> photo(String id);

  void putPhoto(String id, Photo photo);

  void deletePhoto(String id);

  /** The shared contacts as a change log, the full listing by id (it does not count). */
  default ChangeLog<SharedContact> changeLog() {
    SharedContactStore store = this;
    return new ChangeLog<>() {
      @Override
      public List<SharedContact> page(@Nullable Cursor after, long maxSeq, int limit) {
        return store.page(after == null ? "" : after.key(), maxSeq, limit);
      }

      @Override
      public List<SharedContact> changes(long afterSeq, long maxSeq, int limit) {
        return store.changes(afterSeq, maxSeq, limit);
      }

      @Override
      public Cursor cursorAfter(SharedContact row) {
        return new Cursor(row.id(), row.seq(), 0);
      }

      @Override
      public long seq(SharedContact row) {
        return row.seq();
      }
    };
  }
}

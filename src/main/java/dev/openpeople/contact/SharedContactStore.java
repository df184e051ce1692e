// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.listing.ChangeLog;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One domain's shared contacts and their photos inside a transaction. */
public interface SharedContactStore {
  /** The contact or its tombstone. */
  Optional<SharedContact> get(String id);

  /** Inserts a new contact or replaces the stored row of the same id. */
  void put(SharedContact contact);

  /**
   * The contacts {@code query} selects, in its order, as a change log a listing pages by cursor or
   * by row number. Its cursors carry a contact's id ({@code key}), change sequence ({@code seq})
   * and last change in epoch milliseconds ({@code id}).
   */
  ChangeLog.Indexed<SharedContact> changeLog(SharedContactQuery query);

  /**
   * {@link #changeLog} for a GData feed, whose rows carry only what an Atom entry shows: their
   * {@code person} and {@code searchText} are empty (not read), which halves what a page of 1,000
   * reads.
   */
  ChangeLog.Indexed<SharedContact> feed(SharedContactQuery query);

  /** Live contacts having a word that starts with {@code prefix} (lower case), by id. */
  List<SharedContact> search(String prefix, long offset, int limit);

  /** How many live contacts {@link #search} finds in all. */
  long countSearch(String prefix);

  Optional<Photo> photo(String id);

  /** The contact's photo; null when it has none (photo version 0), without reading the store. */
  default @Nullable Photo photoOf(SharedContact contact) {
    return contact.photoVersion() == 0 ? null : photo(contact.id()).orElse(null);
  }

  void putPhoto(String id, Photo photo);

  void deletePhoto(String id);
}

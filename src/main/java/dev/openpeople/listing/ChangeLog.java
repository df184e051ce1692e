// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.listing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A store's rows as a list method reads them: a full listing in one order, keyset-paged and cut at
 * a snapshot sequence, or the change log (rows and tombstones by change sequence). Every store that
 * backs a paged and synced list exposes one, so the listing engine ({@link Listing}) reads any of
 * them the same way.
 *
 * @param <T> the row type
 */
public interface ChangeLog<T> {
  /**
   * Live rows after {@code after} (from the start if null) with sequence at most {@code maxSeq}.
   */
  List<T> page(@Nullable Cursor after, long maxSeq, int limit);

  /** Rows and tombstones changed after {@code afterSeq} up to {@code maxSeq}, by sequence. */
  List<T> changes(long afterSeq, long maxSeq, int limit);

  /** The position just after {@code row} in the order of {@link #page}. */
  Cursor cursorAfter(T row);

  /** The change sequence number of {@code row}. */
  long seq(T row);

  /** A change log that also counts its rows, for lists that report a total. */
  interface Counted<T> extends ChangeLog<T> {
    /** How many live rows {@link #page} lists up to {@code maxSeq}. */
    long countLive(long maxSeq);

    /** How many rows {@link #changes} returns between {@code afterSeq} and {@code maxSeq}. */
    long countChanges(long afterSeq, long maxSeq);
  }

  /**
   * A change log whose listing a client addresses by row number as well as by cursor, and counts:
   * how GData feeds page ({@code start-index}, {@code openSearch:totalResults};
   * https://developers.google.com/gdata/docs/2.0/reference#Queries). Its listing is whatever the
   * view that made it selects (tombstones too when the view shows them); {@link #changes} still
   * reports every change of those rows, tombstones included.
   */
  interface Indexed<T> extends ChangeLog<T> {
    /**
     * The rows of the listing with sequence at most {@code maxSeq}: after {@code after} if not null
     * (a seek), else from row {@code skip} (zero-based).
     */
    List<T> page(@Nullable Cursor after, long skip, long maxSeq, int limit);

    /** How many rows the listing holds up to {@code maxSeq}. */
    long count(long maxSeq);

    @Override
    default List<T> page(@Nullable Cursor after, long maxSeq, int limit) {
      return page(after, 0, maxSeq, limit);
    }
  }
}

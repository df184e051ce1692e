// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.listing.ChangeLog;
import dev.openpeople.listing.Cursor;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The change-log reads a user's store shares with the others ({@link ContactStore}, {@link
 * GroupStore}): rows and tombstones by change sequence, and counts.
 *
 * @param <T> the row type
 */
public interface ChangeReads<T> {
  /** Rows and tombstones changed after {@code afterSeq} up to {@code maxSeq}, by sequence. */
  List<T> changes(long afterSeq, long maxSeq, int limit);

  /** How many live rows there are up to {@code maxSeq}. */
  long countLive(long maxSeq);

  /** How many rows {@link #changes} returns between {@code afterSeq} and {@code maxSeq}. */
  long countChanges(long afterSeq, long maxSeq);

  /** A keyset page of live rows in one order. */
  @FunctionalInterface
  interface Pager<T> {
    List<T> page(@Nullable Cursor after, long maxSeq, int limit);
  }

  /** These reads and a full listing as the {@link ChangeLog} the listing engine pages. */
  default ChangeLog.Counted<T> changeLog(
      Pager<T> pager, Function<T, Cursor> cursorAfter, ToLongFunction<T> seq) {
    ChangeReads<T> reads = this;
    return new ChangeLog.Counted<>() {
      @Override
      public List<T> page(@Nullable Cursor after, long maxSeq, int limit) {
        return pager.page(after, maxSeq, limit);
      }

      @Override
      public List<T> changes(long afterSeq, long maxSeq, int limit) {
        return reads.changes(afterSeq, maxSeq, limit);
      }

      @Override
      public Cursor cursorAfter(T row) {
        return cursorAfter.apply(row);
      }

      @Override
      public long seq(T row) {
        return seq.applyAsLong(row);
      }

      @Override
      public long countLive(long maxSeq) {
        return reads.countLive(maxSeq);
      }

      @Override
      public long countChanges(long afterSeq, long maxSeq) {
        return reads.countChanges(afterSeq, maxSeq);
      }
    };
  }
}

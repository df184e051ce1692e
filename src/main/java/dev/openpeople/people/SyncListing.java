// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import dev.openpeople.contact.Contact;
import dev.openpeople.contact.Cursor;
import dev.openpeople.contact.SortOrder;
import dev.openpeople.token.ListToken;
import dev.openpeople.token.TokenSigner;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The paging and sync rules shared by {@code connections.list} and {@code otherContacts.list}
 * (digest §5, §7): signed page and sync tokens bound to the request, a snapshot sequence so a
 * listing never sees later writes, incremental syncs that read only the change log, tombstones for
 * deletions, the total counted once per listing, and the sync token on the last page only.
 */
final class SyncListing {
  /** What a list method reads: a full listing in some order, or the change log. */
  interface Source {
    long countLive(long maxSeq);

    long countChanges(long afterSeq, long maxSeq);

    List<Contact> page(@Nullable Cursor after, long maxSeq, int limit);

    List<Contact> changes(long afterSeq, long maxSeq, int limit);
  }

  /**
   * A parsed list request.
   *
   * @param order the full listing's order (incremental syncs always go by sequence)
   * @param syncBinding fingerprint of what shapes results (sync tokens are bound to it)
   * @param pageBinding fingerprint of every parameter (page tokens are bound to it)
   * @param boundParams the parameter names named in the "must match" error
   */
  record Request(
      int pageSize,
      boolean requestSyncToken,
      SortOrder order,
      String syncBinding,
      String pageBinding,
      String boundParams) {}

  /** One page: its rows (tombstones included in incremental syncs) and the tokens to answer. */
  record Page(
      List<Contact> rows,
      @Nullable String nextPageToken,
      @Nullable String nextSyncToken,
      long total) {}

  private final String method;
  private final TokenSigner signer;

  SyncListing(String method, TokenSigner signer) {
    this.method = method;
    this.signer = signer;
  }

  /** True for the first page of a full sync: no page token and no sync token. */
  static boolean firstPageOfFullSync(@Nullable String pageToken, @Nullable String syncToken) {
    return (pageToken == null || pageToken.isEmpty()) && (syncToken == null || syncToken.isEmpty());
  }

  /** Where this page starts: a page token's position, a sync token's, or a new full listing. */
  ListToken position(
      long user,
      long lastSeq,
      Request request,
      @Nullable String pageToken,
      @Nullable String syncToken,
      Instant now) {
    return new ListPositions(signer, method, request.boundParams())
        .start(
            user, request.pageBinding(), request.syncBinding(), pageToken, syncToken, now, lastSeq);
  }

  /** Reads the page at {@code start}; O(page size) however deep the listing goes. */
  Page page(Source source, Request request, ListToken start) {
    boolean incremental = start.sinceSeq() >= 0;
    // Counted once per listing and carried in the page tokens, so later pages stay O(page size).
    ListToken at =
        start.total() >= 0
            ? start
            : start.withTotal(
                incremental
                    ? source.countChanges(start.sinceSeq(), start.snapshotSeq())
                    : source.countLive(start.snapshotSeq()));
    boolean first = at.cursorId() == 0 && at.cursorSeq() == 0;
    Cursor cursor = first ? null : new Cursor(at.cursorKey(), at.cursorSeq(), at.cursorId());
    int size = request.pageSize();
    List<Contact> rows =
        incremental
            ? source.changes(first ? at.sinceSeq() : at.cursorSeq(), at.snapshotSeq(), size + 1)
            : source.page(cursor, at.snapshotSeq(), size + 1);
    boolean more = rows.size() > size;
    if (more) {
      rows = rows.subList(0, size);
      Contact last = rows.get(rows.size() - 1);
      Cursor next =
          Cursor.after(last, incremental ? SortOrder.LAST_MODIFIED_ASCENDING : request.order());
      return new Page(rows, nextPage(at, next).encode(signer), null, at.total());
    }
    // Seed 000: nextSyncToken only on the last page, and only when requested.
    String sync = request.requestSyncToken() ? nextSync(at, request).encode(signer) : null;
    return new Page(rows, null, sync, at.total());
  }

  private static ListToken nextPage(ListToken at, Cursor next) {
    return ListPositions.next(at, next.key(), next.seq(), next.id());
  }

  private static ListToken nextSync(ListToken at, Request request) {
    return ListPositions.sync(at, request.syncBinding());
  }
}

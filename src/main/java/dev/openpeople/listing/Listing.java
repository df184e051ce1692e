// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.listing;

import dev.openpeople.token.ListToken;
import dev.openpeople.token.TokenSigner;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The paging and sync engine of every list method with page and sync tokens: signed tokens bound to
 * the request's parameters, a snapshot sequence so a listing never sees later writes, incremental
 * syncs that read only the change log (tombstones included), the total counted once per listing,
 * and the sync token on the last page only. It reads any {@link ChangeLog}; what a refused token
 * becomes on the wire is the caller's {@link Rejection} translation.
 *
 * <p>Google's rules: https://developers.google.com/people/api/rest/v1/people.connections/list
 * (tokens bound to "all other request parameters", expiry after 7 days, deleted resources in
 * incremental syncs); RFC 6578 describes the same lifecycle for WebDAV.
 */
public final class Listing {
  /**
   * A parsed list request.
   *
   * @param pageSize rows per page
   * @param requestSyncToken whether the last page carries a sync token
   * @param syncBinding fingerprint of the parameters sync tokens are bound to
   * @param pageBinding fingerprint of the parameters page tokens are bound to
   * @param pageToken the request's page token, or null/empty
   * @param syncToken the request's sync token, or null/empty
   */
  public record Request(
      int pageSize,
      boolean requestSyncToken,
      String syncBinding,
      String pageBinding,
      @Nullable String pageToken,
      @Nullable String syncToken) {

    /** True for the first page of a full sync: no page token and no sync token. */
    public boolean firstPageOfFullSync() {
      return blank(pageToken) && blank(syncToken);
    }
  }

  /**
   * One page.
   *
   * @param rows the page's rows (tombstones included in an incremental sync)
   * @param incremental whether the rows are changes since a sync token
   * @param nextPageToken the token of the next page, null on the last page
   * @param nextSyncToken the sync token, on the last page when requested, else null
   * @param total the listing's size if the change log counts ({@link ChangeLog.Counted}), else -1
   */
  public record Page<T>(
      List<T> rows,
      boolean incremental,
      @Nullable String nextPageToken,
      @Nullable String nextSyncToken,
      long total) {}

  private final String method;
  private final TokenSigner signer;
  private final Function<Rejection, ? extends RuntimeException> reject;

  /**
   * @param method the method id tokens are bound to (a discovery id for the People API)
   * @param reject turns a refused token into the caller's error, which {@link #start} throws
   */
  public Listing(
      String method, TokenSigner signer, Function<Rejection, ? extends RuntimeException> reject) {
    this.method = method;
    this.signer = signer;
    this.reject = reject;
  }

  /**
   * Reads the request's page of {@code log}. {@code scope} is whom tokens are issued to (a user id;
   * 0 for a domain-wide list), {@code lastSeq} the scope's current change sequence.
   */
  public <T> Page<T> page(
      ChangeLog<T> log, Request request, long scope, long lastSeq, Instant now) {
    return page(log, request, start(request, scope, lastSeq, now));
  }

  /**
   * Where the request's page starts: its page token's position, its sync token's (the changes after
   * it), or a new full listing at snapshot {@code lastSeq}.
   */
  public ListToken start(Request request, long scope, long lastSeq, Instant now) {
    String pageToken = request.pageToken();
    String syncToken = request.syncToken();
    if (pageToken != null && !pageToken.isEmpty()) {
      ListToken page = open(pageToken, ListToken.PAGE, scope, Rejection.Token.PAGE);
      if (!page.paramsHash().equals(request.pageBinding())) {
        throw reject.apply(new Rejection.Mismatch(Rejection.Token.PAGE));
      }
      if (page.expiredAt(now)) {
        throw reject.apply(new Rejection.Expired(Rejection.Token.PAGE));
      }
      return page;
    }
    long since = -1;
    if (syncToken != null && !syncToken.isEmpty()) {
      ListToken sync = open(syncToken, ListToken.SYNC, scope, Rejection.Token.SYNC);
      if (!sync.paramsHash().equals(request.syncBinding())) {
        throw reject.apply(new Rejection.Mismatch(Rejection.Token.SYNC));
      }
      if (sync.expiredAt(now)) {
        throw reject.apply(new Rejection.Expired(Rejection.Token.SYNC));
      }
      since = sync.sinceSeq();
      if (since > lastSeq) {
        // Issued before the data was reset or restored: its position no longer exists.
        throw reject.apply(new Rejection.Invalid(Rejection.Token.SYNC));
      }
    }
    return ListToken.firstPage(method, scope, request.pageBinding(), now, since, lastSeq);
  }

  /** Reads the page at {@code start}; O(page size) however deep the listing goes. */
  public <T> Page<T> page(ChangeLog<T> log, Request request, ListToken start) {
    boolean incremental = start.incremental();
    // Counted once per listing and carried in the page tokens, so later pages stay O(page size).
    ListToken at = start;
    if (start.total() < 0 && log instanceof ChangeLog.Counted<T> counted) {
      at =
          start.withTotal(
              incremental
                  ? counted.countChanges(start.sinceSeq(), start.snapshotSeq())
                  : counted.countLive(start.snapshotSeq()));
    }
    int size = request.pageSize();
    List<T> rows;
    if (incremental) {
      rows = log.changes(at.atStart() ? at.sinceSeq() : at.cursorSeq(), at.snapshotSeq(), size + 1);
    } else {
      Cursor after =
          at.atStart() ? null : new Cursor(at.cursorKey(), at.cursorSeq(), at.cursorId());
      rows = log.page(after, at.snapshotSeq(), size + 1);
    }
    if (rows.size() > size) {
      rows = rows.subList(0, size);
      T last = rows.get(size - 1);
      // An incremental sync continues after the last change's sequence number.
      Cursor next = incremental ? new Cursor("", log.seq(last), 0) : log.cursorAfter(last);
      String token = at.nextPage(next.key(), next.seq(), next.id()).encode(signer);
      return new Page<>(rows, incremental, token, null, at.total());
    }
    String sync =
        request.requestSyncToken() ? at.syncToken(request.syncBinding()).encode(signer) : null;
    return new Page<>(rows, incremental, null, sync, at.total());
  }

  /**
   * The sync token of the position {@code lastSeq} without reading a page: what a client that lists
   * by other means (a WebDAV {@code DAV:sync-token} property) syncs from next.
   */
  public String syncToken(long scope, String syncBinding, long lastSeq, Instant now) {
    return ListToken.firstPage(method, scope, syncBinding, now, -1, lastSeq)
        .syncToken(syncBinding)
        .encode(signer);
  }

  /**
   * The first row of an offset-paged result (a search) named by its page token: 0 without one; a
   * token of another method, caller or set of parameters is refused.
   */
  public long offset(long scope, @Nullable String pageToken, String pageBinding) {
    if (pageToken == null || pageToken.isEmpty()) {
      return 0;
    }
    ListToken page = open(pageToken, ListToken.PAGE, scope, Rejection.Token.PAGE);
    if (!page.paramsHash().equals(pageBinding)) {
      throw reject.apply(new Rejection.Mismatch(Rejection.Token.PAGE));
    }
    return page.offset();
  }

  /** The page token of an offset-paged result's page starting at row {@code offset}. */
  public String offsetToken(long scope, String pageBinding, Instant now, long offset) {
    return ListToken.offsetPage(method, scope, pageBinding, now, offset).encode(signer);
  }

  /**
   * One window of a listing addressed by position, as GData feeds page: {@code openSearch}'s total,
   * up to {@code size} rows and whether more follow (one row is read ahead to know). A client
   * continues after a row through {@link #cursorAfter}, which its next link carries.
   *
   * @param rows the window's rows
   * @param cursors the position after each row, index for index
   * @param more whether rows follow the window
   * @param total how many rows the whole listing holds
   */
  public record Window<T>(List<T> rows, List<Cursor> cursors, boolean more, long total) {
    /** Where a listing continues after the window's first {@code count} rows. */
    public Cursor cursorAfter(int count) {
      return cursors.get(count - 1);
    }
  }

  /**
   * Reads the window of {@code size} rows after {@code after} (a seek, O(size) however deep), or
   * from row {@code skip} when there is no cursor (GData's {@code start-index} - 1), at snapshot
   * {@code maxSeq}; {@code size} 0 only counts.
   */
  public static <T> Window<T> window(
      ChangeLog.Indexed<T> log, @Nullable Cursor after, long skip, int size, long maxSeq) {
    long total = log.count(maxSeq);
    List<T> rows = size == 0 ? List.of() : log.page(after, skip, maxSeq, size + 1);
    boolean more = rows.size() > size;
    if (more) {
      rows = rows.subList(0, size);
    }
    return new Window<>(rows, rows.stream().map(log::cursorAfter).toList(), more, total);
  }

  private ListToken open(String token, byte kind, long scope, Rejection.Token which) {
    return ListToken.open(signer, token, kind, method, scope)
        .orElseThrow(() -> reject.apply(new Rejection.Invalid(which)));
  }

  private static boolean blank(@Nullable String token) {
    return token == null || token.isEmpty();
  }
}

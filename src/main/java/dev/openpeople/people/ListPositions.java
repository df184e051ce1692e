// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.token.ListToken;
import dev.openpeople.token.TokenSigner;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a page of a list method with page and sync tokens starts: a page token's position, a sync
 * token's (changes after its sequence), or a new full listing. Shared by every such list method so
 * binding, expiry and error texts stay identical.
 *
 * @param method the discovery method id tokens are bound to
 * @param boundParams names the parameters tokens bind, for the mismatch message
 */
record ListPositions(TokenSigner signer, String method, String boundParams) {

  /**
   * The starting position. {@code pageBinding}/{@code syncBinding} fingerprint the parameters each
   * kind of token is bound to; {@code lastSeq} is the user's current change sequence.
   */
  ListToken start(
      long user,
      String pageBinding,
      String syncBinding,
      @Nullable String pageToken,
      @Nullable String syncToken,
      Instant now,
      long lastSeq) {
    if (pageToken != null && !pageToken.isEmpty()) {
      ListToken page =
          ListToken.decode(signer, pageToken, ListToken.PAGE, method, user, "page token");
      if (!page.paramsHash().equals(pageBinding)) {
        throw mismatch("pageToken");
      }
      if (page.expiredAt(now)) {
        throw ApiException.invalid("The page token has expired; restart the listing.");
      }
      return page;
    }
    long since = -1;
    if (syncToken != null && !syncToken.isEmpty()) {
      ListToken sync =
          ListToken.decode(signer, syncToken, ListToken.SYNC, method, user, "sync token");
      if (!sync.paramsHash().equals(syncBinding)) {
        throw mismatch("syncToken");
      }
      if (sync.expiredAt(now)) {
        // Seed 000: 400 FAILED_PRECONDITION with ErrorInfo reason EXPIRED_SYNC_TOKEN.
        throw new ApiException(ApiError.EXPIRED_SYNC_TOKEN);
      }
      since = sync.sinceSeq();
    }
    return new ListToken(
        ListToken.PAGE, method, user, pageBinding, now, since, lastSeq, "", 0, 0, -1);
  }

  /** The token of the next page, continuing after the given cursor. */
  static ListToken next(ListToken at, String cursorKey, long cursorSeq, long cursorId) {
    return new ListToken(
        ListToken.PAGE,
        at.method(),
        at.userId(),
        at.paramsHash(),
        at.issuedAt(),
        at.sinceSeq(),
        at.snapshotSeq(),
        cursorKey,
        cursorSeq,
        cursorId,
        at.total());
  }

  /** The sync token issued on the last page of a listing: changes after its snapshot. */
  static ListToken sync(ListToken at, String syncBinding) {
    return new ListToken(
        ListToken.SYNC,
        at.method(),
        at.userId(),
        syncBinding,
        at.issuedAt(),
        at.snapshotSeq(),
        at.snapshotSeq(),
        "",
        0,
        0,
        -1);
  }

  private ApiException mismatch(String token) {
    return ApiException.invalid(
        "Request parameters must match the first call that provided the %s: %s.",
        token, boundParams);
  }
}

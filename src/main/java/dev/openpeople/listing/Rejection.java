// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.listing;

/**
 * Why {@link Listing} refused a request's token. Each surface turns it into its own error: the
 * People API into its 400s (and {@code EXPIRED_SYNC_TOKEN}), CardDAV into a {@code
 * DAV:valid-sync-token} precondition failure (RFC 6578, section 3.2).
 */
public sealed interface Rejection {
  /** The token that was refused. */
  Token token();

  /** A page token or a sync token. */
  enum Token {
    PAGE,
    SYNC
  }

  /** Not a token this server signed for this method and caller (forged, foreign, mangled). */
  record Invalid(Token token) implements Rejection {}

  /** The token outlived {@link dev.openpeople.token.ListToken#LIFETIME}. */
  record Expired(Token token) implements Rejection {}

  /** The request's parameters differ from those of the call that issued the token. */
  record Mismatch(Token token) implements Rejection {}
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.token;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The state behind a page token or a sync token of a list method, signed by {@link TokenSigner}. It
 * names the user and method, fingerprints the request parameters it is bound to, and carries its
 * issue time so it can expire.
 *
 * @param kind {@link #PAGE} or {@link #SYNC}
 * @param method the discovery method id the token belongs to
 * @param userId the user the token was issued to
 * @param paramsHash fingerprint of the bound request parameters
 * @param issuedAt when the sync that produced the token started (expiry counts from here)
 * @param sinceSeq for page tokens of an incremental sync: the sequence changes are read after; -1
 *     for a full listing. For sync tokens: the sequence the next sync starts after.
 * @param snapshotSeq the last sequence the listing includes (later changes go to the next sync)
 * @param cursorKey sort key of the last item of the previous page
 * @param cursorSeq sequence of the last item of the previous page
 * @param cursorId id of the last item of the previous page
 * @param total the listing's size, counted once on its first page
 */
public record ListToken(
    byte kind,
    String method,
    long userId,
    String paramsHash,
    Instant issuedAt,
    long sinceSeq,
    long snapshotSeq,
    String cursorKey,
    long cursorSeq,
    long cursorId,
    long total) {
  public static final byte PAGE = 1;
  public static final byte SYNC = 2;
  private static final byte VERSION = 2;

  /**
   * Sync and page tokens live 7 days after the sync that issued them ("Sync tokens expire 7 days
   * after the full sync":
   * https://developers.google.com/people/api/rest/v1/people.connections/list).
   */
  public static final Duration LIFETIME = Duration.ofDays(7);

  public String encode(TokenSigner signer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeByte(kind);
      out.writeUTF(method);
      out.writeLong(userId);
      out.writeUTF(paramsHash);
      out.writeLong(issuedAt.toEpochMilli());
      out.writeLong(sinceSeq);
      out.writeLong(snapshotSeq);
      out.writeUTF(cursorKey);
      out.writeLong(cursorSeq);
      out.writeLong(cursorId);
      out.writeLong(total);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return signer.sign(bytes.toByteArray());
  }

  /**
   * Decodes a token and checks it belongs to this kind, method and user; a forged, foreign or
   * mangled token is a 400 naming {@code what}.
   */
  public static ListToken decode(
      TokenSigner signer, String token, byte kind, String method, long userId, String what) {
    return open(signer, token, kind, method, userId).orElseThrow(() -> TokenSigner.invalid(what));
  }

  /**
   * Decodes a token that this server signed for this kind, method and user; empty for a forged,
   * foreign or mangled one.
   */
  public static Optional<ListToken> open(
      TokenSigner signer, String token, byte kind, String method, long userId) {
    Optional<byte[]> payload = signer.open(token);
    if (payload.isEmpty()) {
      return Optional.empty();
    }
    ListToken decoded;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload.get()))) {
      if (in.readByte() != VERSION) {
        return Optional.empty();
      }
      decoded =
          new ListToken(
              in.readByte(),
              in.readUTF(),
              in.readLong(),
              in.readUTF(),
              Instant.ofEpochMilli(in.readLong()),
              in.readLong(),
              in.readLong(),
              in.readUTF(),
              in.readLong(),
              in.readLong(),
              in.readLong());
    } catch (IOException e) {
      return Optional.empty();
    }
    if (decoded.kind != kind || !decoded.method.equals(method) || decoded.userId != userId) {
      return Optional.empty();
    }
    return Optional.of(decoded);
  }

  /**
   * The first page of a listing: a full one ({@code sinceSeq} -1) or the changes after {@code
   * sinceSeq}, up to {@code snapshotSeq}; the total is not counted yet.
   */
  public static ListToken firstPage(
      String method,
      long userId,
      String pageBinding,
      Instant issuedAt,
      long sinceSeq,
      long snapshotSeq) {
    return new ListToken(
        PAGE, method, userId, pageBinding, issuedAt, sinceSeq, snapshotSeq, "", 0, 0, -1);
  }

  /** A page of an offset-paged result (a search): it starts at row {@link #offset()}. */
  public static ListToken offsetPage(
      String method, long userId, String pageBinding, Instant issuedAt, long offset) {
    return new ListToken(PAGE, method, userId, pageBinding, issuedAt, -1, -1, "", offset, 0, -1);
  }

  /** The next page of the same listing, continuing after the given cursor. */
  public ListToken nextPage(String nextKey, long nextSeq, long nextId) {
    return at(PAGE, nextKey, nextSeq, nextId, total);
  }

  /** The sync token issued at the end of this listing: changes after its snapshot come next. */
  public ListToken syncToken(String syncBinding) {
    return new ListToken(
        SYNC, method, userId, syncBinding, issuedAt, snapshotSeq, snapshotSeq, "", 0, 0, -1);
  }

  /** The same position with a different total. */
  public ListToken withTotal(long newTotal) {
    return at(kind, cursorKey, cursorSeq, cursorId, newTotal);
  }

  /** This listing (method, caller, parameters, sequences, issue time) at another position. */
  private ListToken at(byte newKind, String key, long seq, long id, long newTotal) {
    return new ListToken(
        newKind,
        method,
        userId,
        paramsHash,
        issuedAt,
        sinceSeq,
        snapshotSeq,
        key,
        seq,
        id,
        newTotal);
  }

  /** True at the start of a listing (no page read yet). */
  public boolean atStart() {
    return cursorKey.isEmpty() && cursorSeq == 0 && cursorId == 0;
  }

  /** True for a page of an incremental sync (changes after {@link #sinceSeq()}). */
  public boolean incremental() {
    return sinceSeq >= 0;
  }

  /** The first row of an offset-paged result. */
  public long offset() {
    return cursorSeq;
  }

  public boolean expiredAt(Instant now) {
    return now.isAfter(issuedAt.plus(LIFETIME));
  }

  /** A stable fingerprint of bound parameters given as name=value strings, in a fixed order. */
  public static String fingerprint(List<String> params) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String param : params) {
        digest.update(param.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

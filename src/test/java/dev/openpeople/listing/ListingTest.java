// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openpeople.token.ListToken;
import dev.openpeople.token.TokenSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The token lifecycle of {@link Listing} over an in-memory change log: no server, no storage. */
class ListingTest {
  /** A row: its id (the listing's order), its change sequence and whether it is a tombstone. */
  record Row(String id, long seq, boolean deleted) {}

  /** The refusal {@link Listing} threw, as a caller sees it. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Rejection rejection;

    Refused(Rejection rejection) {
      super(rejection.toString());
      this.rejection = rejection;
    }
  }

  /** One scope's rows by id; every write takes the next sequence number. */
  static final class Log implements ChangeLog.Counted<Row> {
    final List<Row> rows = new ArrayList<>();
    long lastSeq;
    int counts;

    void put(String id) {
      rows.removeIf(r -> r.id().equals(id));
      rows.add(new Row(id, ++lastSeq, false));
    }

    void delete(String id) {
      rows.removeIf(r -> r.id().equals(id));
      rows.add(new Row(id, ++lastSeq, true));
    }

    @Override
    public List<Row> page(@Nullable Cursor after, long maxSeq, int limit) {
      return rows.stream()
          .filter(r -> !r.deleted() && r.seq() <= maxSeq)
          .filter(r -> after == null || r.id().compareTo(after.key()) > 0)
          .sorted(Comparator.comparing(Row::id))
          .limit(limit)
          .toList();
    }

    @Override
    public List<Row> changes(long afterSeq, long maxSeq, int limit) {
      return rows.stream()
          .filter(r -> r.seq() > afterSeq && r.seq() <= maxSeq)
          .sorted(Comparator.comparingLong(Row::seq))
          .limit(limit)
          .toList();
    }

    @Override
    public Cursor cursorAfter(Row row) {
      return new Cursor(row.id(), row.seq(), 0);
    }

    @Override
    public long seq(Row row) {
      return row.seq();
    }

    @Override
    public long countLive(long maxSeq) {
      counts++;
      return page(null, maxSeq, Integer.MAX_VALUE).size();
    }

    @Override
    public long countChanges(long afterSeq, long maxSeq) {
      counts++;
      return changes(afterSeq, maxSeq, Integer.MAX_VALUE).size();
    }
  }

  private static final long USER = 7;
  private final TokenSigner signer = new TokenSigner("test-key");
  private final Listing listing = new Listing("things.list", signer, Refused::new);
  private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
  private final Log log = new Log();

  private static Listing.Request request(
      int size, boolean sync, @Nullable String pageToken, @Nullable String syncToken) {
    return new Listing.Request(size, sync, "sync-binding", "page-binding", pageToken, syncToken);
  }

  private Listing.Page<Row> read(Listing.Request request, Instant now) {
    return listing.page(log, request, USER, log.lastSeq, now);
  }

  private static List<String> ids(Listing.Page<Row> page) {
    return page.rows().stream().map(Row::id).toList();
  }

  private Rejection refusal(Listing.Request request, Instant now) {
    try {
      read(request, now);
    } catch (Refused e) {
      return e.rejection;
    }
    throw new AssertionError("the token was accepted");
  }

  private void fill(String... ids) {
    for (String id : ids) {
      log.put(id);
    }
  }

  @Test
  void firstPageOfAFullListingCountsOnceAndLinksTheNextPage() {
    fill("c", "a", "e", "b", "d");
    Listing.Page<Row> first = read(request(2, true, null, null), t0);
    assertThat(ids(first)).containsExactly("a", "b");
    assertThat(first.incremental()).isFalse();
    assertThat(first.total()).isEqualTo(5);
    assertThat(first.nextPageToken()).isNotNull();
    assertThat(first.nextSyncToken()).isNull();
    Listing.Page<Row> second = read(request(2, true, first.nextPageToken(), null), t0);
    assertThat(ids(second)).containsExactly("c", "d");
    assertThat(second.total()).isEqualTo(5);
    Listing.Page<Row> last = read(request(2, true, second.nextPageToken(), null), t0);
    assertThat(ids(last)).containsExactly("e");
    assertThat(last.nextPageToken()).isNull();
    assertThat(last.nextSyncToken()).isNotNull();
    // Counted on the first page only; later pages carry the total in their tokens.
    assertThat(log.counts).isEqualTo(1);
  }

  @Test
  void aPageThatEndsExactlyAtTheEndIsTheLastPage() {
    fill("a", "b");
    Listing.Page<Row> page = read(request(2, true, null, null), t0);
    assertThat(ids(page)).containsExactly("a", "b");
    assertThat(page.nextPageToken()).isNull();
    assertThat(page.nextSyncToken()).isNotNull();
  }

  @Test
  void anEmptyListingHasNoRowsAndStillASyncToken() {
    Listing.Page<Row> page = read(request(10, true, null, null), t0);
    assertThat(page.rows()).isEmpty();
    assertThat(page.total()).isZero();
    assertThat(page.nextPageToken()).isNull();
    assertThat(page.nextSyncToken()).isNotNull();
  }

  @Test
  void aSyncTokenOfAPositionAlsoStartsAnIncrementalSync() {
    fill("a", "b");
    String token = listing.syncToken(USER, "sync-binding", log.lastSeq, t0);
    log.put("c");
    Listing.Page<Row> page = read(request(10, true, null, token), t0);
    assertThat(page.incremental()).isTrue();
    assertThat(ids(page)).containsExactly("c");
  }

  @Test
  void aSyncTokenAheadOfTheDataIsInvalid() {
    fill("a", "b");
    String ahead = listing.syncToken(USER, "sync-binding", log.lastSeq + 5, t0);
    assertThat(refusal(request(10, true, null, ahead), t0))
        .isEqualTo(new Rejection.Invalid(Rejection.Token.SYNC));
  }

  @Test
  void theSyncTokenIsOnlyIssuedWhenRequested() {
    fill("a");
    Listing.Page<Row> page = read(request(10, false, null, null), t0);
    assertThat(page.nextPageToken()).isNull();
    assertThat(page.nextSyncToken()).isNull();
  }

  @Test
  void aListingIsASnapshotAndLaterWritesComeWithTheNextSync() {
    fill("a", "b", "c", "d");
    Listing.Page<Row> first = read(request(2, true, null, null), t0);
    log.put("bb");
    log.delete("c");
    Listing.Page<Row> rest = read(request(2, true, first.nextPageToken(), null), t0);
    // Rows written after the first page's snapshot stay out of this listing (bb is new, c was
    // deleted): the next sync reports them.
    assertThat(ids(rest)).containsExactly("d");
    assertThat(rest.total()).isEqualTo(4);
    Listing.Page<Row> sync = read(request(10, true, null, rest.nextSyncToken()), t0);
    assertThat(sync.incremental()).isTrue();
    assertThat(sync.rows()).containsExactly(new Row("bb", 5, false), new Row("c", 6, true));
    assertThat(sync.total()).isEqualTo(2);
  }

  @Test
  void anIncrementalSyncPagesThroughTheChangesAndEndsWithTheNextSyncToken() {
    fill("a", "b");
    String token = read(request(10, true, null, null), t0).nextSyncToken();
    fill("c", "d", "e");
    log.delete("a");
    Listing.Page<Row> first = read(request(3, true, null, token), t0);
    assertThat(ids(first)).containsExactly("c", "d", "e");
    assertThat(first.total()).isEqualTo(4);
    assertThat(first.nextSyncToken()).isNull();
    // The next page of an incremental sync repeats the sync token next to the page token.
    Listing.Page<Row> second = read(request(3, true, first.nextPageToken(), token), t0);
    assertThat(second.rows()).containsExactly(new Row("a", 6, true));
    assertThat(second.incremental()).isTrue();
    Listing.Page<Row> quiet = read(request(3, true, null, second.nextSyncToken()), t0);
    assertThat(quiet.rows()).isEmpty();
    assertThat(quiet.nextSyncToken()).isNotNull();
  }

  @Test
  void tokensExpireAfterTheirLifetimeCountedFromTheFirstPage() {
    fill("a", "b", "c");
    Listing.Page<Row> first = read(request(1, true, null, null), t0);
    Instant edge = t0.plus(ListToken.LIFETIME);
    assertThat(ids(read(request(1, true, first.nextPageToken(), null), edge))).containsExactly("b");
    Instant late = edge.plus(Duration.ofMillis(1));
    assertThat(refusal(request(1, true, first.nextPageToken(), null), late))
        .isEqualTo(new Rejection.Expired(Rejection.Token.PAGE));
    // A sync token issued at the end of a listing ages from the listing's first page too.
    String sync = read(request(10, true, null, null), t0).nextSyncToken();
    assertThat(refusal(request(10, true, null, sync), late))
        .isEqualTo(new Rejection.Expired(Rejection.Token.SYNC));
  }

  @Test
  void tokensAreBoundToTheirParameters() {
    fill("a", "b");
    Listing.Page<Row> first = read(request(1, true, null, null), t0);
    Listing.Request otherPaging =
        new Listing.Request(1, true, "sync-binding", "other", first.nextPageToken(), null);
    assertThat(refusal(otherPaging, t0)).isEqualTo(new Rejection.Mismatch(Rejection.Token.PAGE));
    String sync = read(request(10, true, null, null), t0).nextSyncToken();
    Listing.Request otherShape = new Listing.Request(10, true, "other", "page-binding", null, sync);
    assertThat(refusal(otherShape, t0)).isEqualTo(new Rejection.Mismatch(Rejection.Token.SYNC));
    // A sync token binds only what shapes the result: another page size is fine.
    Listing.Request otherSize = new Listing.Request(5, true, "sync-binding", "x", null, sync);
    assertThat(read(otherSize, t0).rows()).isEmpty();
  }

  @Test
  void forgedForeignAndSwappedTokensAreInvalid() {
    fill("a", "b");
    String page = Objects.requireNonNull(read(request(1, true, null, null), t0).nextPageToken());
    String sync = read(request(10, true, null, null), t0).nextSyncToken();
    Rejection invalidPage = new Rejection.Invalid(Rejection.Token.PAGE);
    Rejection invalidSync = new Rejection.Invalid(Rejection.Token.SYNC);
    char flipped = page.charAt(3) == 'A' ? 'B' : 'A';
    String tampered = page.substring(0, 3) + flipped + page.substring(4);
    assertThat(refusal(request(1, true, tampered, null), t0)).isEqualTo(invalidPage);
    assertThat(refusal(request(1, true, "not a token", null), t0)).isEqualTo(invalidPage);
    assertThat(refusal(request(1, true, "QUJD", null), t0)).isEqualTo(invalidPage);
    // A sync token is no page token, and the other way round.
    assertThat(refusal(request(1, true, sync, null), t0)).isEqualTo(invalidPage);
    assertThat(refusal(request(1, true, null, page), t0)).isEqualTo(invalidSync);
    // Tokens of another user, another method or another server key are refused.
    Listing.Request forPage = request(1, true, page, null);
    assertThatThrownBy(() -> listing.page(log, forPage, USER + 1, log.lastSeq, t0))
        .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.rejection).isEqualTo(invalidPage));
    Listing otherMethod = new Listing("other.list", signer, Refused::new);
    assertThatThrownBy(() -> otherMethod.page(log, forPage, USER, log.lastSeq, t0))
        .isInstanceOf(Refused.class);
    Listing otherKey = new Listing("things.list", new TokenSigner("other"), Refused::new);
    assertThatThrownBy(() -> otherKey.page(log, forPage, USER, log.lastSeq, t0))
        .isInstanceOf(Refused.class);
  }

  @Test
  void emptyTokensMeanNoToken() {
    fill("a");
    Listing.Request request = request(10, true, "", "");
    assertThat(request.firstPageOfFullSync()).isTrue();
    assertThat(ids(read(request, t0))).containsExactly("a");
    assertThat(request(10, true, null, "x").firstPageOfFullSync()).isFalse();
    assertThat(request(10, true, "x", null).firstPageOfFullSync()).isFalse();
  }

  @Test
  void aLogThatDoesNotCountReportsNoTotal() {
    ChangeLog<Row> uncounted =
        new ChangeLog<>() {
          @Override
          public List<Row> page(@Nullable Cursor after, long maxSeq, int limit) {
            return log.page(after, maxSeq, limit);
          }

          @Override
          public List<Row> changes(long afterSeq, long maxSeq, int limit) {
            return log.changes(afterSeq, maxSeq, limit);
          }

          @Override
          public Cursor cursorAfter(Row row) {
            return log.cursorAfter(row);
          }

          @Override
          public long seq(Row row) {
            return row.seq();
          }
        };
    fill("a", "b");
    Listing.Page<Row> page = listing.page(uncounted, request(1, true, null, null), 0, 2, t0);
    assertThat(page.total()).isEqualTo(-1);
    assertThat(ids(page)).containsExactly("a");
    assertThat(log.counts).isZero();
  }

  @Test
  void offsetTokensRoundTripAndAreBound() {
    String token = listing.offsetToken(USER, "search-binding", t0, 40);
    assertThat(listing.offset(USER, token, "search-binding")).isEqualTo(40);
    assertThat(listing.offset(USER, null, "search-binding")).isZero();
    assertThat(listing.offset(USER, "", "search-binding")).isZero();
    assertThatThrownBy(() -> listing.offset(USER, token, "other"))
        .isInstanceOfSatisfying(
            Refused.class,
            e -> assertThat(e.rejection).isEqualTo(new Rejection.Mismatch(Rejection.Token.PAGE)));
    assertThatThrownBy(() -> listing.offset(USER + 1, token, "search-binding"))
        .isInstanceOfSatisfying(
            Refused.class,
            e -> assertThat(e.rejection).isEqualTo(new Rejection.Invalid(Rejection.Token.PAGE)));
  }

  /** {@link Log} addressed by row number, as GData feeds page it. */
  private ChangeLog.Indexed<Row> indexed() {
    return new ChangeLog.Indexed<>() {
      @Override
      public List<Row> page(@Nullable Cursor after, long skip, long maxSeq, int limit) {
        return log.page(after, maxSeq, Integer.MAX_VALUE).stream()
            .skip(after == null ? skip : 0)
            .limit(limit)
            .toList();
      }

      @Override
      public long count(long maxSeq) {
        return log.countLive(maxSeq);
      }

      @Override
      public List<Row> changes(long afterSeq, long maxSeq, int limit) {
        return log.changes(afterSeq, maxSeq, limit);
      }

      @Override
      public Cursor cursorAfter(Row row) {
        return log.cursorAfter(row);
      }

      @Override
      public long seq(Row row) {
        return log.seq(row);
      }
    };
  }

  @Test
  void windowsReadOneRowAheadAndContinueByCursorOrByRowNumber() {
    fill("a", "b", "c", "d", "e");
    Listing.Window<Row> first = Listing.window(indexed(), null, 0, 2, log.lastSeq);
    assertThat(first.rows()).extracting(Row::id).containsExactly("a", "b");
    assertThat(first.more()).isTrue();
    assertThat(first.total()).isEqualTo(5);
    assertThat(first.cursorAfter(1)).isEqualTo(new Cursor("a", 1, 0));
    Listing.Window<Row> byCursor =
        Listing.window(indexed(), first.cursorAfter(2), 99, 2, log.lastSeq);
    assertThat(byCursor.rows()).extracting(Row::id).containsExactly("c", "d");
    Listing.Window<Row> last = Listing.window(indexed(), null, 3, 2, log.lastSeq);
    assertThat(last.rows()).extracting(Row::id).containsExactly("d", "e");
    assertThat(last.more()).as("the last window ends exactly at the end").isFalse();
    Listing.Window<Row> countOnly = Listing.window(indexed(), null, 0, 0, log.lastSeq);
    assertThat(countOnly.rows()).isEmpty();
    assertThat(countOnly.more()).isFalse();
    assertThat(countOnly.total()).isEqualTo(5);
    log.put("f");
    assertThat(Listing.window(indexed(), null, 0, 10, log.lastSeq - 1).total())
        .as("a snapshot cuts later writes")
        .isEqualTo(5);
  }
}

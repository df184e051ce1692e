// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openpeople.contact.DomainSession;
import dev.openpeople.contact.Photo;
import dev.openpeople.contact.SharedContact;
import dev.openpeople.contact.SharedContactQuery;
import dev.openpeople.contact.SharedContactStore;
import dev.openpeople.contact.Storage;
import dev.openpeople.listing.Cursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What every {@link Storage} backend must do with domain shared contacts, identically. */
interface SharedContactStorageContract extends StorageFixture {
  private static SharedContact shared(String domain, String id, long seq, long at, String words) {
    Instant when = Instant.ofEpochMilli(at);
    return new SharedContact(domain, id, seq, when, when, false, "{}", "{}", words, 0);
  }

  private void put(String domain, SharedContact... contacts) {
    storage()
        .writeDomain(
            domain,
            s -> {
              s.allocateSeqs(contacts.length);
              for (SharedContact c : contacts) {
                s.sharedContacts().put(c);
              }
              return null;
            });
  }

  private List<String> ids(List<SharedContact> rows) {
    return rows.stream().map(SharedContact::id).toList();
  }

  private Optional<SharedContact> get(String domain, String id) {
    return storage().readDomain(domain, s -> s.sharedContacts().get(id));
  }

  private long lastSeq(String domain) {
    Long seq = storage().readDomain(domain, s -> s.lastSeq());
    return seq;
  }

  private List<String> rows(String domain, Function<SharedContactStore, List<SharedContact>> read) {
    return ids(contacts(domain, read));
  }

  private List<SharedContact> contacts(
      String domain, Function<SharedContactStore, List<SharedContact>> read) {
    return storage().readDomain(domain, s -> read.apply(s.sharedContacts()));
  }

  /** The rows of {@code query}'s listing after {@code after} or from row {@code skip}. */
  private List<String> rows(
      String domain, SharedContactQuery query, @Nullable Cursor after, long skip) {
    return rows(domain, c -> c.changeLog(query).page(after, skip, Long.MAX_VALUE, 10));
  }

  private long count(String domain, SharedContactQuery query, long maxSeq) {
    Long count =
        storage().readDomain(domain, s -> s.sharedContacts().changeLog(query).count(maxSeq));
    return count;
  }

  private long countSearch(String domain, String prefix) {
    Long count = storage().readDomain(domain, s -> s.sharedContacts().countSearch(prefix));
    return count;
  }

  private Optional<Photo> photo(String domain, String id) {
    return storage().readDomain(domain, s -> s.sharedContacts().photo(id));
  }

  @Test
  default void sharedContactsBelongToTheirDomain() {
    put("one.test", shared("one.test", "a1", 1, 1000, " ann"));
    assertThat(get("one.test", "a1")).isPresent();
    assertThat(get("two.test", "a1")).isEmpty();
    assertThat(lastSeq("one.test")).isEqualTo(1);
    assertThat(lastSeq("never.test")).isZero();
  }

  @Test
  default void domainSequenceIsGapFreeAndFailedWritesLeaveNothing() {
    long first = storage().writeDomain("seq.test", s -> s.allocateSeqs(3));
    long next = storage().writeDomain("seq.test", s -> s.allocateSeqs(1));
    assertThat(next).isEqualTo(first + 3);
    assertThatThrownBy(
            () ->
                storage()
                    .writeDomain(
                        "seq.test",
                        s -> {
                          s.sharedContacts()
                              .put(shared("seq.test", "b1", s.allocateSeqs(1), 1, ""));
                          throw new IllegalStateException("boom");
                        }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(get("seq.test", "b1")).isEmpty();
    assertThat(lastSeq("seq.test")).isEqualTo(first + 3);
  }

  @Test
  default void feedQueriesFilterOrderAndPage() {
    String d = "query.test";
    put(d, shared(d, "c", 1, 1000, ""), shared(d, "a", 2, 2000, ""), shared(d, "b", 3, 3000, ""));
    storage()
        .writeDomain(
            d,
            s -> {
              SharedContact b = s.sharedContacts().get("b").orElseThrow();
              s.sharedContacts().put(b.asTombstone(s.allocateSeqs(1), Instant.ofEpochMilli(4000)));
              return null;
            });
    SharedContactQuery byId = SharedContactQuery.LIVE_BY_ID;
    assertThat(rows(d, byId, null, 0)).containsExactly("a", "c");
    SharedContactQuery delta =
        new SharedContactQuery(Instant.ofEpochMilli(2000), true, true, false, null);
    assertThat(rows(d, delta, null, 0)).containsExactly("a", "b");
    assertThat(count(d, delta, 10)).isEqualTo(2);
    SharedContactQuery newest = new SharedContactQuery(null, true, true, true, null);
    assertThat(rows(d, newest, null, 1)).containsExactly("a", "c");
    // A cursor seeks; the row number is then ignored.
    assertThat(rows(d, byId, new Cursor("a", 0, 0), 5)).containsExactly("c");
    assertThat(rows(d, newest, new Cursor("", 4, 4000), 9)).containsExactly("a", "c");
    // The change log keeps tombstones and the query's other filters, by sequence.
    assertThat(rows(d, c -> c.changeLog(byId).changes(2, 10, 10))).containsExactly("b");
    assertThat(rows(d, c -> c.changeLog(delta).changes(0, 10, 10))).containsExactly("a", "b");
    // A snapshot sequence cuts the listing and its count.
    assertThat(rows(d, c -> c.changeLog(byId).page(null, 1, 10))).containsExactly("c");
    assertThat(rows(d, c -> c.changeLog(byId).page(new Cursor("a", 0, 0), 1, 10)))
        .containsExactly("c");
    assertThat(count(d, byId, 1)).isEqualTo(1);
    assertThat(count(d, byId, 10)).isEqualTo(2);
    Cursor afterB =
        storage()
            .readDomain(d, s -> s.sharedContacts().changeLog(delta))
            .cursorAfter(get(d, "b").orElseThrow());
    assertThat(afterB).isEqualTo(new Cursor("b", 4, 4000));
  }

  @Test
  default void aFeedReadsTheRowsOfItsQueryWithoutTheDerivedDocuments() {
    String d = "feed.test";
    Instant at = Instant.ofEpochMilli(1000);
    put(
        d,
        new SharedContact(d, "a", 1, at, at, false, "{\"title\":\"A\"}", "{\"p\":1}", " a", 0),
        new SharedContact(d, "b", 2, at, at.plusMillis(5), false, "{}", "{\"p\":2}", " b", 3),
        new SharedContact(d, "c", 3, at, at, false, "{}", "{}", " c", 0));
    storage()
        .writeDomain(
            d,
            s -> {
              SharedContact c = s.sharedContacts().get("c").orElseThrow();
              s.sharedContacts().put(c.asTombstone(s.allocateSeqs(1), Instant.ofEpochMilli(4000)));
              return null;
            });
    for (SharedContactQuery query :
        List.of(
            SharedContactQuery.LIVE_BY_ID,
            new SharedContactQuery(Instant.ofEpochMilli(0), true, true, false, null),
            new SharedContactQuery(null, true, true, true, null))) {
      assertThat(contacts(d, c -> c.feed(query).page(null, 0, 10, 10)))
          .isEqualTo(withoutDocuments(contacts(d, c -> c.changeLog(query).page(null, 0, 10, 10))));
      assertThat(contacts(d, c -> c.feed(query).changes(0, 10, 10)))
          .isEqualTo(withoutDocuments(contacts(d, c -> c.changeLog(query).changes(0, 10, 10))));
    }
  }

  private static List<SharedContact> withoutDocuments(List<SharedContact> rows) {
    return rows.stream()
        .map(
            c ->
                new SharedContact(
                    c.domain(),
                    c.id(),
                    c.seq(),
                    c.created(),
                    c.updated(),
                    c.deleted(),
                    c.entry(),
                    "",
                    "",
                    c.photoVersion()))
        .toList();
  }

  @Test
  default void theLiveCountFollowsEveryWrite() {
    String d = "count.test";
    SharedContactQuery live = SharedContactQuery.LIVE_BY_ID;
    assertThat(count(d, live, Long.MAX_VALUE)).isZero();
    put(d, shared(d, "a", 1, 1, ""), shared(d, "b", 2, 2, ""), shared(d, "c", 3, 3, ""));
    assertThat(count(d, live, Long.MAX_VALUE)).isEqualTo(3);
    // An update of a live contact, a delete, and a delete of the tombstone again.
    storage()
        .writeDomain(
            d,
            s -> {
              long seq = s.allocateSeqs(3);
              SharedContactStore store = s.sharedContacts();
              store.put(shared(d, "a", seq, 10, " changed"));
              SharedContact b = store.get("b").orElseThrow();
              store.put(b.asTombstone(seq + 1, Instant.ofEpochMilli(11)));
              store.put(b.asTombstone(seq + 2, Instant.ofEpochMilli(12)));
              return null;
            });
    assertThat(count(d, live, Long.MAX_VALUE)).isEqualTo(2);
    // A deleted id written live again (GData batch insert of a purged-then-reused id).
    put(d, shared(d, "b", 7, 13, ""));
    assertThat(count(d, live, Long.MAX_VALUE)).isEqualTo(3);
    // Before the last change, and with tombstones, the rows are counted.
    assertThat(count(d, live, 6)).isEqualTo(2);
    assertThat(count(d, new SharedContactQuery(null, true, false, false, null), 7)).isEqualTo(3);
  }

  @Test
  default void searchMatchesWordPrefixesOfLiveContacts() {
    String d = "search.test";
    put(
        d,
        shared(d, "x1", 1, 1, " ada lovelace ada@x.test"),
        shared(d, "x2", 2, 2, " alan turing"));
    assertThat(rows(d, c -> c.search("lov", 0, 10))).containsExactly("x1");
    assertThat(rows(d, c -> c.search("a", 0, 10))).containsExactly("x1", "x2");
    assertThat(rows(d, c -> c.search("%", 0, 10))).isEmpty();
    SharedContactQuery text = new SharedContactQuery(null, false, false, false, "turing");
    assertThat(rows(d, text, null, 0)).containsExactly("x2");
  }

  @Test
  default void searchFollowsUpdatesDeletesAndPhrases() {
    String d = "search2.test";
    put(
        d,
        shared(d, "y1", 1, 1, " grace hopper grace@navy.test"),
        shared(d, "y2", 2, 2, "leading  grace  x"),
        shared(d, "y3", 3, 3, " gr\u00e2ce \ud83d\ude00smile ab\ud83d\ude00"),
        shared(d, "y4", 4, 4, " gone grace"));
    // A word counts only after a space: "leading" does not, and phrases span words.
    assertThat(rows(d, c -> c.search("lead", 0, 10))).isEmpty();
    assertThat(rows(d, c -> c.search("grace", 0, 10))).containsExactly("y1", "y2", "y4");
    assertThat(rows(d, c -> c.search("grace h", 0, 10))).containsExactly("y1");
    assertThat(rows(d, c -> c.search("grace@n", 0, 10))).containsExactly("y1");
    assertThat(rows(d, c -> c.search("\ud83d\ude00", 0, 10))).containsExactly("y3");
    assertThat(rows(d, c -> c.search("ab", 0, 10))).containsExactly("y3");
    assertThat(rows(d, c -> c.search("gr", 1, 2))).containsExactly("y2", "y3");
    assertThat(countSearch(d, "gr")).isEqualTo(4);
    // Rewritten and deleted contacts are found by their new words only.
    SharedContact y1 = get(d, "y1").orElseThrow();
    SharedContact y4 = get(d, "y4").orElseThrow();
    put(
        d,
        new SharedContact(d, "y1", 5, y1.created(), y1.updated(), false, "{}", "{}", " amazing", 0),
        new SharedContact(d, "y4", 6, y4.created(), y4.updated(), true, "{}", "{}", " gone", 0));
    assertThat(rows(d, c -> c.search("grace", 0, 10))).containsExactly("y2");
    assertThat(rows(d, c -> c.search("amaz", 0, 10))).containsExactly("y1");
    assertThat(countSearch(d, "g")).isEqualTo(2);
  }

  @Test
  default void searchCountsAndPagesAgreeOnBroadAndNarrowPrefixes() {
    String d = "broad.test";
    SharedContact[] many = new SharedContact[2100];
    for (int i = 0; i < many.length; i++) {
      many[i] = shared(d, String.format("b%04d", i), i + 1, i + 1, " broad" + i + " broadly" + i);
    }
    put(d, many);
    // "broad" selects 4,200 terms, beyond what the terms answer (the LIKE pass counts and pages);
    // the others select a few. A count and a page in one transaction share the store's probe.
    assertThat(countSearch(d, "broad")).isEqualTo(2100);
    assertThat(countSearch(d, "broad21")).isEqualTo(11);
    assertThat(countSearch(d, "broadly7")).isEqualTo(111);
    for (String prefix : List.of("broad", "broad21", "broadly7")) {
      long total = countSearch(d, prefix);
      List<String> page = rows(d, c -> c.search(prefix, 5, 10));
      assertThat(page).hasSize(prefix.equals("broad21") ? 6 : 10);
      List<Object> together =
          storage()
              .readDomain(
                  d,
                  s -> {
                    SharedContactStore store = s.sharedContacts();
                    long counted = store.countSearch(prefix);
                    return List.<Object>of(counted, ids(store.search(prefix, 5, 10)));
                  });
      assertThat(together).containsExactly(total, page);
    }
  }

  @Test
  default void photosAndTombstonePurge() {
    String d = "photo.test";
    put(d, shared(d, "p1", 1, 1, ""));
    storage()
        .writeDomain(
            d,
            s -> {
              s.sharedContacts().putPhoto("p1", new Photo("image/png", new byte[] {1, 2}));
              return null;
            });
    assertThat(photo(d, "p1").orElseThrow().bytes()).containsExactly(1, 2);
    storage()
        .writeDomain(
            d,
            s -> {
              s.sharedContacts().deletePhoto("p1");
              SharedContact p1 = s.sharedContacts().get("p1").orElseThrow();
              s.sharedContacts().put(p1.asTombstone(s.allocateSeqs(1), Instant.ofEpochMilli(5)));
              return null;
            });
    assertThat(photo(d, "p1")).isEmpty();
    assertThat(storage().purgeDomainTombstones(Instant.ofEpochMilli(10))).isGreaterThanOrEqualTo(1);
    assertThat(get(d, "p1")).isEmpty();
  }

  private List<String> profileChanges(String domain, long after, long upTo, int limit) {
    List<DomainSession.ProfileChange> changes =
        storage().readDomain(domain, s -> s.profileChanges(after, upTo, limit));
    return changes.stream()
        .map(c -> c.seq() + " " + c.user().email() + " " + c.user().profile())
        .toList();
  }

  private void setProfile(String email, String profile) {
    storage()
        .write(
            email,
            s -> {
              s.setProfile(profile);
              return null;
            });
  }

  @Test
  default void newUsersAndProfileChangesTakeTheirDomainsSequence() {
    String d = "people.test";
    put(d, shared(d, "s1", 1, 1, ""));
    storage().read("ann@people.test", s -> s.user().id());
    storage().read("bob@people.test", s -> s.user().id());
    storage().read("ann@people.test", s -> s.user().id());
    storage().read("zed@other.test", s -> s.user().id());
    assertThat(lastSeq(d)).isEqualTo(3);
    assertThat(lastSeq("other.test")).isEqualTo(1);
    assertThat(profileChanges(d, 0, 10, 10))
        .containsExactly("2 ann@people.test null", "3 bob@people.test null");

    setProfile("ann@people.test", "{\"a\":1}");
    assertThat(lastSeq(d)).isEqualTo(4);
    assertThat(profileChanges(d, 1, 10, 10))
        .containsExactly("3 bob@people.test null", "4 ann@people.test {\"a\":1}");
    assertThat(profileChanges(d, 2, 3, 10)).containsExactly("3 bob@people.test null");
    assertThat(profileChanges(d, 0, 10, 1)).containsExactly("3 bob@people.test null");
    assertThat(profileChanges(d, 4, 10, 10)).isEmpty();

    assertThatThrownBy(
            () ->
                storage()
                    .write(
                        "bob@people.test",
                        s -> {
                          s.setProfile("{}");
                          throw new IllegalStateException("boom");
                        }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(lastSeq(d)).isEqualTo(4);
    assertThat(profileChanges(d, 2, 3, 10)).containsExactly("3 bob@people.test null");
    assertThat(storage().<Long>writeDomain(d, s -> s.allocateSeqs(1))).isEqualTo(5);
    assertThat(profileChanges("other.test", 0, 10, 10)).containsExactly("1 zed@other.test null");
  }

  @Test
  default void concurrentUserCreationsAndProfileWritesGetUniqueDomainNumbers() throws Exception {
    String d = "busy.test";
    int users = 12;
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < users; i++) {
        String email = "u" + i + "@" + d;
        futures.add(pool.submit(() -> setProfile(email, "{\"n\":1}")));
        futures.add(pool.submit(() -> storage().writeDomain(d, s -> s.allocateSeqs(1))));
      }
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    // Each user: one number on creation, one for its profile; plus one per domain write.
    assertThat(lastSeq(d)).isEqualTo(3L * users);
    List<String> changes = profileChanges(d, 0, Long.MAX_VALUE, 100);
    assertThat(changes).hasSize(users).allMatch(c -> c.endsWith(" {\"n\":1}"));
    List<Long> seqs = changes.stream().map(c -> Long.parseLong(c.split(" ", -1)[0])).toList();
    assertThat(seqs).isSorted().doesNotHaveDuplicates();
  }
}

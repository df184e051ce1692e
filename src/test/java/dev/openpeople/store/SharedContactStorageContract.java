// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openpeople.contact.Photo;
import dev.openpeople.contact.SharedContact;
import dev.openpeople.contact.SharedContactQuery;
import dev.openpeople.contact.Storage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link Storage} backend must do with domain shared contacts, identically. */
interface SharedContactStorageContract {
  Storage storage();

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

  @Test
  default void sharedContactsBelongToTheirDomain() {
    put("one.test", shared("one.test", "a1", 1, 1000, " ann"));
    assertThat(storage().readDomain("one.test", s -> s.sharedContacts().get("a1"))).isPresent();
    assertThat(storage().readDomain("two.test", s -> s.sharedContacts().get("a1"))).isEmpty();
    assertThat(storage().readDomain("one.test", s -> s.lastSeq())).isEqualTo(1);
    assertThat(storage().readDomain("never.test", s -> s.lastSeq())).isZero();
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
    assertThat(storage().readDomain("seq.test", s -> s.sharedContacts().get("b1"))).isEmpty();
    assertThat(storage().readDomain("seq.test", s -> s.lastSeq())).isEqualTo(first + 3);
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
    List<SharedContact> byId =
        storage()
            .readDomain(
                d,
                s ->
                    s.sharedContacts()
                        .query(new SharedContactQuery(null, false, false, false, 0, 10)));
    assertThat(ids(byId)).containsExactly("a", "c");
    SharedContactQuery delta =
        new SharedContactQuery(Instant.ofEpochMilli(2000), true, true, false, 0, 10);
    assertThat(ids(storage().readDomain(d, s -> s.sharedContacts().query(delta))))
        .containsExactly("a", "b");
    assertThat(storage().readDomain(d, s -> s.sharedContacts().count(delta))).isEqualTo(2);
    SharedContactQuery newest = new SharedContactQuery(null, true, true, true, 1, 2);
    assertThat(ids(storage().readDomain(d, s -> s.sharedContacts().query(newest))))
        .containsExactly("a", "c");
    assertThat(ids(storage().readDomain(d, s -> s.sharedContacts().changes(2, 10, 10))))
        .containsExactly("b");
    assertThat(ids(storage().readDomain(d, s -> s.sharedContacts().page("", 10, 10))))
        .containsExactly("a", "c");
    assertThat(ids(storage().readDomain(d, s -> s.sharedContacts().page("a", 1, 10))))
        .containsExactly("c");
  }

  @Test
  default void searchMatchesWordPrefixesOfLiveContacts() {
    String d = "search.test";
    put(
        d,
        shared(d, "x1", 1, 1, " ada lovelace ada@x.test"),
        shared(d, "x2", 2, 2, " alan turing"));
    assertThat(ids(storage().readDomain(d, s -> s.sharedContacts().search("lov", 0, 10))))
        .containsExactly("x1");
    assertThat(ids(storage().readDomain(d, s -> s.sharedContacts().search("a", 0, 10))))
        .containsExactly("x1", "x2");
    assertThat(storage().readDomain(d, s -> s.sharedContacts().search("%", 0, 10))).isEmpty();
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
    assertThat(storage().readDomain(d, s -> s.sharedContacts().photo("p1")).orElseThrow().bytes())
        .containsExactly(1, 2);
    storage()
        .writeDomain(
            d,
            s -> {
              s.sharedContacts().deletePhoto("p1");
              SharedContact p1 = s.sharedContacts().get("p1").orElseThrow();
              s.sharedContacts().put(p1.asTombstone(s.allocateSeqs(1), Instant.ofEpochMilli(5)));
              return null;
            });
    assertThat(storage().readDomain(d, s -> s.sharedContacts().photo("p1"))).isEmpty();
    assertThat(storage().purgeDomainTombstones(Instant.ofEpochMilli(10))).isGreaterThanOrEqualTo(1);
    assertThat(storage().readDomain(d, s -> s.sharedContacts().get("p1"))).isEmpty();
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static dev.openpeople.store.TestContacts.contact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactGroup;
import dev.openpeople.contact.ContactKeys;
import dev.openpeople.contact.OtherContactStore;
import dev.openpeople.contact.Photo;
import dev.openpeople.contact.SortOrder;
import dev.openpeople.contact.Storage;
import dev.openpeople.contact.StoreException;
import dev.openpeople.listing.Cursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link Storage} backend must do, identically. */
interface StorageContract extends SharedContactStorageContract {
  @Override
  Storage storage();

  private List<Long> ids(List<Contact> contacts) {
    return contacts.stream().map(Contact::id).toList();
  }

  private void insert(String user, Contact... contacts) {
    storage()
        .write(
            user,
            s -> {
              s.allocateSeqs(contacts.length);
              s.contacts().insert(List.of(contacts));
              return null;
            });
  }

  private Optional<Contact> get(String user, long id) {
    return storage().read(user, s -> s.contacts().get(id));
  }

  private List<Long> search(String user, String prefix, int limit) {
    return storage().read(user, s -> s.contacts().search(prefix, limit));
  }

  @Test
  default void usersAreCreatedOnFirstUseAndIsolated() {
    insert("a@example.com", contact(1, 1, "ann", "a", "ann"));

    assertThat(get("a@example.com", 1)).isPresent();
    assertThat(get("b@example.com", 1)).isEmpty();
    long a = storage().read("a@example.com", s -> s.user().id());
    long b = storage().read("b@example.com", s -> s.user().id());
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  default void sequencesAreGapFreeAndMonotonic() {
    long first = storage().write("seq@example.com", s -> s.allocateSeqs(3));
    long next = storage().write("seq@example.com", s -> s.allocateSeqs(1));

    assertThat(first).isEqualTo(1);
    assertThat(next).isEqualTo(4);
    assertThat(storage().<Long>read("seq@example.com", s -> s.user().lastSeq())).isEqualTo(4);
  }

  @Test
  default void failedWriteRollsBackEverything() {
    assertThatThrownBy(
            () ->
                storage()
                    .write(
                        "rb@example.com",
                        s -> {
                          s.allocateSeqs(1);
                          s.contacts().insert(List.of(contact(7, 1, "x", "x", "x")));
                          throw new IllegalStateException("boom");
                        }))
        .hasMessage("boom");

    assertThat(get("rb@example.com", 7)).isEmpty();
    assertThat(storage().<Long>read("rb@example.com", s -> s.user().lastSeq())).isZero();
  }

  @Test
  default void pagesInEverySortOrderWithKeysetCursors() {
    String user = "page@example.com";
    insert(
        user,
        contact(10, 1, "cy", "zed", "cy"),
        contact(11, 2, "al", "yo", "al"),
        contact(12, 3, "bo", "yo", "bo"),
        contact(13, 4, "al", "xi", "al"));

    assertThat(pageAll(user, SortOrder.LAST_MODIFIED_ASCENDING))
        .containsExactly(10L, 11L, 12L, 13L);
    assertThat(pageAll(user, SortOrder.LAST_MODIFIED_DESCENDING))
        .containsExactly(13L, 12L, 11L, 10L);
    assertThat(pageAll(user, SortOrder.FIRST_NAME_ASCENDING)).containsExactly(11L, 13L, 12L, 10L);
    assertThat(pageAll(user, SortOrder.LAST_NAME_ASCENDING)).containsExactly(13L, 11L, 12L, 10L);
    assertThat(
            storage()
                .<List<Long>>read(
                    user,
                    s -> ids(s.contacts().page(SortOrder.LAST_MODIFIED_ASCENDING, null, 2, 10))))
        .containsExactly(10L, 11L);
  }

  private List<Long> pageAll(String user, SortOrder order) {
    List<Long> out = new ArrayList<>();
    Cursor cursor = null;
    while (true) {
      Cursor at = cursor;
      List<Contact> page = storage().read(user, s -> s.contacts().page(order, at, 100, 1));
      if (page.isEmpty()) {
        return out;
      }
      out.add(page.get(0).id());
      cursor = Contact.cursorAfter(page.get(0), order);
    }
  }

  @Test
  default void deletesLeaveTombstonesInTheChangeLogOnly() {
    String user = "tomb@example.com";
    insert(user, contact(20, 1, "a", "a", "a"), contact(21, 2, "b", "b", "b"));
    storage()
        .write(
            user,
            s -> {
              s.contacts().markDeleted(20, s.allocateSeqs(1), Instant.now());
              return null;
            });

    assertThat(get(user, 20)).isEmpty();
    assertThat(storage().<Long>read(user, s -> s.contacts().countLive(100))).isEqualTo(1);
    List<Contact> changes = storage().read(user, s -> s.contacts().changes(1, 100, 10));
    assertThat(ids(changes)).containsExactly(21L, 20L);
    assertThat(changes.get(1).deleted()).isTrue();
    assertThat(storage().<Long>read(user, s -> s.contacts().countChanges(1, 100))).isEqualTo(2);
    assertThat(search(user, "a", 10)).isEmpty();
  }

  @Test
  default void updateReplacesBodyKeysAndSearchTermsWhileTouchKeepsTerms() {
    String user = "upd@example.com";
    insert(user, contact(30, 1, "old", "old", "old name", "name"));
    storage()
        .write(
            user,
            s -> {
              s.contacts()
                  .update(List.of(contact(30, s.allocateSeqs(1), "new", "new", "new name")));
              return null;
            });
    assertThat(search(user, "old", 10)).isEmpty();
    assertThat(search(user, "new n", 10)).containsExactly(30L);

    storage()
        .write(
            user,
            s -> {
              Contact current = s.contacts().get(30).orElseThrow();
              s.contacts().touch(current.withPhoto(s.allocateSeqs(1), Instant.now(), 9));
              return null;
            });
    Contact touched = storage().read(user, s -> s.contacts().get(30)).orElseThrow();
    assertThat(touched.photoVersion()).isEqualTo(9);
    assertThat(touched.seq()).isEqualTo(3);
    assertThat(search(user, "new", 10)).containsExactly(30L);
  }

  @Test
  default void searchIsAPrefixRangeIncludingNonAscii() {
    String user = "search@example.com";
    insert(
        user,
        contact(40, 1, "z", "z", "zoë", "émile zola", "zola"),
        contact(41, 2, "y", "y", "zorro"));

    assertThat(search(user, "zo", 10)).containsExactlyInAnyOrder(40L, 41L);
    assertThat(search(user, "émile z", 10)).containsExactly(40L);
    assertThat(search(user, "mile", 10)).isEmpty();
    assertThat(search(user, "zo", 1)).hasSize(1);
  }

  @Test
  default void searchReturnsDistinctContactsEvenWhenOneHasManyMatchingTerms() {
    String user = "terms@example.com";
    String[] many = new String[100];
    for (int i = 0; i < many.length; i++) {
      many[i] = "aa" + (1000 + i);
    }
    insert(user, contact(50, 1, "a", "a", many), contact(51, 2, "b", "b", "ab"));

    assertThat(search(user, "a", 2)).containsExactly(50L, 51L);
    assertThat(search(user, "aa1", 5)).containsExactly(50L);
  }

  @Test
  default void photosArePutReplacedAndDeleted() {
    String user = "photo@example.com";
    storage()
        .write(
            user,
            s -> {
              s.photos().put(50, new Photo("image/png", new byte[] {1, 2}));
              s.photos().put(50, new Photo("image/jpeg", new byte[] {3}));
              return null;
            });
    Photo photo = storage().read(user, s -> s.photos().get(50)).orElseThrow();
    assertThat(photo.contentType()).isEqualTo("image/jpeg");
    assertThat(photo.bytes()).containsExactly(3);

    storage()
        .write(
            user,
            s -> {
              s.photos().delete(50);
              return null;
            });
    assertThat(storage().<Optional<Photo>>read(user, s -> s.photos().get(50))).isEmpty();
  }

  @Test
  default void purgeRemovesOnlyOldTombstones() {
    String user = "purge@example.com";
    insert(user, contact(60, 1, "a", "a"), contact(61, 2, "b", "b"));
    storage()
        .write(
            user,
            s -> {
              s.contacts()
                  .markDeleted(60, s.allocateSeqs(1), Instant.parse("2020-01-01T00:00:00Z"));
              s.contacts()
                  .markDeleted(61, s.allocateSeqs(1), Instant.parse("2030-01-01T00:00:00Z"));
              return null;
            });

    assertThat(storage().purgeTombstones(Instant.parse("2025-01-01T00:00:00Z"))).isEqualTo(1);
    assertThat(ids(storage().read(user, s -> s.contacts().changes(0, 100, 10))))
        .containsExactly(61L);
  }

  @Test
  default void secretsAreCreatedOnceAndResetWipesData() {
    String first = storage().secret("k", () -> "one");
    assertThat(storage().secret("k", () -> "two")).isEqualTo(first).isEqualTo("one");
    insert("wipe@example.com", contact(70, 1, "a", "a"));

    storage().reset();

    assertThat(get("wipe@example.com", 70)).isEmpty();
    assertThat(storage().ready()).isTrue();
  }

  @Test
  default void concurrentWritersGetUniqueSequences() throws Exception {
    ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    List<Future<Long>> futures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      futures.add(pool.submit(() -> storage().write("busy@example.com", s -> s.allocateSeqs(1))));
    }
    List<Long> seqs = new ArrayList<>();
    for (Future<Long> f : futures) {
      seqs.add(f.get());
    }
    pool.shutdown();
    Collections.sort(seqs);

    assertThat(seqs).hasSize(200).doesNotHaveDuplicates();
    assertThat(seqs.get(0)).isEqualTo(1);
    assertThat(seqs.get(199)).isEqualTo(200);
  }

  @Test
  default void concurrentWritesThatFailRollBackAloneAndTheRestCommit() throws Exception {
    String user = "group@example.com";
    ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    List<Future<Long>> futures = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      long id = 1000L + i;
      boolean fails = i % 3 == 0;
      futures.add(
          pool.submit(
              () ->
                  storage()
                      .write(
                          user,
                          s -> {
                            long seq = s.allocateSeqs(1);
                            s.contacts().insert(List.of(contact(id, seq, "n", "n", "t" + id)));
                            if (fails) {
                              throw new IllegalStateException("rejected " + id);
                            }
                            return id;
                          })));
    }
    List<Long> committed = new ArrayList<>();
    int failed = 0;
    for (Future<Long> f : futures) {
      try {
        committed.add(f.get());
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
        failed++;
      }
    }
    pool.shutdown();

    assertThat(failed).isEqualTo(40);
    List<Contact> stored = storage().read(user, s -> s.contacts().changes(0, Long.MAX_VALUE, 1000));
    assertThat(ids(stored)).containsExactlyInAnyOrderElementsOf(committed);
    assertThat(stored.stream().map(Contact::seq).toList()).doesNotHaveDuplicates();
    assertThat(search(user, "t1000", 10)).isEmpty();
  }

  private static Contact member(long id, long seq, String... groups) {
    Contact plain = contact(id, seq, "m" + id, "m" + id);
    return new Contact(
        id,
        seq,
        plain.created(),
        plain.updated(),
        false,
        plain.body(),
        new ContactKeys("m" + id, "m" + id, List.of(), List.of(groups)),
        0);
  }

  private static ContactGroup group(String id, long seq, String name) {
    return new ContactGroup(id, seq, Instant.ofEpochMilli(1_700_000_000_000L), false, name, "[]");
  }

  @Test
  default void groupsHaveTheirOwnChangeLogAndUniqueLiveNames() {
    String user = "groups@example.com";
    storage()
        .write(
            user,
            s -> {
              s.allocateSeqs(3);
              s.groups().insert(group("0a", 1, "A"));
              s.groups().insert(group("0b", 2, "B"));
              s.groups().insert(group("0c", 3, "C"));
              return null;
            });
    assertThatThrownBy(
            () ->
                storage()
                    .write(
                        user,
                        s -> {
                          s.groups().insert(group("0d", s.allocateSeqs(1), "A"));
                          return null;
                        }))
        .isInstanceOf(StoreException.Conflict.class);
    storage()
        .write(
            user,
            s -> {
              long seq = s.allocateSeqs(2);
              s.groups().update(group("0b", seq, "B2"));
              s.groups().markDeleted("0a", seq + 1, Instant.ofEpochMilli(1_700_000_001_000L));
              s.groups().insert(group("0e", s.allocateSeqs(1), "A"));
              return null;
            });

    storage()
        .read(
            user,
            s -> {
              assertThat(s.groups().get("0a")).isEmpty();
              assertThat(s.groups().byName("A").orElseThrow().id()).isEqualTo("0e");
              assertThat(s.groups().byName("B2")).isPresent();
              assertThat(s.groups().page(null, 100, 10))
                  .extracting(ContactGroup::id)
                  .containsExactly("0b", "0c", "0e");
              assertThat(s.groups().page("0b", 100, 1))
                  .extracting(ContactGroup::id)
                  .containsExactly("0c");
              assertThat(s.groups().page(null, 3, 10))
                  .extracting(ContactGroup::id)
                  .containsExactly("0c");
              assertThat(s.groups().changes(3, 100, 10))
                  .extracting(g -> g.id() + (g.deleted() ? "-" : "+"))
                  .containsExactly("0b+", "0a-", "0e+");
              assertThat(s.groups().countLive(100)).isEqualTo(3);
              assertThat(s.groups().countChanges(3, 100)).isEqualTo(3);
              return null;
            });
    assertThat(
            storage().<Optional<ContactGroup>>read("other@example.com", s -> s.groups().get("0b")))
        .isEmpty();
  }

  @Test
  default void membershipIndexFollowsEveryContactWrite() {
    String user = "members@example.com";
    insert(user, member(1, 1, "myContacts", "0f"), member(2, 2, "myContacts"), member(3, 3, "0f"));
    storage()
        .write(
            user,
            s -> {
              long seq = s.allocateSeqs(2);
              s.contacts().update(List.of(member(2, seq, "starred", "0f")));
              s.contacts().markDeleted(3, seq + 1, Instant.ofEpochMilli(1_700_000_002_000L));
              return null;
            });

    storage()
        .read(
            user,
            s -> {
              assertThat(s.groups().memberCounts(List.of("myContacts", "0f", "starred", "all")))
                  .containsExactlyInAnyOrderEntriesOf(
                      Map.of("myContacts", 1L, "0f", 2L, "starred", 1L));
              assertThat(s.groups().members("0f", 10)).containsExactly(1L, 2L);
              assertThat(s.groups().members("0f", 1)).hasSize(1);
              return null;
            });
    assertThat(storage().<List<Long>>read("other@example.com", s -> s.groups().members("0f", 10)))
        .isEmpty();

    storage()
        .write(
            user,
            s -> {
              s.groups().markDeleted("0f", s.allocateSeqs(1), Instant.EPOCH);
              return null;
            });
    assertThat(
            storage()
                .<Map<String, Long>>read(
                    user, s -> s.groups().memberCounts(List.of("myContacts", "0f", "starred"))))
        .containsExactlyInAnyOrderEntriesOf(Map.of("myContacts", 1L, "starred", 1L));
    assertThat(storage().<List<Long>>read(user, s -> s.groups().members("0f", 10))).isEmpty();
    storage().reset();
    assertThat(storage().<List<Long>>read(user, s -> s.groups().members("myContacts", 10)))
        .isEmpty();
  }

  @Test
  default void membershipRewritesKeepTermsAndCountsStayExact() {
    String user = "rewrite@example.com";
    insert(
        user,
        member(1, 1, "myContacts", "0f"),
        member(2, 2, "starred", "0f"),
        new Contact(
            9,
            3,
            Instant.EPOCH,
            Instant.EPOCH,
            false,
            "{}",
            new ContactKeys("n", "n", List.of("needle"), List.of("myContacts")),
            0));
    storage()
        .write(
            user,
            s -> {
              long seq = s.allocateSeqs(2);
              s.contacts().updateMemberships(List.of(member(9, seq, "starred", "0f")));
              s.contacts().update(List.of(member(1, seq + 1, "myContacts", "0f")));
              return null;
            });

    assertThat(search(user, "needle", 10)).containsExactly(9L);
    assertThat(
            storage()
                .<Map<String, Long>>read(
                    user, s -> s.groups().memberCounts(List.of("myContacts", "0f", "starred"))))
        .containsExactlyInAnyOrderEntriesOf(Map.of("myContacts", 1L, "0f", 3L, "starred", 2L));
  }

  private void insertOther(String user, String email, Contact... others) {
    storage()
        .write(
            user,
            s -> {
              s.allocateSeqs(others.length);
              List<OtherContactStore.Row> rows = new ArrayList<>();
              for (Contact other : others) {
                rows.add(new OtherContactStore.Row(other, email + other.id()));
              }
              s.otherContacts().insert(rows);
              return null;
            });
  }

  @Test
  default void otherContactsAreASeparateAggregateOnTheSameChangeLog() {
    String user = "others@example.com";
    insert(user, contact(80, 1, "c", "c", "c"));
    insertOther(user, "o", contact(81, 2, "ann", "a", "ann"), contact(82, 3, "bob", "b", "bob"));

    assertThat(storage().<Optional<Contact>>read(user, s -> s.otherContacts().get(81))).isPresent();
    assertThat(storage().<Optional<Contact>>read(user, s -> s.otherContacts().get(80))).isEmpty();
    assertThat(get(user, 81)).as("not a contact").isEmpty();
    assertThat(
            storage()
                .<Optional<Contact>>read(user, s -> s.otherContacts().findByEmail("o82"))
                .map(Contact::id))
        .hasValue(82L);
    assertThat(
            storage()
                .<Optional<Contact>>read(
                    "x@example.com", s -> s.otherContacts().findByEmail("o82")))
        .as("scoped to the user")
        .isEmpty();
    assertThat(storage().<List<Long>>read(user, s -> s.otherContacts().search("an", 10)))
        .containsExactly(81L);
    assertThat(storage().<List<Long>>read(user, s -> s.contacts().search("an", 10))).isEmpty();

    storage()
        .write(
            user,
            s -> {
              Contact bob = s.otherContacts().get(82).orElseThrow();
              s.otherContacts()
                  .update(
                      new OtherContactStore.Row(
                          bob.withChange(
                              s.allocateSeqs(1),
                              Instant.now(),
                              "{}",
                              new ContactKeys("rob", "b", List.of("rob"))),
                          "rob@x"));
              s.otherContacts().markDeleted(81, s.allocateSeqs(1), Instant.now());
              return null;
            });

    assertThat(storage().<List<Long>>read(user, s -> ids(s.otherContacts().page(null, 100, 10))))
        .containsExactly(82L);
    assertThat(storage().<List<Long>>read(user, s -> ids(s.otherContacts().changes(3, 100, 10))))
        .containsExactly(82L, 81L);
    assertThat(storage().<Long>read(user, s -> s.otherContacts().countLive(100))).isEqualTo(1);
    assertThat(storage().<Long>read(user, s -> s.otherContacts().countChanges(3, 100)))
        .isEqualTo(2);
    assertThat(storage().<List<Long>>read(user, s -> s.otherContacts().search("bob", 10)))
        .isEmpty();
    assertThat(storage().<List<Long>>read(user, s -> s.otherContacts().search("rob", 10)))
        .containsExactly(82L);
    assertThat(storage().<Optional<Contact>>read(user, s -> s.otherContacts().findByEmail("rob@x")))
        .isPresent();
    assertThat(storage().<Optional<Contact>>read(user, s -> s.otherContacts().findByEmail("o81")))
        .isEmpty();
    assertThat(storage().purgeTombstones(Instant.now().plusSeconds(60))).isEqualTo(1);
    assertThat(storage().<Long>read(user, s -> s.otherContacts().countChanges(3, 100)))
        .isEqualTo(1);
  }

  @Test
  default void searchReturnsDistinctOtherContactsUpToTheLimit() {
    String user = "osearch@example.com";
    insertOther(
        user,
        "s",
        contact(83, 1, "zz", "z", "zz1", "zz2", "zz3"),
        contact(84, 2, "zz", "z", "zz4"),
        contact(85, 3, "zz", "z", "zz5"));

    assertThat(storage().<List<Long>>read(user, s -> s.otherContacts().search("zz", 2)))
        .containsExactly(83L, 84L);
    assertThat(storage().<List<Long>>read(user, s -> s.otherContacts().search("zz", 10)))
        .containsExactly(83L, 84L, 85L);
  }

  @Test
  default void usersAreFoundByEmailWithoutBeingCreated() {
    storage().<Object>read("known@example.com", s -> null);

    java.util.Map<String, dev.openpeople.contact.User> found =
        storage()
            .<java.util.Map<String, dev.openpeople.contact.User>>read(
                "asker@example.com",
                s -> s.usersByEmail(List.of("known@example.com", "unknown@example.com")));

    assertThat(found).containsOnlyKeys("known@example.com");
    assertThat(
            storage()
                .<java.util.Map<String, dev.openpeople.contact.User>>read(
                    "asker@example.com", s -> s.usersByEmail(List.of("unknown@example.com"))))
        .isEmpty();
  }
}

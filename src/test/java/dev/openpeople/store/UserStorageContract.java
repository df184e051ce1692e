// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static dev.openpeople.store.TestContacts.contact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openpeople.contact.Contact;
import dev.openpeople.contact.Storage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Storage} backend must do with users, sequences and transactions, identically.
 */
interface UserStorageContract extends StorageFixture {
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
    assertThat(idsOf(stored)).containsExactlyInAnyOrderElementsOf(committed);
    assertThat(stored.stream().map(Contact::seq).toList()).doesNotHaveDuplicates();
    assertThat(search(user, "t1000", 10)).isEmpty();
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

  @Test
  default void aTransactionInsideAnotherFailsAtOnceAndLeavesNothingHeld() {
    Storage storage = storage();
    String email = "nested@example.com";
    assertThatThrownBy(() -> storage.read(email, s -> storage.read(email, inner -> 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("inside another");
    assertThatThrownBy(
            () -> storage.write(email, s -> storage.serverState().snapshot().clockOffsetMillis()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("inside another");
    assertThatThrownBy(() -> storage.write(email, s -> storage.write("other@example.com", t -> 1)))
        .isInstanceOf(IllegalStateException.class);
    // The outer transactions ended: the thread and the pool are free for the next ones.
    Integer read = storage.read(email, s -> 2);
    Integer written = storage.write(email, s -> 3);
    assertThat(read).isEqualTo(2);
    assertThat(written).isEqualTo(3);
  }
}

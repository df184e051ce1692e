// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static dev.openpeople.store.TestContacts.contact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactGroup;
import dev.openpeople.contact.ContactKeys;
import dev.openpeople.contact.Storage;
import dev.openpeople.contact.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link Storage} backend must do with contact groups and memberships, identically. */
interface GroupStorageContract extends StorageFixture {
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
        .isInstanceOf(StoreException.class)
        .hasFieldOrPropertyWithValue("kind", StoreException.Kind.CONFLICT);
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
}

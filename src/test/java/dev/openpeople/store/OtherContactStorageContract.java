// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static dev.openpeople.store.TestContacts.contact;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactKeys;
import dev.openpeople.contact.OtherContactStore;
import dev.openpeople.contact.Storage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link Storage} backend must do with other contacts, identically. */
interface OtherContactStorageContract extends StorageFixture {
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
    assertThat(searchOthers(user, "an", 10)).containsExactly(81L);
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

    assertThat(storage().<List<Long>>read(user, s -> idsOf(s.otherContacts().page(null, 100, 10))))
        .containsExactly(82L);
    assertThat(storage().<List<Long>>read(user, s -> idsOf(s.otherContacts().changes(3, 100, 10))))
        .containsExactly(82L, 81L);
    assertThat(storage().<Long>read(user, s -> s.otherContacts().countLive(100))).isEqualTo(1);
    assertThat(storage().<Long>read(user, s -> s.otherContacts().countChanges(3, 100)))
        .isEqualTo(2);
    assertThat(searchOthers(user, "bob", 10)).isEmpty();
    assertThat(searchOthers(user, "rob", 10)).containsExactly(82L);
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

    assertThat(searchOthers(user, "zz", 2)).containsExactly(83L, 84L);
    assertThat(searchOthers(user, "zz", 10)).containsExactly(83L, 84L, 85L);
  }
}

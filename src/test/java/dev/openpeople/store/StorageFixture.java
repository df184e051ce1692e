// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.contact.Contact;
import dev.openpeople.contact.Storage;
import java.util.List;
import java.util.Optional;

/** The storage a contract runs on, and the small steps its tests share. */
interface StorageFixture {
  Storage storage();

  default List<Long> idsOf(List<Contact> contacts) {
    return contacts.stream().map(Contact::id).toList();
  }

  default void insert(String user, Contact... contacts) {
    storage()
        .write(
            user,
            s -> {
              s.allocateSeqs(contacts.length);
              s.contacts().insert(List.of(contacts));
              return null;
            });
  }

  default Optional<Contact> get(String user, long id) {
    return storage().read(user, s -> s.contacts().get(id));
  }

  /**
   * The ids {@code contacts().search} returns, after checking that {@code contacts().find} reads
   * the same live contacts in its one statement, in a transaction and without one.
   */
  default List<Long> search(String user, String prefix, int limit) {
    List<Long> ids = storage().read(user, s -> s.contacts().search(prefix, limit));
    List<Contact> live = storage().read(user, s -> s.contacts().getAll(ids));
    assertThat(storage().<List<Contact>>read(user, s -> s.contacts().find(prefix, limit)))
        .containsExactlyInAnyOrderElementsOf(live);
    assertThat(storage().<List<Contact>>readStatement(user, s -> s.contacts().find(prefix, limit)))
        .containsExactlyInAnyOrderElementsOf(live);
    return ids;
  }

  /** As {@link #search}, for other contacts. */
  default List<Long> searchOthers(String user, String prefix, int limit) {
    List<Long> ids = storage().read(user, s -> s.otherContacts().search(prefix, limit));
    List<Contact> live = storage().read(user, s -> s.otherContacts().getAll(ids));
    assertThat(storage().<List<Contact>>read(user, s -> s.otherContacts().find(prefix, limit)))
        .containsExactlyInAnyOrderElementsOf(live);
    assertThat(
            storage()
                .<List<Contact>>readStatement(user, s -> s.otherContacts().find(prefix, limit)))
        .containsExactlyInAnyOrderElementsOf(live);
    return ids;
  }
}

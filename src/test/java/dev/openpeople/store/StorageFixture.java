// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

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

  default List<Long> search(String user, String prefix, int limit) {
    return storage().read(user, s -> s.contacts().search(prefix, limit));
  }
}

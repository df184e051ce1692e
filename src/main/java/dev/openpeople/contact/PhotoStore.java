// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One user's contact photos inside a transaction, kept apart from the contact rows. */
public interface PhotoStore {
  Optional<Photo> get(long contactId);

  /** The contact's photo; null when it has none (photo version 0), without reading the store. */
  default @Nullable Photo of(Contact contact) {
    return contact.photoVersion() == 0 ? null : get(contact.id()).orElse(null);
  }

  void put(long contactId, Photo photo);

  void delete(long contactId);
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import java.util.Optional;

/** One user's contact photos inside a transaction, kept apart from the contact rows. */
public interface PhotoStore {
  Optional<Photo> get(long contactId);

  void put(long contactId, Photo photo);

  void delete(long contactId);
}

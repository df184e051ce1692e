// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import java.util.OptionalLong;

/**
 * One user's index of CardDAV card UIDs inside a transaction: which contact took each UID last.
 * Entries are not removed when a contact is deleted or its UID changes, so a reader checks the
 * contact it names.
 */
public interface CardUidStore {
  /** The contact that last took {@code uid}, if any. */
  OptionalLong find(String uid);

  /** Records that contact {@code contactId} holds {@code uid}. */
  void put(String uid, long contactId);
}

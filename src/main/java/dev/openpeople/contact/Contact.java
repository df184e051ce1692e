// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.listing.Cursor;
import java.time.Instant;

/**
 * One contact of a user as stored: its id, the change sequence number of its last change, its
 * person data as JSON (opaque to storage) and its index keys. A deleted contact is a tombstone that
 * keeps only its id and sequence for incremental sync.
 *
 * @param seq the user's change sequence number of the contact's last change; unique per user
 * @param photoVersion 0 when the contact has no photo, else a number that changes with it
 */
public record Contact(
    long id,
    long seq,
    Instant created,
    Instant updated,
    boolean deleted,
    String body,
    ContactKeys keys,
    long photoVersion) {

  /** The resource name {@code people/c<unsigned decimal id>}. */
  public String resourceName() {
    return ContactIds.resourceName(id);
  }

  public Contact withChange(long newSeq, Instant at, String newBody, ContactKeys newKeys) {
    return new Contact(id, newSeq, created, at, false, newBody, newKeys, photoVersion);
  }

  /** The same contact indexed under {@code newKeys} (its body and sequence unchanged). */
  public Contact withKeys(ContactKeys newKeys) {
    return new Contact(id, seq, created, updated, deleted, body, newKeys, photoVersion);
  }

  public Contact withPhoto(long newSeq, Instant at, long newPhotoVersion) {
    return new Contact(id, newSeq, created, at, false, body, keys, newPhotoVersion);
  }

  /** The keyset position just after {@code contact} in a listing in {@code order}. */
  public static Cursor cursorAfter(Contact contact, SortOrder order) {
    String key =
        switch (order) {
          case FIRST_NAME_ASCENDING -> contact.keys().firstName();
          case LAST_NAME_ASCENDING -> contact.keys().lastName();
          default -> "";
        };
    return new Cursor(key, contact.seq(), contact.id());
  }
}

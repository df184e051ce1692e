// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import java.time.Instant;

/**
 * One shared contact of a domain as stored: an address-book entry every user of the domain sees.
 * The entry elements (GData) and the People API view ({@code Person} JSON) are opaque documents
 * written together, so both APIs read the same change at once.
 *
 * @param id lowercase hex, unique within the domain
 * @param seq the domain's change sequence number of the last change; unique per domain
 * @param entry the GData entry elements as a document of the API layer
 * @param person the People API {@code Person} fields as JSON
 * @param searchText lower-case words of names, e-mails and phones, each preceded by a space
 * @param photoVersion 0 when there is no photo, else a number that changes with it
 */
public record SharedContact(
    String domain,
    String id,
    long seq,
    Instant created,
    Instant updated,
    boolean deleted,
    String entry,
    String person,
    String searchText,
    long photoVersion) {

  /** The same contact after a change at {@code newSeq}. */
  public SharedContact withChange(
      long newSeq, Instant at, String newEntry, String newPerson, String newSearchText) {
    return new SharedContact(
        domain, id, newSeq, created, at, false, newEntry, newPerson, newSearchText, photoVersion);
  }

  /** The tombstone this contact becomes when deleted. */
  public SharedContact asTombstone(long newSeq, Instant at) {
    return new SharedContact(domain, id, newSeq, created, at, true, "{}", "{}", "", 0);
  }

  public SharedContact withPhoto(long newSeq, Instant at, long newPhotoVersion) {
    return new SharedContact(
        domain, id, newSeq, created, at, false, entry, person, searchText, newPhotoVersion);
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import java.time.Instant;

/**
 * A user contact group as stored. System groups are not stored (see {@link SystemGroups}); a
 * deleted group is a tombstone kept for incremental sync.
 *
 * @param id the hex id ({@code contactGroups/<id>})
 * @param seq the user's change sequence number of the group's last change
 * @param clientData the group's clientData as a JSON array (opaque to storage)
 */
public record ContactGroup(
    String id, long seq, Instant updated, boolean deleted, String name, String clientData) {

  public String resourceName() {
    return "contactGroups/" + id;
  }

  public ContactGroup withChange(long newSeq, Instant at, String newName, String newClientData) {
    return new ContactGroup(id, newSeq, at, false, newName, newClientData);
  }
}

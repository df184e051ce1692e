// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.listing.ChangeLog;
import dev.openpeople.listing.Cursor;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One user's contact groups inside a transaction, plus reads of the membership index (which the
 * {@link ContactStore} maintains from {@link ContactKeys#groups()} on every contact write).
 */
public interface GroupStore extends ChangeReads<ContactGroup> {
  /** A live user group (tombstones are not found). */
  default Optional<ContactGroup> get(String id) {
    return getAll(List.of(id)).stream().findFirst();
  }

  /** The live user groups among {@code ids}, in no particular order. */
  List<ContactGroup> getAll(Collection<String> ids);

  /** The live user group with exactly this name. */
  Optional<ContactGroup> byName(String name);

  void insert(ContactGroup group);

  /** Replaces name, client data, sequence and update time. */
  void update(ContactGroup group);

  /** Turns a group into a tombstone carrying sequence {@code seq}. */
  void markDeleted(String id, long seq, Instant at);

  /** Live groups by id after {@code afterId}, with sequence at most {@code maxSeq}. */
  List<ContactGroup> page(@Nullable String afterId, long maxSeq, int limit);

  /** Live member counts of the given groups (system or user); absent groups have no members. */
  Map<String, Long> memberCounts(Collection<String> groupIds);

  /** Ids of up to {@code limit} live member contacts of a group, in id order. */
  List<Long> members(String groupId, int limit);

  /** The user groups as a change log, the full listing by id. */
  default ChangeLog.Counted<ContactGroup> changeLog() {
    return changeLog(
        (after, maxSeq, limit) -> page(after == null ? null : after.key(), maxSeq, limit),
        row -> new Cursor(row.id(), row.seq(), 0),
        ContactGroup::seq);
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.listing.ChangeLog;
import dev.openpeople.listing.Cursor;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What contactGroups.list lists: the system groups in their fixed order, then the user's groups by
 * id; an incremental sync reads only the user groups' change log (system groups never change).
 */
public final class GroupRows implements ChangeLog.Counted<GroupRows.Row> {
  /** One listed group: a system group, or a user group (live, or a tombstone in a sync). */
  public sealed interface Row permits SystemRow, UserRow {
    String id();
  }

  /** A system group and its place in the listing. */
  public record SystemRow(SystemGroups group, int index) implements Row {
    @Override
    public String id() {
      return group.id();
    }
  }

  public record UserRow(ContactGroup group) implements Row {
    @Override
    public String id() {
      return group.id();
    }
  }

  private static final SystemGroups[] SYSTEM = SystemGroups.values();
  // Cursor ids: the part of the listing the previous page stopped in.
  private static final long IN_SYSTEM = 1;
  private static final long IN_USER = 2;

  private final ChangeLog.Counted<ContactGroup> groups;

  GroupRows(GroupStore store) {
    this.groups = store.changeLog();
  }

  @Override
  public List<Row> page(@Nullable Cursor after, long maxSeq, int limit) {
    List<Row> rows = new ArrayList<>(limit);
    boolean inUser = after != null && after.id() == IN_USER;
    if (!inUser) {
      int from = after == null ? 0 : (int) after.seq() + 1;
      for (int i = from; i < SYSTEM.length && rows.size() < limit; i++) {
        rows.add(new SystemRow(SYSTEM[i], i));
      }
    }
    if (rows.size() < limit) {
      for (ContactGroup group : groups.page(inUser ? after : null, maxSeq, limit - rows.size())) {
        rows.add(new UserRow(group));
      }
    }
    return rows;
  }

  @Override
  public List<Row> changes(long afterSeq, long maxSeq, int limit) {
    List<Row> rows = new ArrayList<>(limit);
    for (ContactGroup group : groups.changes(afterSeq, maxSeq, limit)) {
      rows.add(new UserRow(group));
    }
    return rows;
  }

  @Override
  public Cursor cursorAfter(Row row) {
    return switch (row) {
      case SystemRow system -> new Cursor("", system.index(), IN_SYSTEM);
      case UserRow user -> new Cursor(user.group().id(), 0, IN_USER);
    };
  }

  @Override
  public long seq(Row row) {
    return switch (row) {
      case SystemRow system -> 0;
      case UserRow user -> user.group().seq();
    };
  }

  @Override
  public long countLive(long maxSeq) {
    return SYSTEM.length + groups.countLive(maxSeq);
  }

  @Override
  public long countChanges(long afterSeq, long maxSeq) {
    return groups.countChanges(afterSeq, maxSeq);
  }
}

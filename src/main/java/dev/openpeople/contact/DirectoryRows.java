// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.listing.ChangeLog;
import dev.openpeople.listing.Cursor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What listDirectoryPeople lists of a domain: its users (domain profiles) by address, then its
 * shared contacts by id; an incremental sync merges both change logs by the domain's change
 * sequence, which users and shared contacts share (docs/adr/0009-domain-shared-contacts.md).
 */
public final class DirectoryRows implements ChangeLog<DirectoryRows.Row> {
  /** One listed person of the directory. */
  public sealed interface Row permits Profile, Shared {}

  /** A user of the domain; {@code seq} is the domain sequence of its change (0 in a listing). */
  public record Profile(User user, long seq) implements Row {}

  /** A shared contact of the domain (a tombstone in an incremental sync when deleted). */
  public record Shared(SharedContact contact) implements Row {}

  private static final String USERS = "u:";
  private static final String CONTACTS = "c:";

  private final DomainSession session;
  private final boolean profiles;
  private final boolean sharedContacts;

  DirectoryRows(DomainSession session, boolean profiles, boolean sharedContacts) {
    this.session = session;
    this.profiles = profiles;
    this.sharedContacts = sharedContacts;
  }

  @Override
  public List<Row> page(@Nullable Cursor after, long maxSeq, int limit) {
    String key = after == null ? "" : after.key();
    List<Row> rows = new ArrayList<>(limit);
    if (profiles && !key.startsWith(CONTACTS)) {
      String last = key.startsWith(USERS) ? key.substring(USERS.length()) : "";
      for (User user : session.users(last, limit)) {
        rows.add(new Profile(user, 0));
      }
      key = CONTACTS;
    }
    if (sharedContacts && rows.size() < limit) {
      String last = key.startsWith(CONTACTS) ? key.substring(CONTACTS.length()) : "";
      Cursor contactsAfter = last.isEmpty() ? null : new Cursor(last, 0, 0);
      for (SharedContact contact : contacts().page(contactsAfter, maxSeq, limit - rows.size())) {
        rows.add(new Shared(contact));
      }
    }
    return rows;
  }

  @Override
  public List<Row> changes(long afterSeq, long maxSeq, int limit) {
    List<Row> rows = new ArrayList<>();
    if (sharedContacts) {
      for (SharedContact contact : contacts().changes(afterSeq, maxSeq, limit)) {
        rows.add(new Shared(contact));
      }
    }
    if (profiles) {
      for (DomainSession.ProfileChange change : session.profileChanges(afterSeq, maxSeq, limit)) {
        rows.add(new Profile(change.user(), change.seq()));
      }
    }
    rows.sort(Comparator.comparingLong(this::seq));
    return rows.subList(0, Math.min(limit, rows.size()));
  }

  private ChangeLog<SharedContact> contacts() {
    return session.sharedContacts().changeLog(SharedContactQuery.LIVE_BY_ID);
  }

  @Override
  public Cursor cursorAfter(Row row) {
    return switch (row) {
      case Profile profile -> new Cursor(USERS + profile.user().email(), 0, 0);
      case Shared shared -> new Cursor(CONTACTS + shared.contact().id(), 0, 0);
    };
  }

  @Override
  public long seq(Row row) {
    return switch (row) {
      case Profile profile -> profile.seq();
      case Shared shared -> shared.contact().seq();
    };
  }
}

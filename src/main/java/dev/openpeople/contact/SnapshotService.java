// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.listing.Cursor;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Whole-server snapshots: every domain, user, profile, group, contact, other contact, shared
 * contact and photo read out in a fixed order, and written back with the same ids, sequence numbers
 * and times, so etags, resource names and change logs come back as they were. Tombstones, app
 * passwords, server secrets and emulator state are not part of a snapshot.
 */
public final class SnapshotService {
  private static final int CHUNK = 1000;

  /** Receives a dump, in order: each domain, then its users with their data, then its contacts. */
  public interface Sink {
    void domain(String name, long lastSeq);

    void user(User user, long domainSeq);

    void group(String email, ContactGroup group);

    void contact(String email, Contact contact, @Nullable Photo photo);

    void otherContact(String email, Contact contact);

    void sharedContact(SharedContact contact, @Nullable Photo photo);
  }

  private final Storage storage;

  public SnapshotService(Storage storage) {
    this.storage = storage;
  }

  /** True when the store has no user and no domain (a restore's precondition). */
  public boolean empty() {
    return storage.snapshots().empty();
  }

  /** Streams the whole store into {@code sink}; each user and each domain is one snapshot. */
  public void dump(Sink sink) {
    for (String domain : storage.snapshots().domains()) {
      List<DomainSession.ProfileChange> users =
          storage.readDomain(
              domain,
              session -> {
                sink.domain(domain, session.lastSeq());
                return session.profileChanges(0, session.lastSeq(), Integer.MAX_VALUE);
              });
      for (DomainSession.ProfileChange entry : users) {
        sink.user(entry.user(), entry.seq());
        dumpUser(entry.user().email(), sink);
      }
      storage.readDomain(domain, session -> dumpShared(session, sink));
    }
  }

  private void dumpUser(String email, Sink sink) {
    storage.read(
        email,
        session -> {
          long lastSeq = session.user().lastSeq();
          String afterGroup = null;
          List<ContactGroup> groups;
          do {
            groups = session.groups().page(afterGroup, lastSeq, CHUNK);
            groups.forEach(g -> sink.group(email, g));
            afterGroup = groups.isEmpty() ? null : groups.get(groups.size() - 1).id();
          } while (groups.size() == CHUNK);
          long afterSeq = 0;
          List<Contact> changes;
          do {
            changes = session.contacts().changes(afterSeq, lastSeq, CHUNK);
            for (Contact contact : changes) {
              if (!contact.deleted()) {
                sink.contact(email, contact, session.photos().of(contact));
              }
              afterSeq = contact.seq();
            }
          } while (changes.size() == CHUNK);
          Cursor after = null;
          List<Contact> others;
          do {
            others = session.otherContacts().page(after, lastSeq, CHUNK);
            others.forEach(c -> sink.otherContact(email, c));
            after =
                others.isEmpty()
                    ? null
                    : session.otherContacts().cursorAfter(others.get(others.size() - 1));
          } while (others.size() == CHUNK);
          return Boolean.TRUE;
        });
  }

  private static Boolean dumpShared(DomainSession session, Sink sink) {
    var log = session.sharedContacts().changeLog(SharedContactQuery.LIVE_BY_ID);
    Cursor after = null;
    List<SharedContact> page;
    do {
      page = log.page(after, session.lastSeq(), CHUNK);
      for (SharedContact contact : page) {
        sink.sharedContact(contact, session.sharedContacts().photoOf(contact));
        after = log.cursorAfter(contact);
      }
    } while (page.size() == CHUNK);
    return Boolean.TRUE;
  }

  /** Sets a domain's change sequence number (creating the domain). */
  public void restoreDomain(String domain, long lastSeq) {
    storage.snapshots().setDomainSeq(domain, lastSeq);
  }

  /** Creates a user with exactly this row and its number in the domain's change sequence. */
  public void restoreUser(User user, long domainSeq) {
    storage.snapshots().createUser(user, domainSeq);
  }

  /**
   * Writes a user's groups, contacts (with their photos and card UIDs, by contact id) and other
   * contacts as recorded, in one transaction; groups must come before the contacts that are their
   * members.
   */
  public void restore(
      String email,
      List<ContactGroup> groups,
      List<Contact> contacts,
      Map<Long, Photo> photos,
      Map<Long, String> cardUids,
      List<OtherContactStore.Row> others) {
    storage.write(
        email,
        session -> {
          groups.forEach(session.groups()::insert);
          if (!contacts.isEmpty()) {
            session.contacts().insert(contacts);
          }
          photos.forEach(session.photos()::put);
          cardUids.forEach((id, uid) -> session.cardUids().put(uid, id));
          if (!others.isEmpty()) {
            session.otherContacts().insert(others);
          }
          return Boolean.TRUE;
        });
  }

  /** Writes a domain's shared contacts and their photos (by contact id) as recorded. */
  public void restoreShared(
      String domain, List<SharedContact> contacts, Map<String, Photo> photos) {
    storage.writeDomain(
        domain,
        session -> {
          contacts.forEach(session.sharedContacts()::put);
          photos.forEach(session.sharedContacts()::putPhoto);
          return Boolean.TRUE;
        });
  }
}

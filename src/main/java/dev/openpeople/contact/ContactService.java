// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.listing.Listing;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The rules of contact writes, whatever API they come from: ids, change sequence numbers, etag
 * preconditions and all-or-nothing batches. Person data stays opaque JSON here.
 */
public final class ContactService {
  /** A contact's new body and index keys, as the API layer derived them. */
  public record ContactDraft(String body, ContactKeys keys) {}

  /**
   * One update of a batch: which contact, the etag the client read (null when it sent none), and
   * how to derive the new body from the current contact.
   */
  public record ContactChange(
      long id, @Nullable String etag, Function<Contact, ContactDraft> apply) {}

  /** The cutoff of a read without propagation delay: everything is visible. */
  static final Instant NO_DELAY = Instant.MAX;

  private final Storage storage;
  private final InstantSource clock;
  private final Propagation propagation;

  public ContactService(Storage storage, InstantSource clock) {
    this(storage, clock, Propagation.none());
  }

  /** A service whose lists and searches see writes only after {@code propagation}'s delay. */
  public ContactService(Storage storage, InstantSource clock, Propagation propagation) {
    this.storage = storage;
    this.clock = clock;
    this.propagation = propagation;
  }

  /** The user's propagation delay (see {@link Propagation}). */
  public Duration propagationDelay(String email) {
    return propagation.delay(storage.serverState(), email);
  }

  /** Sets the user's own propagation delay; emulator mode only. */
  public void setPropagationDelay(String email, Duration delay) {
    propagation.set(storage.serverState(), email, delay);
  }

  /**
   * The change sequence a list or search reads up to: the user's last one, or with a propagation
   * delay the last change {@code asOf} (of the rows read) reports at or before {@code cutoff}.
   */
  static long visibleSeq(UserSession session, Instant cutoff, ToLongFunction<Instant> asOf) {
    long last = session.user().lastSeq();
    if (!cutoff.isBefore(NO_DELAY)) {
      return last;
    }
    return Math.min(last, asOf.applyAsLong(cutoff));
  }

  /**
   * What a list or search of {@code email}'s data sees up to: {@code now} less the propagation
   * delay, or {@link #NO_DELAY}. Read before the transaction (the delay lives in the server state,
   * outside the user's data).
   */
  Instant visibleUntil(String email, Instant now) {
    Duration delay = propagationDelay(email);
    return delay.isZero() ? NO_DELAY : now.minus(delay);
  }

  /** The caller's user row and the live contacts found among the requested ids. */
  public record Lookup(User user, Map<Long, Contact> contacts) {}

  /** Reads the user and the live contacts among {@code ids} in one transaction. */
  public Lookup lookup(String email, Collection<Long> ids) {
    return storage.read(
        email,
        session -> {
          Map<Long, Contact> found = new HashMap<>();
          if (!ids.isEmpty()) {
            session.contacts().getAll(ids).forEach(c -> found.put(c.id(), c));
          }
          return new Lookup(session.user(), found);
        });
  }

  /** The photo of a live contact, if its current photo has this version. */
  public Optional<Photo> photo(String email, long id, long version) {
    return storage.read(
        email,
        session ->
            session
                .contacts()
                .get(id)
                .filter(c -> c.photoVersion() == version)
                .flatMap(c -> session.photos().get(id)));
  }

  /** Creates the user if new (a caller of domain-wide methods is a user of the domain). */
  public void register(String email) {
    // The user row alone, read (or created) before the work, which needs no statement of its own.
    storage.readStatement(email, session -> session.user().id());
  }

  /**
   * Contacts matching a normalized query (searchContacts), sorted by name, at most {@code limit};
   * phone numbers are read with {@code phones}.
   */
  public List<Contact> search(String email, String query, int limit, PhoneNumbers phones) {
    Instant cutoff = visibleUntil(email, clock.instant());
    if (oneStatement(cutoff, query)) {
      return storage.readStatement(
          email,
          session ->
              ContactSearch.find(query, limit, phones, session.contacts()::find, Long.MAX_VALUE));
    }
    return storage.read(
        email,
        session -> {
          ContactStore store = session.contacts();
          long asOf = visibleSeq(session, cutoff, store::lastSeqAsOf);
          return ContactSearch.find(query, limit, phones, store::find, asOf);
        });
  }

  /**
   * Whether a search of {@code query} as of {@code cutoff} is one statement ({@link
   * Storage#readStatement}): without a propagation delay it sees everything committed, which one
   * statement's snapshot is (every row in it has a sequence up to its user's last), and a query
   * that is not phone-like reads one prefix. With a delay, the cut-off sequence is a read of its
   * own, and a phone-like query reads up to three prefixes: both stay in one transaction.
   */
  static boolean oneStatement(Instant cutoff, String query) {
    return !cutoff.isBefore(NO_DELAY) && !ContactSearch.phoneLike(query);
  }

  /**
   * A page of the user's contacts in {@code order}, or of the changes since the request's sync
   * token (connections.list).
   */
  public Listing.Page<Contact> list(
      String email, Listing listing, Listing.Request request, SortOrder order) {
    Instant now = clock.instant();
    Instant cutoff = visibleUntil(email, now);
    return storage.read(
        email,
        session ->
            listing.page(
                session.contacts().changeLog(order),
                request,
                session.user().id(),
                visibleSeq(session, cutoff, session.contacts()::lastSeqAsOf),
                now));
  }

  /** For the other services of this package; handlers go through service methods. */
  Storage storage() {
    return storage;
  }

  public Instant now() {
    return clock.instant();
  }

  /** Creates contacts in one transaction; each draft is built from its new id. */
  public List<Contact> create(String email, List<LongFunction<ContactDraft>> drafts) {
    List<Long> ids = newIds(drafts.size());
    List<ContactDraft> built = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      built.add(drafts.get(i).apply(ids.get(i)));
    }
    return storage.write(email, session -> insert(session, ids, built));
  }

  /**
   * Inserts new contacts with the given ids inside the caller's write transaction: the one path
   * every contact creation takes, including the copy of an other contact, which keeps its id
   * ({@code otherContacts/cN} becomes {@code people/cN}).
   */
  public List<Contact> insert(UserSession session, List<Long> ids, List<ContactDraft> drafts) {
    Instant now = clock.instant();
    requireGroups(session, drafts);
    long seq = session.allocateSeqs(drafts.size());
    List<Contact> contacts = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      ContactDraft draft = drafts.get(i);
      contacts.add(
          new Contact(ids.get(i), seq + i, now, now, false, draft.body(), draft.keys(), 0));
    }
    session.contacts().insert(contacts);
    return contacts;
  }

  /**
   * {@code count} distinct non-zero ids for new contacts or other contacts: a run of consecutive
   * numbers from a random start. Ids stay unguessable from one call to the next, while the rows of
   * one batch land next to each other in every index keyed by id (a batch of random ids would
   * touch, and rewrite on commit, one index page per contact).
   */
  public static List<Long> newIds(int count) {
    long start = ThreadLocalRandom.current().nextLong();
    List<Long> ids = new ArrayList<>(count);
    for (long id = start; ids.size() < count; id++) {
      if (id != 0) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * Applies updates in one transaction; a missing contact (404) or a stale etag (400
   * FAILED_PRECONDITION) fails the whole call and writes nothing.
   */
  public List<Contact> update(String email, List<ContactChange> changes) {
    return storage.write(
        email,
        session -> {
          Map<Long, Contact> current = byId(session.contacts().getAll(ids(changes)));
          List<Contact> updated = new ArrayList<>(changes.size());
          Instant now = clock.instant();
          long seq = session.allocateSeqs(changes.size());
          List<ContactDraft> drafts = new ArrayList<>(changes.size());
          for (ContactChange change : changes) {
            Contact contact = current.get(change.id());
            if (contact == null) {
              throw new ApiException(ApiError.NOT_FOUND);
            }
            checkEtag(contact, change.etag());
            ContactDraft draft = change.apply().apply(contact);
            drafts.add(draft);
            updated.add(contact.withChange(seq++, now, draft.body(), draft.keys()));
          }
          requireGroups(session, drafts);
          session.contacts().update(updated);
          return updated;
        });
  }

  /**
   * The etag rule of updateContact
   * (https://developers.google.com/people/api/rest/v1/people/updateContact): either etag form, else
   * 400.
   */
  public static void checkEtag(Contact contact, @Nullable String etag) {
    if (etag == null || etag.isEmpty()) {
      throw new ApiException(ApiError.PERSON_ETAG_MISSING);
    }
    if (!etag.equals(Etags.person(contact)) && !etag.equals(Etags.source(contact))) {
      throw new ApiException(ApiError.PERSON_ETAG_MISMATCH);
    }
  }

  /** Deletes contacts (tombstones for sync) in one transaction; any missing id is a 404. */
  public void delete(String email, List<Long> ids) {
    storage.<@Nullable Void>write(
        email,
        session -> {
          LinkedHashSet<Long> unique = new LinkedHashSet<>(ids);
          Map<Long, Contact> current = byId(session.contacts().getAll(unique));
          if (current.size() != unique.size()) {
            throw new ApiException(ApiError.NOT_FOUND);
          }
          deleteAll(session, unique, clock.instant());
          return null;
        });
  }

  /** Turns contacts that exist into tombstones with fresh sequence numbers, photos and all. */
  static void deleteAll(UserSession session, Collection<Long> ids, Instant now) {
    if (ids.isEmpty()) {
      return;
    }
    long seq = session.allocateSeqs(ids.size());
    for (long id : ids) {
      session.contacts().markDeleted(id, seq++, now);
      session.photos().delete(id);
    }
  }

  /**
   * Rewrites contacts whose memberships changed with new drafts and fresh sequence numbers (their
   * etags change and incremental syncs see them).
   */
  static void rewrite(
      UserSession session, List<Contact> contacts, List<ContactDraft> drafts, Instant now) {
    if (contacts.isEmpty()) {
      return;
    }
    long seq = session.allocateSeqs(contacts.size());
    List<Contact> updated = new ArrayList<>(contacts.size());
    for (int i = 0; i < contacts.size(); i++) {
      ContactDraft draft = drafts.get(i);
      updated.add(contacts.get(i).withChange(seq++, now, draft.body(), draft.keys()));
    }
    session.contacts().updateMemberships(updated);
  }

  /** Every user group a draft names must exist (system groups always do): else 400. */
  private static void requireGroups(UserSession session, List<ContactDraft> drafts) {
    Set<String> wanted = new TreeSet<>();
    for (ContactDraft draft : drafts) {
      for (String group : draft.keys().groups()) {
        if (SystemGroups.byId(group).isEmpty()) {
          wanted.add(group);
        }
      }
    }
    if (wanted.isEmpty()) {
      return;
    }
    for (ContactGroup group : session.groups().getAll(wanted)) {
      wanted.remove(group.id());
    }
    if (!wanted.isEmpty()) {
      throw ApiException.invalid(
          "Contact group \"contactGroups/%s\" was not found.", wanted.iterator().next());
    }
  }

  /** Sets or (with a null photo) removes a contact's photo; the change bumps its etag. */
  public Contact setPhoto(String email, long id, @Nullable Photo photo) {
    return storage.write(
        email,
        session -> {
          Contact contact =
              session.contacts().get(id).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND));
          return storePhoto(session, contact, photo, session.allocateSeqs(1), clock.instant());
        });
  }

  /**
   * Stores or (with a null photo) removes the photo of {@code contact} inside the caller's write
   * transaction, recording the change as sequence {@code seq} at {@code at}; the one path every
   * photo change takes.
   */
  static Contact storePhoto(
      UserSession session, Contact contact, @Nullable Photo photo, long seq, Instant at) {
    Contact changed;
    if (photo == null) {
      session.photos().delete(contact.id());
      changed = contact.withPhoto(seq, at, 0);
    } else {
      session.photos().put(contact.id(), photo);
      changed = contact.withPhoto(seq, at, seq);
    }
    session.contacts().touch(changed);
    return changed;
  }

  private static List<Long> ids(List<ContactChange> changes) {
    List<Long> ids = new ArrayList<>(changes.size());
    for (ContactChange change : changes) {
      ids.add(change.id());
    }
    return ids;
  }

  private static Map<Long, Contact> byId(List<Contact> contacts) {
    Map<Long, Contact> out = new HashMap<>();
    for (Contact contact : contacts) {
      out.put(contact.id(), contact);
    }
    return out;
  }
}

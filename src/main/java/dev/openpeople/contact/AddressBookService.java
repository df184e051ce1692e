// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.listing.Cursor;
import dev.openpeople.listing.Listing;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A user's contacts as one CardDAV address book: the same rows the People API lists, read as whole
 * listings or as changes after a sequence number (O(changes) through the {@code seq} change log),
 * and written with HTTP preconditions. Contact group names come along, because vCard {@code
 * CATEGORIES} name groups.
 */
public final class AddressBookService {
  /**
   * Contacts (tombstones too, for changes) with the user's id (sync tokens are issued to it), last
   * sequence and group names.
   */
  public record Snapshot(
      List<Contact> contacts, long userId, long lastSeq, Map<String, String> groupNames) {}

  /** A page of a {@code sync-collection}, read by the listing engine, with the group names. */
  public record SyncPage(Listing.Page<Contact> page, Map<String, String> groupNames) {}

  /** What a card write may consult while it builds the new contact body. */
  public interface CardContext {
    /** The live contact at this id, if any. */
    Optional<Contact> current();

    /** The ids of the user groups with these names, creating the missing ones. */
    List<String> groupIds(List<String> names);

    /**
     * The live contacts other than this one that may hold the card UID {@code uid}: the one that
     * took it last through a card write, and the one whose source id it is (the UID a contact never
     * given one shows). The caller checks which of them really hold it.
     */
    List<Contact> uidHolders(String uid);
  }

  /**
   * What a card write stores: the contact, the card's UID, and the contact photo the card carries
   * (null: none, so a photo the contact had is removed).
   */
  public record CardWrite(ContactService.ContactDraft contact, String uid, @Nullable Photo photo) {}

  /** Builds what a card write stores. */
  @FunctionalInterface
  public interface CardDraft {
    CardWrite build(long id, CardContext context);
  }

  /**
   * The conditions of a write: {@code ifMatch} is null (none), {@code *} or an entity tag value
   * that {@code etagOf} must produce for the current contact; {@code ifNoneMatchAny} is {@code
   * If-None-Match: *}.
   */
  public record Conditions(
      @Nullable String ifMatch,
      boolean ifNoneMatchAny,
      java.util.function.Function<Contact, String> etagOf) {}

  private static final int CHUNK = 1000;

  /** Candidates a search reads and tests at a time. */
  private static final int SEARCH_CHUNK = 64;

  private final Storage storage;
  private final InstantSource clock;

  public AddressBookService(Storage storage, InstantSource clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /**
   * The user's id and last change sequence number (the address book's CTag and sync position),
   * without contacts.
   */
  public Snapshot position(String email) {
    return storage.read(
        email,
        session ->
            new Snapshot(List.of(), session.user().id(), session.user().lastSeq(), Map.of()));
  }

  /**
   * A page of the address book's listing or of its changes since the request's token, read by the
   * one listing engine ({@link Listing}) in last-modified order: an incremental sync reads only the
   * change log, O(changes).
   */
  public SyncPage sync(String email, Listing listing, Listing.Request request) {
    Instant now = clock.instant();
    return storage.read(
        email,
        session ->
            new SyncPage(
                listing.page(
                    session.contacts().changeLog(SortOrder.LAST_MODIFIED_ASCENDING),
                    request,
                    session.user().id(),
                    session.user().lastSeq(),
                    now),
                groupNames(session)));
  }

  /** Every live contact, in one consistent snapshot. */
  public Snapshot all(String email) {
    return storage.read(
        email,
        session -> {
          long lastSeq = session.user().lastSeq();
          List<Contact> out = new ArrayList<>();
          Cursor after = null;
          while (true) {
            List<Contact> page =
                session.contacts().page(SortOrder.LAST_MODIFIED_ASCENDING, after, lastSeq, CHUNK);
            out.addAll(page);
            if (page.size() < CHUNK) {
              break;
            }
            after =
                Contact.cursorAfter(page.get(page.size() - 1), SortOrder.LAST_MODIFIED_ASCENDING);
          }
          return new Snapshot(out, session.user().id(), lastSeq, groupNames(session));
        });
  }

  /** The live contacts among {@code ids}. */
  public Snapshot get(String email, Collection<Long> ids) {
    return storage.read(
        email,
        session ->
            new Snapshot(
                session.contacts().getAll(ids),
                session.user().id(),
                session.user().lastSeq(),
                groupNames(session)));
  }

  /**
   * Live contacts that pass {@code test} among those with a search term starting with {@code
   * prefix}, at most {@code max}. Candidates come from the term index a chunk at a time and reading
   * stops once {@code max} have passed, so a query with a limit costs O(limit), not O(candidates).
   */
  public Snapshot search(String email, String prefix, Predicate<Contact> test, int max) {
    return storage.read(
        email,
        session -> {
          List<Contact> passed = new ArrayList<>();
          Set<Long> tested = new HashSet<>();
          int batch = Math.max(SEARCH_CHUNK, 2 * max);
          while (passed.size() < max) {
            List<Long> ids = session.contacts().search(prefix, batch);
            List<Long> fresh = new ArrayList<>();
            for (long id : ids) {
              if (tested.add(id)) {
                fresh.add(id);
              }
            }
            for (int i = 0; i < fresh.size() && passed.size() < max; i += SEARCH_CHUNK) {
              for (Contact contact :
                  session
                      .contacts()
                      .getAll(fresh.subList(i, Math.min(fresh.size(), i + SEARCH_CHUNK)))) {
                if (passed.size() < max && test.test(contact)) {
                  passed.add(contact);
                }
              }
            }
            if (ids.size() < batch) {
              break;
            }
            batch = (int) Math.min(Integer.MAX_VALUE / 8, batch * 4L);
          }
          return new Snapshot(
              passed, session.user().id(), session.user().lastSeq(), groupNames(session));
        });
  }

  /**
   * Creates or replaces the contact {@code id} in one transaction after checking {@code conditions}
   * (412 when they fail); returns the contact written and whether it is new.
   */
  public Map.Entry<Contact, Boolean> put(
      String email, long id, Conditions conditions, CardDraft draft) {
    return storage.write(
        email,
        session -> {
          Optional<Contact> current = session.contacts().get(id);
          check(current, conditions);
          CardWrite built = draft.build(id, context(session, id, current));
          Contact written;
          if (current.isEmpty()) {
            ContactService contacts = new ContactService(storage, clock);
            written = contacts.insert(session, List.of(id), List.of(built.contact())).get(0);
          } else {
            long seq = session.allocateSeqs(1);
            written =
                current
                    .get()
                    .withChange(
                        seq, clock.instant(), built.contact().body(), built.contact().keys());
            session.contacts().update(List.of(written));
          }
          written = photo(session, written, built.photo());
          session.cardUids().put(built.uid(), id);
          return Map.entry(written, current.isEmpty());
        });
  }

  /**
   * Gives the contact just written the card's photo, as part of the same change (same sequence
   * number); the same bytes again leave the stored photo and its version alone.
   */
  private static Contact photo(UserSession session, Contact contact, @Nullable Photo photo) {
    boolean same =
        photo == null
            ? contact.photoVersion() == 0
            : contact.photoVersion() != 0
                && session
                    .photos()
                    .get(contact.id())
                    .filter(p -> Arrays.equals(p.bytes(), photo.bytes()))
                    .isPresent();
    return same
        ? contact
        : ContactService.storePhoto(session, contact, photo, contact.seq(), contact.updated());
  }

  /** The photos of those of {@code contacts} that have one, by contact id, read together. */
  public Map<Long, Photo> photos(String email, Collection<Contact> contacts) {
    List<Long> ids = new ArrayList<>();
    for (Contact contact : contacts) {
      if (contact.photoVersion() != 0 && !contact.deleted()) {
        ids.add(contact.id());
      }
    }
    if (ids.isEmpty()) {
      return Map.of();
    }
    return storage.read(
        email,
        session -> {
          Map<Long, Photo> out = new HashMap<>();
          for (long id : ids) {
            session.photos().get(id).ifPresent(p -> out.put(id, p));
          }
          return out;
        });
  }

  /** Deletes the contact {@code id} (a tombstone for both protocols' syncs); 404 or 412. */
  public void delete(String email, long id, Conditions conditions) {
    storage.<@Nullable Void>write(
        email,
        session -> {
          Optional<Contact> current = session.contacts().get(id);
          if (current.isEmpty()) {
            throw new ApiException(ApiError.NOT_FOUND);
          }
          check(current, conditions);
          ContactService.deleteAll(session, List.of(id), clock.instant());
          return null;
        });
  }

  private static void check(Optional<Contact> current, Conditions conditions) {
    String ifMatch = conditions.ifMatch();
    if (ifMatch != null) {
      if (current.isEmpty()) {
        throw new ApiException(ApiError.DAV_PRECONDITION_FAILED, "The card does not exist.");
      }
      if (!ifMatch.equals("*") && !ifMatch.equals(conditions.etagOf().apply(current.get()))) {
        throw new ApiException(ApiError.DAV_PRECONDITION_FAILED, "The card has changed.");
      }
    }
    if (conditions.ifNoneMatchAny() && current.isPresent()) {
      throw new ApiException(ApiError.DAV_PRECONDITION_FAILED, "The card already exists.");
    }
  }

  private CardContext context(UserSession session, long id, Optional<Contact> current) {
    return new CardContext() {
      @Override
      public Optional<Contact> current() {
        return current;
      }

      @Override
      public List<Contact> uidHolders(String uid) {
        Set<Long> ids = new LinkedHashSet<>();
        session.cardUids().find(uid).ifPresent(ids::add);
        ContactIds.parseSourceId(uid).ifPresent(ids::add);
        ids.remove(id);
        return ids.isEmpty() ? List.of() : session.contacts().getAll(ids);
      }

      @Override
      public List<String> groupIds(List<String> names) {
        return GroupService.idsByName(session, names, clock.instant());
      }
    };
  }

  private static Map<String, String> groupNames(UserSession session) {
    return TransferService.groupNames(session);
  }
}

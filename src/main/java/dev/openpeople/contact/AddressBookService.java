// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.listing.Cursor;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A user's contacts as one CardDAV address book: the same rows the People API lists, read as whole
 * listings or as changes after a sequence number (O(changes) through the {@code seq} change log),
 * and written with HTTP preconditions. Contact group names come along, because vCard {@code
 * CATEGORIES} name groups.
 */
public final class AddressBookService {
  /** Contacts (tombstones too, for changes) with the user's last sequence and group names. */
  public record Snapshot(List<Contact> contacts, long lastSeq, Map<String, String> groupNames) {}

  /** What a card write may consult while it builds the new contact body. */
  public interface CardContext {
    /** The live contact at this id, if any. */
    Optional<Contact> current();

    /** The ids of the user groups with these names, creating the missing ones. */
    List<String> groupIds(List<String> names);
  }

  /** Builds a contact body for a card write. */
  @FunctionalInterface
  public interface CardDraft {
    ContactService.ContactDraft build(long id, CardContext context);
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

  private final Storage storage;
  private final InstantSource clock;

  public AddressBookService(Storage storage, InstantSource clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /** The user's last change sequence number: the address book's CTag and sync position. */
  public long lastSeq(String email) {
    return storage.read(email, session -> session.user().lastSeq());
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
          return new Snapshot(out, lastSeq, groupNames(session));
        });
  }

  /**
   * Contacts and tombstones changed after {@code afterSeq}, oldest change first, at most {@code
   * limit} (pass one more than wanted to learn whether there are more).
   */
  public Snapshot changes(String email, long afterSeq, int limit) {
    return storage.read(
        email,
        session -> {
          long lastSeq = session.user().lastSeq();
          List<Contact> changed = session.contacts().changes(afterSeq, lastSeq, limit);
          return new Snapshot(changed, lastSeq, groupNames(session));
        });
  }

  /** The live contacts among {@code ids}. */
  public Snapshot get(String email, Collection<Long> ids) {
    return storage.read(
        email,
        session ->
            new Snapshot(
                session.contacts().getAll(ids), session.user().lastSeq(), groupNames(session)));
  }

  /** Live contacts with a search term starting with {@code prefix}. */
  public Snapshot search(String email, String prefix, int limit) {
    return storage.read(
        email,
        session -> {
          List<Long> ids = session.contacts().search(prefix, limit);
          return new Snapshot(
              session.contacts().getAll(ids), session.user().lastSeq(), groupNames(session));
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
          CardContext context = context(session, current);
          ContactService.ContactDraft built = draft.build(id, context);
          if (current.isEmpty()) {
            ContactService contacts = new ContactService(storage, clock);
            Contact created = contacts.insert(session, List.of(id), List.of(built)).get(0);
            return Map.entry(created, true);
          }
          long seq = session.allocateSeqs(1);
          Contact updated =
              current.get().withChange(seq, clock.instant(), built.body(), built.keys());
          session.contacts().update(List.of(updated));
          return Map.entry(updated, false);
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

  private CardContext context(UserSession session, Optional<Contact> current) {
    return new CardContext() {
      @Override
      public Optional<Contact> current() {
        return current;
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

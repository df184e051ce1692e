// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.contact.ContactService.ContactDraft;
import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.listing.Listing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The rules of other contacts (docs/adr/0008-other-contacts-and-fault-injection.md): one per e-mail
 * address, created directly or from interactions, deleted as tombstones, and copied into My
 * Contacts under the same id in the same transaction that tombstones the other contact.
 */
public final class OtherContactService {
  /** An other contact's new body and keys plus its lower-cased primary e-mail ("" if none). */
  public record OtherContactDraft(ContactDraft draft, String emailKey) {}

  private static final int SAVED_PROBE = 20;

  private final ContactService contacts;

  private static final String WARMUP = "otherContacts.search warmup:";
  private static final String FIRST_PAGES = "otherContacts first pages:";

  public OtherContactService(ContactService contacts) {
    this.contacts = contacts;
  }

  private Storage storage() {
    return contacts.storage();
  }

  /**
   * A page of other contacts (otherContacts.list) and, when {@code emailKey} is given, the server
   * users whose addresses the page's live rows carry (their profiles are read with them).
   *
   * @param emailKey a row's lower-cased primary e-mail address ("" if none), or null to read no
   *     profiles
   */
  public OtherContactsPage list(
      String email,
      Listing listing,
      Listing.Request request,
      @Nullable Function<Contact, String> emailKey) {
    Instant now = contacts.now();
    return storage()
        .read(
            email,
            session -> {
              Listing.Page<Contact> page =
                  listing.page(
                      session.otherContacts(),
                      request,
                      session.user().id(),
                      session.user().lastSeq(),
                      now);
              if (emailKey == null) {
                return new OtherContactsPage(page, Map.of());
              }
              Set<String> emails = new LinkedHashSet<>();
              for (Contact contact : page.rows()) {
                String key = contact.deleted() ? "" : emailKey.apply(contact);
                if (!key.isEmpty()) {
                  emails.add(key);
                }
              }
              return new OtherContactsPage(page, session.usersByEmail(emails));
            });
  }

  /** A page of other contacts and the server users (by lower-cased address) they name. */
  public record OtherContactsPage(Listing.Page<Contact> page, Map<String, User> profiles) {}

  /**
   * Replaces the user's own profile with the one {@code build} makes from the user row; returns the
   * stored profile.
   */
  public String setProfile(String email, Function<User, String> build) {
    return storage()
        .write(
            email,
            session -> {
              String body = build.apply(session.user());
              session.setProfile(body);
              return body;
            });
  }

  /** The user's change sequence now (a search warmup's "as of" point). */
  public long lastSeq(String email) {
    return storage().read(email, session -> session.user().lastSeq());
  }

  /**
   * Other contacts matching a normalized query (otherContacts.search) that changed at most at
   * sequence {@code asOfSeq} and before the user's propagation delay, sorted by name, at most
   * {@code limit}.
   */
  public List<Contact> search(
      String email, String query, int limit, long asOfSeq, PhoneNumbers phones) {
    Instant cutoff = contacts.visibleUntil(email, now());
    if (ContactService.oneStatement(cutoff, query)) {
      return storage()
          .readStatement(
              email,
              session ->
                  ContactSearch.find(query, limit, phones, session.otherContacts()::find, asOfSeq));
    }
    return storage()
        .read(
            email,
            session -> {
              OtherContactStore store = session.otherContacts();
              long visible =
                  Math.min(asOfSeq, ContactService.visibleSeq(session, cutoff, store::lastSeqAsOf));
              return ContactSearch.find(query, limit, phones, store::find, visible);
            });
  }

  /**
   * Records the user's change sequence now as their last search warmup, in the database, so a
   * warmup on one node governs searches on every node sharing it.
   */
  public void markWarmup(String email) {
    storage().serverState().mark(WARMUP + email, lastSeq(email));
  }

  /** The change sequence at the user's last search warmup; 0 if there was none. */
  public long warmupSeq(String email) {
    return storage().serverState().mark(WARMUP + email).orElse(0L);
  }

  /**
   * Counts one full-sync first page for the user in window {@code period} (shared by all nodes);
   * returns the count in that window including this one.
   */
  public long countFirstPage(String email, long period) {
    return storage().serverState().count(FIRST_PAGES + email, period);
  }

  public Instant now() {
    return contacts.now();
  }

  /** Creates other contacts in one transaction; an address already taken is 409. */
  public List<Contact> create(String email, List<LongFunction<OtherContactDraft>> drafts) {
    List<Long> ids = ContactService.newIds(drafts.size());
    List<OtherContactDraft> built = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      built.add(drafts.get(i).apply(ids.get(i)));
    }
    return storage()
        .write(
            email,
            session -> {
              Set<String> seen = new HashSet<>();
              for (OtherContactDraft draft : built) {
                String key = draft.emailKey();
                if (!key.isEmpty()
                    && (!seen.add(key) || session.otherContacts().findByEmail(key).isPresent())) {
                  throw new ApiException(
                      ApiError.ALREADY_EXISTS,
                      "An other contact with e-mail address " + key + " already exists.");
                }
              }
              return insert(session, ids, built);
            });
  }

  /**
   * Records an interaction with {@code emailKey}: updates the other contact with that address, or
   * creates it. {@code draft} gets the id and the current other contact (null when new). When the
   * address belongs to one of the user's saved contacts ({@code savedWith} tells from a contact's
   * body), nothing changes and that contact is returned: saved people are not other contacts.
   */
  public Interaction interact(
      String email, String emailKey, DraftFunction draft, Predicate<String> savedWith) {
    long fresh = ContactService.newIds(1).get(0);
    return storage()
        .write(
            email,
            session -> {
              // The full address is one of a contact's search terms: one prefix probe finds it.
              for (Contact saved :
                  session.contacts().getAll(session.contacts().search(emailKey, SAVED_PROBE))) {
                if (savedWith.test(saved.body())) {
                  return new Interaction(saved, true);
                }
              }
              Optional<Contact> current = session.otherContacts().findByEmail(emailKey);
              if (current.isEmpty()) {
                return new Interaction(
                    insert(session, List.of(fresh), List.of(draft.apply(fresh, null))).get(0),
                    false);
              }
              Contact existing = current.get();
              OtherContactDraft built = draft.apply(existing.id(), existing);
              Contact changed =
                  existing.withChange(
                      session.allocateSeqs(1), now(), built.draft().body(), built.draft().keys());
              session.otherContacts().update(new OtherContactStore.Row(changed, built.emailKey()));
              return new Interaction(changed, false);
            });
  }

  /**
   * What an interaction touched: the other contact it created or updated, or ({@code saved}) the
   * saved contact that already has the address.
   */
  public record Interaction(Contact contact, boolean saved) {}

  /** Builds an other contact's draft from its id and current state (null when new). */
  @FunctionalInterface
  public interface DraftFunction {
    OtherContactDraft apply(long id, @Nullable Contact current);
  }

  /** Deletes an other contact, leaving a tombstone for sync; a missing one is 404. */
  public void delete(String email, long id) {
    storage()
        .<@Nullable Void>write(
            email,
            session -> {
              if (session.otherContacts().get(id).isEmpty()) {
                throw new ApiException(ApiError.NOT_FOUND);
              }
              session.otherContacts().markDeleted(id, session.allocateSeqs(1), now());
              return null;
            });
  }

  /**
   * Copies an other contact to My Contacts in one transaction: the new contact keeps the id ({@code
   * otherContacts/cN} becomes {@code people/cN}, as observed on Google) and the other contact
   * becomes a tombstone, so the next otherContacts sync reports it deleted. A second copy is 409
   * ALREADY_EXISTS, never a duplicate.
   */
  public Contact copy(String email, long id, Function<Contact, ContactDraft> toContact) {
    return storage()
        .write(
            email,
            session -> {
              Optional<Contact> other = session.otherContacts().get(id);
              if (other.isEmpty()) {
                if (session.contacts().get(id).isPresent()) {
                  throw new ApiException(
                      ApiError.ALREADY_EXISTS,
                      "Other contact otherContacts/c"
                          + Long.toUnsignedString(id)
                          + " was already copied to "
                          + ContactIds.resourceName(id)
                          + ".");
                }
                throw new ApiException(ApiError.NOT_FOUND);
              }
              ContactDraft draft = toContact.apply(other.get());
              session.otherContacts().markDeleted(id, session.allocateSeqs(1), now());
              return contacts.insert(session, List.of(id), List.of(draft)).get(0);
            });
  }

  private List<Contact> insert(
      UserSession session, List<Long> ids, List<OtherContactDraft> drafts) {
    Instant now = now();
    long seq = session.allocateSeqs(drafts.size());
    List<Contact> created = new ArrayList<>(drafts.size());
    List<OtherContactStore.Row> rows = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      ContactDraft draft = drafts.get(i).draft();
      Contact contact =
          new Contact(ids.get(i), seq + i, now, now, false, draft.body(), draft.keys(), 0);
      created.add(contact);
      rows.add(new OtherContactStore.Row(contact, drafts.get(i).emailKey()));
    }
    session.otherContacts().insert(rows);
    return created;
  }
}

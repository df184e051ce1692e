// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.listing.Cursor;
import dev.openpeople.listing.Listing;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The rules of domain shared-contact writes, whatever API they come from: ids, the domain's change
 * sequence, GData etag preconditions and tombstones. Each method runs inside a caller's domain
 * transaction, so a batch can run many of them in one.
 */
public final class SharedContactService {
  /** A contact's new documents, as the API layer derived them. */
  public record Draft(String entry, String person, String searchText) {}

  private final Storage storage;
  private final InstantSource clock;

  public SharedContactService(Storage storage, InstantSource clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /** A live contact of the domain, or 404. */
  public SharedContact get(String domain, String id) {
    return storage.readDomain(domain, s -> live(s, id));
  }

  /** The domain's users by address, the first {@code limit} after {@code afterEmail} ("" first). */
  public List<User> users(String domain, String afterEmail, int limit) {
    return storage.readDomain(domain, s -> s.users(afterEmail, limit));
  }

  /** A live contact and its photo. */
  public record WithPhoto(SharedContact contact, Photo photo) {}

  /** A live contact's photo, or 404 for the contact or the photo. */
  public WithPhoto photo(String domain, String id) {
    return storage.readDomain(
        domain,
        s -> {
          SharedContact contact = live(s, id);
          Photo photo = s.sharedContacts().photoOf(contact);
          if (photo == null) {
            throw new ApiException(ApiError.GDATA_NOT_FOUND, "Photo not found.");
          }
          return new WithPhoto(contact, photo);
        });
  }

  /** One read of a feed query: the domain's change sequence (the feed's etag) and the window. */
  public record Feed(long lastSeq, Listing.Window<SharedContact> window) {}

  /**
   * A window of a feed query on one snapshot, through the listing engine: {@code size} rows after
   * {@code after} (a next link's position) or from row {@code skip}; {@code size} 0 only counts.
   */
  public Feed query(
      String domain, SharedContactQuery query, @Nullable Cursor after, long skip, int size) {
    return storage.readDomain(
        domain,
        s ->
            new Feed(
                s.lastSeq(),
                Listing.window(s.sharedContacts().feed(query), after, skip, size, s.lastSeq())));
  }

  /**
   * A page of the domain's directory (listDirectoryPeople): its users then its shared contacts, or
   * the changes since the request's sync token. Tokens are domain-wide (scope 0).
   */
  public Listing.Page<DirectoryRows.Row> listDirectory(
      String domain,
      Listing listing,
      Listing.Request request,
      boolean profiles,
      boolean sharedContacts) {
    Instant now = clock.instant();
    return storage.readDomain(
        domain,
        s ->
            listing.page(
                new DirectoryRows(s, profiles, sharedContacts), request, 0, s.lastSeq(), now));
  }

  /** A window of a directory search and how many rows match in all. */
  public record DirectoryMatches(List<DirectoryRows.Row> rows, long total) {}

  /**
   * Searches the directory: the domain's users whose profile has a word starting with {@code
   * prefix} (at most {@code maxUsers} considered, {@link DomainSession#searchUsers}), then its
   * shared contacts with a word starting with {@code prefix}; {@code size} rows from row {@code
   * offset}.
   */
  public DirectoryMatches searchDirectory(
      String domain,
      String prefix,
      boolean profiles,
      boolean sharedContacts,
      int maxUsers,
      long offset,
      int size) {
    return storage.readDomain(
        domain,
        s -> {
          List<User> users = profiles ? s.searchUsers(prefix, maxUsers) : List.of();
          // One store for the count and the page: it probes the prefix once.
          SharedContactStore shared = s.sharedContacts();
          long total = users.size() + (sharedContacts ? shared.countSearch(prefix) : 0);
          List<DirectoryRows.Row> rows = new ArrayList<>();
          for (long i = offset; i < users.size() && rows.size() < size; i++) {
            rows.add(new DirectoryRows.Profile(users.get((int) i), 0));
          }
          if (rows.size() < size && sharedContacts) {
            long contactOffset = Math.max(0, offset - users.size());
            for (SharedContact contact : shared.search(prefix, contactOffset, size - rows.size())) {
              rows.add(new DirectoryRows.Shared(contact));
            }
          }
          return new DirectoryMatches(rows, total);
        });
  }

  /** The operations of a GData batch, all inside one domain write transaction. */
  public final class Batch {
    private final DomainSession session;

    private Batch(DomainSession session) {
      this.session = session;
    }

    public SharedContact insert(String id, Draft draft) {
      return SharedContactService.this.insert(session, id, draft);
    }

    public SharedContact update(String id, @Nullable String etag, UnaryOperator<Draft> apply) {
      return SharedContactService.this.update(session, id, etag, apply);
    }

    public SharedContact delete(String id, @Nullable String etag) {
      return SharedContactService.this.delete(session, id, etag);
    }

    public SharedContact get(String id) {
      return live(session, id);
    }
  }

  /** Runs a batch in one domain write transaction: all of it commits or none of it does. */
  public <T> T batch(String domain, Function<Batch, T> work) {
    return storage.writeDomain(domain, s -> work.apply(new Batch(s)));
  }

  public SharedContact insert(String domain, String id, Draft draft) {
    return storage.writeDomain(domain, s -> insert(s, id, draft));
  }

  public SharedContact update(
      String domain, String id, @Nullable String etag, UnaryOperator<Draft> apply) {
    return storage.writeDomain(domain, s -> update(s, id, etag, apply));
  }

  public SharedContact delete(String domain, String id, @Nullable String etag) {
    return storage.writeDomain(domain, s -> delete(s, id, etag));
  }

  public SharedContact putPhoto(String domain, String id, @Nullable String etag, Photo photo) {
    return storage.writeDomain(domain, s -> putPhoto(s, id, etag, photo));
  }

  public SharedContact deletePhoto(String domain, String id, @Nullable String etag) {
    return storage.writeDomain(domain, s -> deletePhoto(s, id, etag));
  }

  public Instant now() {
    return clock.instant();
  }

  /** A new lowercase hex contact id. */
  public static String newId() {
    long id = ThreadLocalRandom.current().nextLong();
    return HexFormat.of().toHexDigits(id == 0 ? 1 : id);
  }

  private SharedContact insert(DomainSession session, String id, Draft draft) {
    if (session.sharedContacts().get(id).isPresent()) {
      throw new ApiException(ApiError.GDATA_INVALID, "Contact id already exists.");
    }
    Instant now = clock.instant();
    SharedContact contact =
        new SharedContact(
            session.domain(),
            id,
            session.allocateSeqs(1),
            now,
            now,
            false,
            draft.entry(),
            draft.person(),
            draft.searchText(),
            0);
    session.sharedContacts().put(contact);
    return contact;
  }

  /** The live contact, or 404. */
  private static SharedContact live(DomainSession session, String id) {
    return session
        .sharedContacts()
        .get(id)
        .filter(c -> !c.deleted())
        .orElseThrow(() -> new ApiException(ApiError.GDATA_NOT_FOUND, "Contact not found."));
  }

  /** Full replacement of a contact (GData PUT) after the etag check. */
  private SharedContact update(
      DomainSession session, String id, @Nullable String etag, UnaryOperator<Draft> apply) {
    SharedContact current = live(session, id);
    checkEtag(Etags.sharedContact(current), etag);
    Draft draft = apply.apply(new Draft(current.entry(), current.person(), current.searchText()));
    SharedContact updated =
        current.withChange(
            session.allocateSeqs(1),
            clock.instant(),
            draft.entry(),
            draft.person(),
            draft.searchText());
    session.sharedContacts().put(updated);
    return updated;
  }

  /** Turns a contact into a tombstone (kept 30 days for {@code showdeleted}). */
  private SharedContact delete(DomainSession session, String id, @Nullable String etag) {
    SharedContact current = live(session, id);
    checkEtag(Etags.sharedContact(current), etag);
    SharedContact tombstone = current.asTombstone(session.allocateSeqs(1), clock.instant());
    session.sharedContacts().put(tombstone);
    session.sharedContacts().deletePhoto(id);
    return tombstone;
  }

  /** Adds or replaces the photo; the photo etag and the entry etag both change. */
  private SharedContact putPhoto(
      DomainSession session, String id, @Nullable String etag, Photo photo) {
    SharedContact current = live(session, id);
    if (current.photoVersion() != 0) {
      checkEtag(Etags.sharedPhoto(current), etag);
    } else if (etag != null && !etag.equals("*") && !etag.isEmpty()) {
      throw new ApiException(ApiError.GDATA_ETAG_MISMATCH);
    }
    long seq = session.allocateSeqs(1);
    SharedContact updated = current.withPhoto(seq, clock.instant(), seq);
    session.sharedContacts().putPhoto(id, photo);
    session.sharedContacts().put(updated);
    return updated;
  }

  private SharedContact deletePhoto(DomainSession session, String id, @Nullable String etag) {
    SharedContact current = live(session, id);
    if (current.photoVersion() == 0) {
      throw new ApiException(ApiError.GDATA_NOT_FOUND, "Photo not found.");
    }
    checkEtag(Etags.sharedPhoto(current), etag);
    SharedContact updated = current.withPhoto(session.allocateSeqs(1), clock.instant(), 0);
    session.sharedContacts().deletePhoto(id);
    session.sharedContacts().put(updated);
    return updated;
  }

  /**
   * The GData v3 write precondition
   * (https://developers.google.com/gdata/docs/2.0/reference#Optimistic_concurrency): {@code *}
   * always passes, a different etag is 412, no etag at all is 403. Where the etag comes from on the
   * wire is the GData layer's business ({@link dev.openpeople.error.GDataErrors}).
   */
  private static void checkEtag(String current, @Nullable String etag) {
    if (etag == null || etag.isBlank()) {
      throw new ApiException(ApiError.GDATA_ETAG_REQUIRED);
    }
    String trimmed = etag.trim();
    if (trimmed.equals("*") || trimmed.equals(current)) {
      return;
    }
    throw new ApiException(ApiError.GDATA_ETAG_MISMATCH);
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.error.GDataErrors;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
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

  public Storage storage() {
    return storage;
  }

  public Instant now() {
    return clock.instant();
  }

  /** A new lowercase hex contact id. */
  public static String newId() {
    long id = ThreadLocalRandom.current().nextLong();
    return HexFormat.of().toHexDigits(id == 0 ? 1 : id);
  }

  public SharedContact insert(DomainSession session, String id, Draft draft) {
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
  public static SharedContact live(DomainSession session, String id) {
    return session
        .sharedContacts()
        .get(id)
        .filter(c -> !c.deleted())
        .orElseThrow(() -> new ApiException(ApiError.GDATA_NOT_FOUND, "Contact not found."));
  }

  /** Full replacement of a contact (GData PUT) after the etag check. */
  public SharedContact update(
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
  public SharedContact delete(DomainSession session, String id, @Nullable String etag) {
    SharedContact current = live(session, id);
    checkEtag(Etags.sharedContact(current), etag);
    SharedContact tombstone = current.asTombstone(session.allocateSeqs(1), clock.instant());
    session.sharedContacts().put(tombstone);
    session.sharedContacts().deletePhoto(id);
    return tombstone;
  }

  /** Adds or replaces the photo; the photo etag and the entry etag both change. */
  public SharedContact putPhoto(
      DomainSession session, String id, @Nullable String etag, Photo photo) {
    SharedContact current = live(session, id);
    if (current.photoVersion() != 0) {
      checkEtag(Etags.sharedPhoto(current), etag);
    } else if (etag != null && !etag.equals("*") && !etag.isEmpty()) {
      throw new ApiException(ApiError.GDATA_ETAG_MISMATCH)
          .withMetadata(GDataErrors.LOCATION, "If-Match")
          .withMetadata(GDataErrors.LOCATION_TYPE, "header");
    }
    long seq = session.allocateSeqs(1);
    SharedContact updated = current.withPhoto(seq, clock.instant(), seq);
    session.sharedContacts().putPhoto(id, photo);
    session.sharedContacts().put(updated);
    return updated;
  }

  public SharedContact deletePhoto(DomainSession session, String id, @Nullable String etag) {
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
   * The GData v3 write precondition (shared-contacts-api.md §7): {@code *} always passes, a
   * different etag is 412, no etag at all is 403.
   */
  public static void checkEtag(String current, @Nullable String etag) {
    if (etag == null || etag.isBlank()) {
      throw new ApiException(ApiError.GDATA_ETAG_REQUIRED)
          .withMetadata(GDataErrors.LOCATION, "If-Match")
          .withMetadata(GDataErrors.LOCATION_TYPE, "header");
    }
    String trimmed = etag.trim();
    if (trimmed.equals("*") || trimmed.equals(current)) {
      return;
    }
    throw new ApiException(ApiError.GDATA_ETAG_MISMATCH)
        .withMetadata(GDataErrors.LOCATION, "If-Match")
        .withMetadata(GDataErrors.LOCATION_TYPE, "header");
  }
}

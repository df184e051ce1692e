// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.AddressBookService;
import dev.openpeople.contact.AddressBookService.CardContext;
import dev.openpeople.contact.AddressBookService.CardWrite;
import dev.openpeople.contact.AddressBookService.Snapshot;
import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactIds;
import dev.openpeople.contact.PersonDrafts;
import dev.openpeople.contact.Photo;
import dev.openpeople.contact.SystemGroups;
import dev.openpeople.error.ApiException;
import dev.openpeople.listing.Listing;
import dev.openpeople.listing.Rejection;
import dev.openpeople.server.Json;
import dev.openpeople.token.ListToken;
import dev.openpeople.token.TokenSigner;
import dev.openpeople.vcard.InvalidVCardException;
import dev.openpeople.vcard.PersonCard;
import dev.openpeople.vcard.VCards;
import ezvcard.VCardVersion;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A contact as a card: its resource name, entity tag and vCard text, the contact body a card
 * becomes, and the address book's sync tokens.
 *
 * <p>Resource names: a contact made through the People API or by POST is named by its id (the
 * unsigned decimal of {@code people/c<id>}); a card a client PUT at a name of its own keeps that
 * name, and its id is derived from the name (the first 8 bytes of its SHA-256), so finding a card
 * by name stays one primary-key read without an index.
 */
final class Cards {
  /** The Person fields a card carries; a PUT replaces these and keeps every other field. */
  static final Set<String> CARD_FIELDS =
      Set.of(
          "names",
          "nicknames",
          "emailAddresses",
          "phoneNumbers",
          "addresses",
          "organizations",
          "birthdays",
          "events",
          "urls",
          "biographies",
          "relations",
          "imClients",
          "memberships");

  private static final String SYNC_PREFIX = "https://openpeople.dev/ns/sync/";
  private static final String CONTINUE_PREFIX = SYNC_PREFIX + "p/";

  private final PersonDrafts drafts;
  private final Listing listing;

  Cards(PersonDrafts drafts, TokenSigner signer) {
    this.drafts = drafts;
    this.listing = new Listing("carddav.syncCollection", signer, Cards::syncTokenError);
  }

  /** The id a resource name stands for (see the class comment). */
  static long idOf(String name) {
    OptionalLong canonical = ContactIds.parse("c" + name);
    if (canonical.isPresent()
        && canonical.getAsLong() != 0
        && Long.toUnsignedString(canonical.getAsLong()).equals(name)) {
      return canonical.getAsLong();
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      long id = ByteBuffer.wrap(hash).getLong();
      return id == 0 ? 1 : id;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The contact's resource name inside the address book. */
  static String nameOf(Contact contact) {
    String stored = storedHref(contact.body());
    if (stored == null) {
      stored = cardField(contact).path("href").asText("");
    }
    return stored.isEmpty() ? Long.toUnsignedString(contact.id()) : stored;
  }

  private static final String HREF_KEY = "\"href\":\"";

  /**
   * The stored resource name read straight from the body's card field (see {@link #cardField}),
   * which a listing does for every card: "" when there is none, null when it holds an escape and
   * needs the parser.
   */
  private static @Nullable String storedHref(String body) {
    int card = body.lastIndexOf(CARD_KEY);
    if (card < 0) {
      return "";
    }
    int key = body.indexOf(HREF_KEY, card);
    if (key < 0) {
      return "";
    }
    int start = key + HREF_KEY.length();
    int end = body.indexOf('"', start);
    if (end < 0 || body.lastIndexOf('\\', end) >= start) {
      return null;
    }
    return body.substring(start, end);
  }

  /** A strong entity tag, quotes included: it changes with every change of the contact. */
  static String etag(Contact contact) {
    return "\"" + Long.toHexString(contact.seq()) + "\"";
  }

  private static final String CARD_KEY = "\"" + PersonDrafts.CARD_FIELD + "\":";

  /**
   * The stored card field of a contact, parsed alone: a listing names every card by it, and parsing
   * whole bodies for that was most of a 10,000-card PROPFIND. The key, unescaped, can only be the
   * body's own key (a quote inside a JSON string is escaped, and no Person field has that key).
   */
  private static JsonNode cardField(Contact contact) {
    String body = contact.body();
    int key = body.lastIndexOf(CARD_KEY);
    if (key < 0) {
      return MissingNode.getInstance();
    }
    try (JsonParser parser = Json.MAPPER.createParser(body.substring(key + CARD_KEY.length()))) {
      JsonNode card = Json.MAPPER.readTree(parser);
      return card == null ? MissingNode.getInstance() : card;
    } catch (IOException e) {
      throw new IllegalStateException("stored JSON is corrupt", e);
    }
  }

  /** The card's UID: the one it was written with, else the contact's source id. */
  static String uidOf(Contact contact) {
    return uidOf(contact, Json.parseStored(contact.body()));
  }

  static String uidOf(Contact contact, JsonNode body) {
    String uid = body.path(PersonDrafts.CARD_FIELD).path("uid").asText("");
    return uid.isEmpty() ? ContactIds.sourceId(contact.id()) : uid;
  }

  /**
   * What cards are rendered with: user group names by id (CATEGORIES) and the photos of the
   * contacts that have one (read only when card text is wanted).
   */
  record Rendering(Map<String, String> groupNames, Map<Long, Photo> photos) {}

  /** The rendering of {@code contacts}; photos are read when {@code withText}. */
  static Rendering rendering(
      AddressBookService book,
      String email,
      Collection<Contact> contacts,
      Map<String, String> groupNames,
      boolean withText) {
    return new Rendering(groupNames, withText ? book.photos(email, contacts) : Map.of());
  }

  /** The vCard text of a contact. */
  static String vcard(Contact contact, Rendering rendering, VCardVersion version) {
    ObjectNode body = Json.parseStored(contact.body());
    JsonNode card = body.path(PersonDrafts.CARD_FIELD);
    List<String> categories = PersonCard.categories(body, rendering.groupNames());
    Photo photo = rendering.photos().get(contact.id());
    return VCards.write(
        new PersonCard(
            body,
            uidOf(contact, body),
            categories,
            photo == null ? null : new PersonCard.Image(photo.contentType(), photo.bytes()),
            card.path("extra").asText("")),
        version);
  }

  /** A card a client sent, read and with its photo checked, before any transaction starts. */
  record Parsed(PersonCard card, @Nullable Photo photo) {}

  /**
   * Reads a card: not a single valid vCard with a UID, or a PHOTO that the People API would refuse
   * (updateContactPhoto's checks: size, JPEG or PNG, pixel budget), is {@code valid-address-data}.
   */
  static Parsed parse(String text) {
    PersonCard card;
    try {
      card = VCards.read(text);
    } catch (InvalidVCardException e) {
      throw new DavException(403, DavNames.VALID_ADDRESS_DATA, String.valueOf(e.getMessage()));
    }
    PersonCard.Image image = card.photo();
    if (image == null) {
      return new Parsed(card, null);
    }
    if (image.bytes().length > Photo.MAX_BYTES) {
      throw new DavException(
          403, DavNames.VALID_ADDRESS_DATA, "PHOTO may be at most " + Photo.MAX_BYTES + " bytes.");
    }
    try {
      return new Parsed(card, Photo.checked(image.bytes()));
    } catch (ApiException e) {
      throw new DavException(403, DavNames.VALID_ADDRESS_DATA, "PHOTO: " + e.getMessage());
    }
  }

  /**
   * What a card written at {@code name} stores: the card's Person fields replace the current ones,
   * system group memberships stay, CATEGORIES become user group memberships, and PHOTO becomes the
   * contact photo. A UID another card of the address book holds is refused (RFC 6352 section
   * 6.3.2.1, {@code no-uid-conflict}, naming that card).
   */
  CardWrite draft(String email, long id, String name, Parsed parsed, CardContext context) {
    PersonCard card = parsed.card();
    for (Contact holder : context.uidHolders(card.uid())) {
      if (uidOf(holder).equals(card.uid())) {
        throw new DavException(
            409,
            DavNames.NO_UID_CONFLICT,
            DavPath.card(email, nameOf(holder)),
            "Another card of this address book has UID " + card.uid() + ".");
      }
    }
    ObjectNode person = card.person().deepCopy();
    ArrayNode memberships = person.putArray("memberships");
    List<String> groups = new ArrayList<>();
    context
        .current()
        .ifPresent(
            c -> {
              for (JsonNode m : Json.parseStored(c.body()).path("memberships")) {
                String group = m.path("contactGroupMembership").path("contactGroupId").asText("");
                if (SystemGroups.byId(group).isPresent()) {
                  groups.add(group);
                }
              }
            });
    if (groups.isEmpty()) {
      groups.add(SystemGroups.MY_CONTACTS.id());
    }
    groups.addAll(context.groupIds(card.categories()));
    for (String group : groups) {
      memberships
          .addObject()
          .putObject("contactGroupMembership")
          .put("contactGroupResourceName", "contactGroups/" + group);
    }
    ObjectNode stored = Json.object();
    stored.put("uid", card.uid());
    if (!name.equals(Long.toUnsignedString(id))) {
      stored.put("href", name);
    }
    if (!card.unmapped().isEmpty()) {
      stored.put("extra", card.unmapped());
    }
    String currentBody = context.current().map(Contact::body).orElse(null);
    try {
      return new CardWrite(
          drafts.contact(
              id, currentBody, Json.writeString(person), CARD_FIELDS, Json.writeString(stored)),
          card.uid(),
          parsed.photo());
    } catch (ApiException e) {
      throw new DavException(403, DavNames.VALID_ADDRESS_DATA, String.valueOf(e.getMessage()));
    }
  }

  /** The listing engine sync-collection runs on, its tokens signed for this method. */
  Listing listing() {
    return listing;
  }

  /**
   * The {@code sync-collection} request of a client's {@code DAV:sync-token} (RFC 6578 section
   * 3.2): none starts a full listing, a sync token reads the changes after it, a continuation token
   * (handed out with a 507 when the answer was truncated, section 3.6) goes on with the same
   * listing. Tokens are the listing engine's, bound to this collection.
   */
  Listing.Request syncRequest(String email, String token, int pageSize) {
    String binding = syncBinding(email);
    String pageToken = null;
    String syncToken = null;
    if (token.startsWith(CONTINUE_PREFIX)) {
      pageToken = token.substring(CONTINUE_PREFIX.length());
    } else if (token.startsWith(SYNC_PREFIX)) {
      syncToken = token.substring(SYNC_PREFIX.length());
    } else if (!token.isEmpty()) {
      throw syncTokenError(new Rejection.Invalid(Rejection.Token.SYNC));
    }
    return new Listing.Request(pageSize, true, binding, binding, pageToken, syncToken);
  }

  /** The {@code DAV:sync-token} (a URI, RFC 6578 section 4) a sync-collection page ends with. */
  static String wireToken(Listing.Page<?> page) {
    String next = page.nextPageToken();
    return next != null
        ? CONTINUE_PREFIX + next
        : SYNC_PREFIX + Objects.requireNonNull(page.nextSyncToken());
  }

  /** The address book's {@code DAV:sync-token} property at its current position. */
  String syncToken(String email, Snapshot position, Instant now) {
    return SYNC_PREFIX
        + listing.syncToken(position.userId(), syncBinding(email), position.lastSeq(), now);
  }

  private static String syncBinding(String email) {
    return ListToken.fingerprint(List.of("collection=" + DavPath.book(email)));
  }

  /** Every refused token is the precondition RFC 6578 section 3.2 names. */
  private static DavException syncTokenError(Rejection rejection) {
    String why =
        switch (rejection) {
          case Rejection.Invalid invalid -> "The sync token is invalid.";
          case Rejection.Expired expired ->
              "The sync token has expired; sync again from the start.";
          case Rejection.Mismatch mismatch -> "The sync token belongs to another collection.";
        };
    return new DavException(403, DavNames.VALID_SYNC_TOKEN, why);
  }
}

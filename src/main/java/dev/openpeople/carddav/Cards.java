// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.AddressBookService.CardContext;
import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactIds;
import dev.openpeople.contact.ContactService.ContactDraft;
import dev.openpeople.contact.PersonDrafts;
import dev.openpeople.contact.SystemGroups;
import dev.openpeople.error.ApiException;
import dev.openpeople.server.Json;
import dev.openpeople.token.TokenSigner;
import dev.openpeople.vcard.InvalidVCardException;
import dev.openpeople.vcard.PersonCard;
import dev.openpeople.vcard.VCards;
import ezvcard.VCardVersion;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

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

  static final Duration SYNC_TOKEN_LIFETIME = Duration.ofDays(7);
  private static final String SYNC_PREFIX = "https://openpeople.dev/ns/sync/";

  private final PersonDrafts drafts;
  private final TokenSigner signer;

  Cards(PersonDrafts drafts, TokenSigner signer) {
    this.drafts = drafts;
    this.signer = signer;
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
    String stored = cardField(contact).path("href").asText("");
    return stored.isEmpty() ? Long.toUnsignedString(contact.id()) : stored;
  }

  /** A strong entity tag, quotes included: it changes with every change of the contact. */
  static String etag(Contact contact) {
    return "\"" + Long.toHexString(contact.seq()) + "\"";
  }

  private static JsonNode cardField(Contact contact) {
    // The stored field is small and last in the body; a full parse is simplest and fast enough.
    return Json.parseStored(contact.body()).path(PersonDrafts.CARD_FIELD);
  }

  /** The vCard text of a contact; {@code groupNames} maps user group ids to names. */
  static String vcard(Contact contact, Map<String, String> groupNames, VCardVersion version) {
    ObjectNode body = Json.parseStored(contact.body());
    return VCards.write(
        PersonCard.ofStored(
            body,
            body.path(PersonDrafts.CARD_FIELD),
            ContactIds.sourceId(contact.id()),
            groupNames),
        version);
  }

  /**
   * The contact body of a card written at {@code name}: the card's Person fields replace the
   * current ones, system group memberships stay, CATEGORIES become user group memberships.
   */
  ContactDraft draft(long id, String name, String text, CardContext context) {
    PersonCard card;
    try {
      card = VCards.read(text);
    } catch (InvalidVCardException e) {
      throw new DavException(403, DavNames.VALID_ADDRESS_DATA, String.valueOf(e.getMessage()));
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
      return drafts.contact(
          id, currentBody, Json.writeString(person), CARD_FIELDS, Json.writeString(stored));
    } catch (ApiException e) {
      throw new DavException(403, DavNames.VALID_ADDRESS_DATA, String.valueOf(e.getMessage()));
    }
  }

  /** A sync token for the address book of {@code email} at sequence {@code seq}. */
  String syncToken(String email, long seq, Instant now) {
    byte[] user = email.getBytes(StandardCharsets.UTF_8);
    ByteBuffer payload = ByteBuffer.allocate(16 + user.length);
    payload.putLong(seq).putLong(now.toEpochMilli()).put(user);
    return SYNC_PREFIX + signer.sign(payload.array());
  }

  /**
   * The sequence of a sync token this server issued to {@code email}, or a 403 {@code
   * DAV:valid-sync-token} when it is foreign, altered, another user's or expired.
   */
  long syncSeq(String token, String email, Instant now) {
    DavException invalid =
        new DavException(403, DavNames.VALID_SYNC_TOKEN, "The sync token is invalid or expired.");
    if (!token.startsWith(SYNC_PREFIX)) {
      throw invalid;
    }
    byte[] payload;
    try {
      payload = signer.verify(token.substring(SYNC_PREFIX.length()), "sync token");
    } catch (ApiException e) {
      throw invalid;
    }
    if (payload.length < 16) {
      throw invalid;
    }
    ByteBuffer buffer = ByteBuffer.wrap(payload);
    long seq = buffer.getLong();
    Instant issued = Instant.ofEpochMilli(buffer.getLong());
    String user = new String(payload, 16, payload.length - 16, StandardCharsets.UTF_8);
    if (!user.equals(email) || seq < 0 || issued.plus(SYNC_TOKEN_LIFETIME).isBefore(now)) {
      throw invalid;
    }
    return seq;
  }
}

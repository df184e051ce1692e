// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.ContactIds;
import dev.openpeople.contact.Photo;
import dev.openpeople.contact.SystemGroups;
import dev.openpeople.server.Json;
import dev.openpeople.vcard.InvalidVCardException;
import dev.openpeople.vcard.PersonCard;
import dev.openpeople.vcard.VCards;
import ezvcard.VCardVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * vCard files (any number of 3.0 or 4.0 cards) to and from contacts, through the one vCard mapping
 * ({@link VCards}, {@code docs/vcard-mapping.md}). Each card is read on its own, so a bad card is
 * reported with its number and first line and the others still come in.
 */
final class VCardFiles {
  /** The UID given to a card that has none, so the mapping reads it; it is not stored. */
  private static final String NO_UID = "openpeople-import-" + UUID.randomUUID();

  private VCardFiles() {}

  /** Reads every card of {@code in}, in order. */
  static void read(BufferedReader in, Item.Sink sink) throws IOException {
    StringBuilder card = null;
    int number = 0;
    int firstLine = 0;
    int lineNumber = 0;
    boolean hasUid = false;
    boolean outside = false;
    String line;
    while ((line = in.readLine()) != null) {
      lineNumber++;
      String upper = line.strip().toUpperCase(Locale.ROOT);
      if (upper.startsWith("\uFEFF")) {
        upper = upper.substring(1);
      }
      if (upper.equals("BEGIN:VCARD")) {
        if (card != null) {
          sink.accept(Item.bad(where(number, firstLine), "BEGIN:VCARD without END:VCARD"));
        }
        number++;
        firstLine = lineNumber;
        card = new StringBuilder();
        hasUid = false;
        outside = false;
      }
      if (card == null) {
        if (!upper.isEmpty() && !outside) {
          sink.accept(Item.bad("line " + lineNumber, "text outside BEGIN:VCARD ... END:VCARD"));
        }
        outside = !upper.isEmpty();
        continue;
      }
      if (upper.startsWith("UID:") || upper.startsWith("UID;")) {
        hasUid = true;
      }
      if (upper.equals("END:VCARD")) {
        if (!hasUid) {
          card.append("UID:").append(NO_UID).append("\r\n");
        }
        card.append(line).append("\r\n");
        sink.accept(item(where(number, firstLine), card.toString()));
        card = null;
        continue;
      }
      card.append(line).append("\r\n");
    }
    if (card != null) {
      sink.accept(Item.bad(where(number, firstLine), "BEGIN:VCARD without END:VCARD"));
    }
  }

  private static String where(int number, int line) {
    return "card " + number + " (line " + line + ")";
  }

  private static Item item(String where, String text) {
    PersonCard card;
    try {
      card = VCards.read(text);
    } catch (InvalidVCardException | IllegalArgumentException e) {
      return Item.bad(where, String.valueOf(e.getMessage()));
    }
    ObjectNode stored = Json.object();
    if (!card.uid().equals(NO_UID)) {
      stored.put("uid", card.uid());
    }
    if (!card.unmapped().isEmpty()) {
      stored.put("extra", card.unmapped());
    }
    PersonCard.Image image = card.photo();
    Photo photo = image == null ? null : new Photo(image.mediaType(), image.bytes());
    return new Item(
        where,
        card.person(),
        card.categories(),
        List.of(SystemGroups.MY_CONTACTS.id()),
        Json.writeString(stored),
        photo,
        null);
  }

  /** Writes one contact as a card. */
  static void write(
      Writer out,
      long id,
      ObjectNode body,
      Map<String, String> groupNames,
      @Nullable Photo photo,
      VCardVersion version,
      String cardField)
      throws IOException {
    String uid = body.path(cardField).path("uid").asText("");
    PersonCard card =
        new PersonCard(
            body,
            uid.isEmpty() ? ContactIds.sourceId(id) : uid,
            PersonCard.categories(body, groupNames),
            photo == null ? null : new PersonCard.Image(photo.contentType(), photo.bytes()),
            body.path(cardField).path("extra").asText(""));
    out.write(VCards.write(card, version));
  }
}

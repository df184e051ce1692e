// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import dev.openpeople.carddav.DavPath.Kind;
import dev.openpeople.contact.AddressBookService;
import dev.openpeople.contact.AddressBookService.Conditions;
import dev.openpeople.contact.AddressBookService.Snapshot;
import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactService;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.ApiRequest;
import ezvcard.VCardVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** GET/HEAD, PUT and DELETE of cards, and POST to the address book (RFC 5995 add-member). */
final class CardMethods {
  private final AddressBookService book;
  private final Cards cards;

  CardMethods(AddressBookService book, Cards cards) {
    this.book = book;
    this.cards = cards;
  }

  /** The live card at a card path, or 404. */
  static Contact find(AddressBookService book, String email, DavPath path) {
    String name = requireCard(path);
    Snapshot found = book.get(email, List.of(Cards.idOf(name)));
    if (found.contacts().isEmpty() || !Cards.nameOf(found.contacts().get(0)).equals(name)) {
      throw DavException.notFound();
    }
    return found.contacts().get(0);
  }

  /**
   * A card in the version the client accepts (vCard 3.0 unless {@code Accept} asks for 4.0); the
   * address book itself answers every card as one text/vcard file (beyond Google).
   */
  ApiReply get(String email, DavPath path, ApiRequest request) {
    VCardVersion version = version(request.header("Accept"));
    if (path.kind() == Kind.BOOK) {
      Snapshot all = book.all(email);
      Cards.Rendering rendering =
          Cards.rendering(book, email, all.contacts(), all.groupNames(), true);
      StringBuilder text = new StringBuilder();
      for (Contact contact : all.contacts()) {
        text.append(Cards.vcard(contact, rendering, version));
      }
      return vcard(200, text.toString());
    }
    if (path.kind() != Kind.CARD) {
      throw new DavException(405, null, "GET is served on the address book and its cards.");
    }
    String name = requireCard(path);
    Snapshot found = book.get(email, List.of(Cards.idOf(name)));
    if (found.contacts().isEmpty() || !Cards.nameOf(found.contacts().get(0)).equals(name)) {
      throw DavException.notFound();
    }
    Contact contact = found.contacts().get(0);
    String etag = Cards.etag(contact);
    String ifNoneMatch = request.header("If-None-Match");
    if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
      return ApiReply.bytes(304, DavProperties.VCARD_TYPE, new byte[0]).header("ETag", etag);
    }
    Cards.Rendering rendering =
        Cards.rendering(book, email, List.of(contact), found.groupNames(), true);
    return vcard(200, Cards.vcard(contact, rendering, version)).header("ETag", etag);
  }

  ApiReply put(String email, DavPath path, ApiRequest request) {
    String name = requireCard(path);
    Cards.Parsed parsed = Cards.parse(body(request));
    Conditions conditions =
        new Conditions(
            ifMatch(request.header("If-Match")),
            "*".equals(trim(request.header("If-None-Match"))),
            Cards::etag);
    Map.Entry<Contact, Boolean> written =
        book.put(
            email,
            Cards.idOf(name),
            conditions,
            (id, context) -> {
              if (context.current().isPresent()
                  && !Cards.nameOf(context.current().get()).equals(name)) {
                throw new DavException(409, null, "The resource name is taken.");
              }
              return cards.draft(email, id, name, parsed, context);
            });
    return ApiReply.bytes(written.getValue() ? 201 : 204, "text/plain; charset=UTF-8", new byte[0])
        .header("ETag", Cards.etag(written.getKey()));
  }

  ApiReply delete(String email, DavPath path, ApiRequest request) {
    if (path.kind() != Kind.CARD) {
      throw new DavException(403, DavNames.NEED_PRIVILEGES, "Collections cannot be deleted.");
    }
    Contact contact = find(book, email, path);
    book.delete(
        email,
        contact.id(),
        new Conditions(ifMatch(request.header("If-Match")), false, Cards::etag));
    return ApiReply.bytes(204, "text/plain; charset=UTF-8", new byte[0]);
  }

  /** RFC 5995: a POST to the address book creates a card with a name the server picks. */
  ApiReply post(String email, DavPath path, ApiRequest request) {
    if (path.kind() != Kind.BOOK) {
      throw new DavException(405, null, "POST adds members to the address book only.");
    }
    Cards.Parsed parsed = Cards.parse(body(request));
    long id = ContactService.newIds(1).get(0);
    String name = Long.toUnsignedString(id);
    Map.Entry<Contact, Boolean> written =
        book.put(
            email,
            id,
            new Conditions(null, true, Cards::etag),
            (newId, context) -> cards.draft(email, newId, name, parsed, context));
    return ApiReply.bytes(201, "text/plain; charset=UTF-8", new byte[0])
        .header("Location", DavPath.card(email, name))
        .header("ETag", Cards.etag(written.getKey()));
  }

  /** The card text of a PUT or POST: text/vcard (or none said), at most max-resource-size. */
  private static String body(ApiRequest request) {
    String type = request.header("Content-Type");
    if (type != null) {
      String media = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
      if (!media.equals("text/vcard")
          && !media.equals("text/x-vcard")
          && !media.equals("text/directory")) {
        throw new DavException(
            403, DavNames.SUPPORTED_ADDRESS_DATA_CONDITION, "Cards must be text/vcard.");
      }
    }
    if (request.body().length > DavProperties.MAX_RESOURCE_SIZE) {
      throw new DavException(
          403,
          DavNames.MAX_RESOURCE_SIZE_CONDITION,
          "A card may be at most " + DavProperties.MAX_RESOURCE_SIZE + " bytes.");
    }
    return new String(request.body(), StandardCharsets.UTF_8);
  }

  private static String requireCard(DavPath path) {
    String name = path.card();
    if (path.kind() != Kind.CARD || name == null) {
      throw new DavException(405, null, "This method applies to cards only.");
    }
    return name;
  }

  /** The entity tag an If-Match names ({@code *} or the first of a list), or null. */
  static @Nullable String ifMatch(@Nullable String header) {
    String value = trim(header);
    if (value == null || value.isEmpty()) {
      return null;
    }
    String first = value.split(",", 2)[0].trim();
    return first.startsWith("W/") ? first.substring(2) : first;
  }

  private static @Nullable String trim(@Nullable String value) {
    return value == null ? null : value.trim();
  }

  static VCardVersion version(@Nullable String accept) {
    return accept != null && accept.replace(" ", "").contains("version=4.0")
        ? VCardVersion.V4_0
        : VCardVersion.V3_0;
  }

  private static ApiReply vcard(int status, String text) {
    return ApiReply.bytes(status, DavProperties.VCARD_TYPE, text.getBytes(StandardCharsets.UTF_8));
  }
}

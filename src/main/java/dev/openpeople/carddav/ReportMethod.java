// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import dev.openpeople.carddav.DavPath.Kind;
import dev.openpeople.carddav.DavProperties.Request;
import dev.openpeople.contact.AddressBookService;
import dev.openpeople.contact.AddressBookService.Snapshot;
import dev.openpeople.contact.Contact;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.ApiRequest;
import ezvcard.VCardVersion;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The REPORTs of the address book: {@code addressbook-multiget} and {@code addressbook-query} (RFC
 * 6352 section 8) and {@code sync-collection} (RFC 6578), which reads only the changes after its
 * token through the contacts' change log.
 */
record ReportMethod(AddressBookService book, Cards cards, InstantSource clock) {
  /** Candidates an index-backed query reads before it falls back to a scan. */
  private static final int INDEX_CANDIDATES = 5000;

  ApiReply report(String email, DavPath path, ApiRequest request) {
    DavElement body = DavXml.parse(request.body());
    if (body == null) {
      throw DavException.badRequest("A REPORT needs a body.");
    }
    if (path.kind() != Kind.BOOK) {
      throw new DavException(
          403, DavNames.dav("supported-report"), "Reports run on the address book.");
    }
    DavElement prop = body.child(DavNames.PROP);
    Request wanted =
        prop == null
            ? new Request(Request.Kind.PROP, List.of(DavNames.GETETAG))
            : DavProperties.prop(prop);
    VCardVersion version = version(prop);
    DavWriter out = DavWriter.multistatus();
    if (body.name().equals(DavNames.MULTIGET)) {
      multiget(email, body, wanted, version, out);
    } else if (body.name().equals(DavNames.SYNC_COLLECTION)) {
      syncCollection(email, body, wanted, version, out);
    } else if (body.name().equals(DavNames.QUERY)) {
      query(email, body, wanted, version, out);
    } else {
      throw new DavException(
          403, DavNames.dav("supported-report"), "Unsupported report " + body.name() + ".");
    }
    return PropfindMethod.multistatus(out);
  }

  /** RFC 6352 section 8.7: the cards of the given hrefs; unknown ones are 404 responses. */
  private void multiget(
      String email, DavElement body, Request wanted, VCardVersion version, DavWriter out) {
    Map<String, String> names = new LinkedHashMap<>();
    List<Long> ids = new ArrayList<>();
    for (DavElement href : body.all(DavNames.HREF)) {
      String name = DavPath.cardName(email, href.text());
      names.put(href.text(), name);
      if (name != null) {
        ids.add(Cards.idOf(name));
      }
    }
    Snapshot found = book.get(email, ids);
    Map<Long, Contact> byId = new HashMap<>();
    found.contacts().forEach(c -> byId.put(c.id(), c));
    for (Map.Entry<String, String> entry : names.entrySet()) {
      String name = entry.getValue();
      Contact contact = name == null ? null : byId.get(Cards.idOf(name));
      if (contact == null || !Cards.nameOf(contact).equals(name)) {
        out.status(entry.getKey(), 404);
      } else {
        respond(out, entry.getKey(), contact, found.groupNames(), wanted, version);
      }
    }
  }

  /**
   * RFC 6578 section 3: with no token every live card, else the cards changed and removed since the
   * token, oldest change first; {@code DAV:limit} truncates with a 507 and a token to go on.
   */
  private void syncCollection(
      String email, DavElement body, Request wanted, VCardVersion version, DavWriter out) {
    DavElement tokenElement = body.child(DavNames.SYNC_TOKEN);
    String token = tokenElement == null ? "" : tokenElement.text();
    DavElement level = body.child(DavNames.SYNC_LEVEL);
    if (level != null && !level.text().equals("1") && !level.text().equals("infinite")) {
      throw DavException.badRequest("sync-level must be 1 or infinite.");
    }
    Integer limit = limit(body.child(DavNames.LIMIT), DavNames.NRESULTS);
    long after = token.isEmpty() ? 0 : cards.syncSeq(token, email, clock.instant());
    Snapshot changed = book.changes(email, after, limit == null ? Integer.MAX_VALUE : limit + 1);
    if (after > changed.lastSeq()) {
      throw new DavException(403, DavNames.VALID_SYNC_TOKEN, "The sync token is from the future.");
    }
    List<Contact> contacts = changed.contacts();
    boolean truncated = limit != null && contacts.size() > limit;
    if (truncated) {
      contacts = contacts.subList(0, limit);
    }
    for (Contact contact : contacts) {
      String href = DavPath.card(email, Cards.nameOf(contact));
      if (contact.deleted()) {
        if (after > 0) {
          out.status(href, 404);
        }
      } else {
        respond(out, href, contact, changed.groupNames(), wanted, version);
      }
    }
    long position = changed.lastSeq();
    if (truncated) {
      out.status(DavPath.book(email), 507);
      position = contacts.isEmpty() ? after : contacts.get(contacts.size() - 1).seq();
    }
    out.syncToken(cards.syncToken(email, position, clock.instant()));
  }

  /** RFC 6352 section 8.6: the cards the filter matches, at most {@code nresults}. */
  private void query(
      String email, DavElement body, Request wanted, VCardVersion version, DavWriter out) {
    AddressBookQuery filter = AddressBookQuery.parse(body.child(DavNames.FILTER));
    Integer limit = limit(body.child(DavNames.CARD_LIMIT), DavNames.card("nresults"));
    String prefix = filter.indexPrefix();
    Snapshot candidates = null;
    if (prefix != null) {
      candidates = book.search(email, prefix, INDEX_CANDIDATES);
      if (candidates.contacts().size() >= INDEX_CANDIDATES) {
        candidates = null;
      }
    }
    if (candidates == null) {
      candidates = book.all(email);
    }
    int shown = 0;
    for (Contact contact : candidates.contacts()) {
      if (!filter.matches(contact)) {
        continue;
      }
      if (limit != null && shown == limit) {
        out.status(DavPath.book(email), 507);
        break;
      }
      respond(
          out,
          DavPath.card(email, Cards.nameOf(contact)),
          contact,
          candidates.groupNames(),
          wanted,
          version);
      shown++;
    }
  }

  private static void respond(
      DavWriter out,
      String href,
      Contact contact,
      Map<String, String> groupNames,
      Request wanted,
      VCardVersion version) {
    DavProperties.respond(
        out,
        href,
        DavProperties.cardProperties(
            contact, () -> Cards.vcard(contact, groupNames, version), wanted),
        wanted);
  }

  private static @Nullable Integer limit(
      @Nullable DavElement limit, javax.xml.namespace.QName nresults) {
    if (limit == null) {
      return null;
    }
    DavElement n = limit.child(nresults);
    try {
      int value = n == null ? -1 : Integer.parseInt(n.text());
      if (value < 1) {
        throw DavException.badRequest("nresults must be a positive number.");
      }
      return value;
    } catch (NumberFormatException e) {
      throw DavException.badRequest("nresults must be a positive number.");
    }
  }

  /** The vCard version an {@code address-data} element asks for (3.0 unless it says 4.0). */
  private static VCardVersion version(@Nullable DavElement prop) {
    DavElement data = prop == null ? null : prop.child(DavNames.ADDRESS_DATA);
    if (data == null) {
      return VCardVersion.V3_0;
    }
    String type = data.attribute("content-type", "text/vcard");
    String version = data.attribute("version", "3.0");
    if (!type.equalsIgnoreCase("text/vcard") || !(version.equals("3.0") || version.equals("4.0"))) {
      throw new DavException(
          403,
          DavNames.SUPPORTED_ADDRESS_DATA_CONDITION,
          "Only text/vcard 3.0 and 4.0 are served.");
    }
    return version.equals("4.0") ? VCardVersion.V4_0 : VCardVersion.V3_0;
  }
}

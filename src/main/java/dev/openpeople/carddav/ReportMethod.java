// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import dev.openpeople.carddav.DavPath.Kind;
import dev.openpeople.carddav.DavProperties.Request;
import dev.openpeople.contact.AddressBookService;
import dev.openpeople.contact.AddressBookService.Snapshot;
import dev.openpeople.contact.AddressBookService.SyncPage;
import dev.openpeople.contact.Contact;
import dev.openpeople.contact.TextKeys;
import dev.openpeople.listing.Listing;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.ApiRequest;
import ezvcard.VCardVersion;
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
record ReportMethod(AddressBookService book, Cards cards) {
  /** The most cards one sync-collection answer carries; more continue after a 507. */
  static final int MAX_SYNC_PAGE = 50_000;

  /** The same with the cards' text asked for: inline photos make a card up to 512 KiB. */
  static final int MAX_SYNC_TEXT_PAGE = 1_000;

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
    Cards.Rendering rendering =
        Cards.rendering(book, email, found.contacts(), found.groupNames(), wanted.withText());
    for (Map.Entry<String, String> entry : names.entrySet()) {
      String name = entry.getValue();
      Contact contact = name == null ? null : byId.get(Cards.idOf(name));
      if (contact == null || !Cards.nameOf(contact).equals(name)) {
        out.status(entry.getKey(), 404);
      } else {
        PropfindMethod.respondCard(out, entry.getKey(), contact, rendering, wanted, version);
      }
    }
  }

  /**
   * RFC 6578 section 3 on the listing engine: with no token every live card, else the cards changed
   * and removed since the token, oldest change first. {@code DAV:limit} (or the server's own page
   * size) truncates with a 507 on the request-URI and a token that continues the same listing.
   */
  private void syncCollection(
      String email, DavElement body, Request wanted, VCardVersion version, DavWriter out) {
    DavElement tokenElement = body.child(DavNames.SYNC_TOKEN);
    String token = tokenElement == null ? "" : tokenElement.text().trim();
    DavElement level = body.child(DavNames.SYNC_LEVEL);
    if (level != null && !level.text().equals("1") && !level.text().equals("infinite")) {
      throw DavException.badRequest("sync-level must be 1 or infinite.");
    }
    Integer limit = limit(body.child(DavNames.LIMIT), DavNames.NRESULTS);
    int cap = wanted.withText() ? MAX_SYNC_TEXT_PAGE : MAX_SYNC_PAGE;
    int size = limit == null ? cap : Math.min(limit, cap);
    SyncPage synced = book.sync(email, cards.listing(), cards.syncRequest(email, token, size));
    Listing.Page<Contact> page = synced.page();
    Cards.Rendering rendering =
        Cards.rendering(book, email, page.rows(), synced.groupNames(), wanted.withText());
    for (Contact contact : page.rows()) {
      String href = DavPath.card(email, Cards.nameOf(contact));
      if (contact.deleted()) {
        out.status(href, 404);
      } else {
        PropfindMethod.respondCard(out, href, contact, rendering, wanted, version);
      }
    }
    if (page.nextPageToken() != null) {
      out.status(DavPath.book(email), 507);
    }
    out.syncToken(Cards.wireToken(page));
  }

  /** RFC 6352 section 8.6: the cards the filter matches, at most {@code nresults}. */
  private void query(
      String email, DavElement body, Request wanted, VCardVersion version, DavWriter out) {
    AddressBookQuery filter = AddressBookQuery.parse(body.child(DavNames.FILTER));
    Integer limit = limit(body.child(DavNames.CARD_LIMIT), DavNames.card("nresults"));
    String prefix = filter.indexPrefix(TextKeys::fold);
    int max = limit == null ? Integer.MAX_VALUE : limit + 1;
    Snapshot candidates;
    List<Contact> matched;
    if (prefix != null) {
      candidates = book.search(email, prefix, filter::matches, max);
      matched = new ArrayList<>(candidates.contacts());
    } else {
      candidates = book.all(email);
      matched = new ArrayList<>();
      for (Contact contact : candidates.contacts()) {
        if (matched.size() < max && filter.matches(contact)) {
          matched.add(contact);
        }
      }
    }
    boolean truncated = limit != null && matched.size() > limit;
    if (truncated) {
      matched = matched.subList(0, limit);
    }
    Cards.Rendering rendering =
        Cards.rendering(book, email, matched, candidates.groupNames(), wanted.withText());
    for (Contact contact : matched) {
      PropfindMethod.respondCard(
          out, DavPath.card(email, Cards.nameOf(contact)), contact, rendering, wanted, version);
    }
    if (truncated) {
      out.status(DavPath.book(email), 507);
    }
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

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import dev.openpeople.carddav.DavProperties.Request;
import dev.openpeople.contact.AddressBookService;
import dev.openpeople.contact.AddressBookService.Snapshot;
import dev.openpeople.contact.Contact;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.ApiRequest;
import ezvcard.VCardVersion;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;

/** PROPFIND (RFC 4918 section 9.1) on every resource, and PROPPATCH, which changes nothing. */
record PropfindMethod(AddressBookService book, Cards cards, InstantSource clock) {
  ApiReply propfind(String email, DavPath path, ApiRequest request) {
    int depth = depth(request);
    Request wanted = DavProperties.propfind(DavXml.parse(request.body()));
    DavWriter out = DavWriter.multistatus();
    switch (path.kind()) {
      case ROOT -> {
        DavProperties.respond(out, DavPath.ROOT, DavProperties.root(email), wanted);
        if (depth > 0) {
          DavProperties.respond(
              out, DavPath.principal(email), DavProperties.principal(email), wanted);
        }
      }
      case PRINCIPAL -> {
        DavProperties.respond(
            out, DavPath.principal(email), DavProperties.principal(email), wanted);
        if (depth > 0) {
          DavProperties.respond(out, DavPath.home(email), DavProperties.home(email), wanted);
        }
      }
      case HOME -> {
        DavProperties.respond(out, DavPath.home(email), DavProperties.home(email), wanted);
        if (depth > 0) {
          DavProperties.respond(out, DavPath.book(email), bookProperties(email), wanted);
        }
      }
      case BOOK -> book(email, depth, wanted, out);
      case CARD -> {
        Contact contact = CardMethods.find(book, email, path);
        Snapshot found = book.get(email, List.of(contact.id()));
        respondCard(
            out,
            DavPath.card(email, Cards.nameOf(contact)),
            contact,
            Cards.rendering(book, email, List.of(contact), found.groupNames(), wanted.withText()),
            wanted,
            VCardVersion.V3_0);
      }
    }
    return multistatus(out);
  }

  private void book(String email, int depth, Request wanted, DavWriter out) {
    if (depth == 0) {
      DavProperties.respond(out, DavPath.book(email), bookProperties(email), wanted);
      return;
    }
    Snapshot all = book.all(email);
    DavProperties.respond(
        out,
        DavPath.book(email),
        DavProperties.book(
            email, ctag(all.lastSeq()), cards.syncToken(email, all, clock.instant())),
        wanted);
    Cards.Rendering rendering =
        Cards.rendering(book, email, all.contacts(), all.groupNames(), wanted.withText());
    String base = DavPath.book(email);
    for (Contact contact : all.contacts()) {
      respondCard(
          out,
          base + DavPath.segment(Cards.nameOf(contact)),
          contact,
          rendering,
          wanted,
          VCardVersion.V3_0);
    }
  }

  Map<QName, DavWriter.Value> bookProperties(String email) {
    Snapshot position = book.position(email);
    return DavProperties.book(
        email, ctag(position.lastSeq()), cards.syncToken(email, position, clock.instant()));
  }

  static String ctag(long lastSeq) {
    return "\"" + Long.toHexString(lastSeq) + "\"";
  }

  /** One card's response, at {@code href} (the href a client named it by, in a multiget). */
  static void respondCard(
      DavWriter out,
      String href,
      Contact contact,
      Cards.Rendering rendering,
      Request wanted,
      VCardVersion version) {
    DavProperties.respond(
        out,
        href,
        DavProperties.cardProperties(
            contact, () -> Cards.vcard(contact, rendering, version), wanted),
        wanted);
  }

  /** RFC 4918 section 9.1: Depth 0 or 1; infinity is refused; none counts as 0 here. */
  private static int depth(ApiRequest request) {
    String depth = request.header("Depth");
    if (depth == null || depth.trim().equals("0")) {
      return 0;
    }
    if (depth.trim().equals("1")) {
      return 1;
    }
    if (depth.trim().equalsIgnoreCase("infinity")) {
      throw new DavException(
          403, DavNames.PROPFIND_FINITE_DEPTH, "Depth: infinity is not supported.");
    }
    throw DavException.badRequest("Depth must be 0, 1 or infinity.");
  }

  /**
   * PROPPATCH: every property is protected here (Google's address book cannot be renamed), so each
   * is answered 403 {@code DAV:cannot-modify-protected-property} (RFC 4918 section 9.2).
   */
  ApiReply proppatch(DavPath path, ApiRequest request) {
    DavElement body = DavXml.parse(request.body());
    if (body == null || !body.name().equals(DavNames.dav("propertyupdate"))) {
      throw DavException.badRequest("The body of a PROPPATCH must be DAV:propertyupdate.");
    }
    List<QName> names = new ArrayList<>();
    for (DavElement change : body.children()) {
      DavElement prop = change.child(DavNames.PROP);
      if (prop != null) {
        prop.children().forEach(p -> names.add(p.name()));
      }
    }
    DavWriter out = DavWriter.multistatus();
    out.response(request.path(), Map.of(), List.of(), names, false);
    return multistatus(out);
  }

  static ApiReply multistatus(DavWriter out) {
    return ApiReply.bytes(207, "application/xml; charset=utf-8", out.finish());
  }
}

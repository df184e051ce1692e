// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import dev.openpeople.carddav.DavPath.Kind;
import dev.openpeople.contact.AddressBookService;
import dev.openpeople.contact.AppPasswordService;
import dev.openpeople.contact.PersonDrafts;
import dev.openpeople.error.ApiException;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.ApiRequest;
import dev.openpeople.server.Authenticator;
import dev.openpeople.server.Principal;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;
import dev.openpeople.token.TokenSigner;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import org.jspecify.annotations.Nullable;

/**
 * Google's CardDAV interface (RFC 6352 over RFC 4918) to the contacts the People API shows, at
 * Google's URLs ({@link DavPath}). This class routes every method of every DAV resource and turns
 * failures into DAV error bodies; {@link PropfindMethod}, {@link ReportMethod} and {@link
 * CardMethods} answer the methods.
 */
public final class CardDavRoutes implements Routes {
  static final List<String> METHODS =
      List.of(
          "OPTIONS",
          "PROPFIND",
          "REPORT",
          "GET",
          "HEAD",
          "PUT",
          "DELETE",
          "POST",
          "PROPPATCH",
          "MKCOL",
          "MKCALENDAR",
          "LOCK",
          "UNLOCK",
          "COPY",
          "MOVE",
          "ACL",
          "SEARCH");
  static final String ALLOW = "OPTIONS, GET, HEAD, PUT, DELETE, POST, PROPFIND, PROPPATCH, REPORT";
  private static final Set<String> WRITES = Set.of("PUT", "DELETE", "POST", "PROPPATCH");

  private final CardDavAuth auth;
  private final PropfindMethod propfind;
  private final ReportMethod report;
  private final CardMethods cards;

  CardDavRoutes(CardDavAuth auth, PropfindMethod propfind, ReportMethod report, CardMethods cards) {
    this.auth = auth;
    this.propfind = propfind;
    this.report = report;
    this.cards = cards;
  }

  /**
   * The CardDAV routes over the contacts of {@code book}; {@code appPasswords} null is emulator
   * mode (Basic with any password names the user).
   */
  public static CardDavRoutes create(
      AddressBookService book,
      PersonDrafts drafts,
      TokenSigner signer,
      Authenticator bearer,
      @Nullable AppPasswordService appPasswords,
      InstantSource clock) {
    Cards cards = new Cards(drafts, signer);
    return new CardDavRoutes(
        new CardDavAuth(bearer, appPasswords),
        new PropfindMethod(book, cards, clock),
        new ReportMethod(book, cards),
        new CardMethods(book, cards));
  }

  @Override
  public void define(Router router) {
    for (String method : METHODS) {
      router.on(method, "/\\.well-known/carddav/?", this::wellKnown);
      router.on(method, "/carddav(?:/.*)?", this::handle);
    }
  }

  /**
   * RFC 6764 sections 5 and 6, as Google does it: the well-known URI answers 301 to the caller's
   * address book (https://developers.google.com/people/carddav: "Once redirected (HTTP 301) to an
   * Address Book Resource"), where current-user-principal, principal-URL and addressbook-home-set
   * lead on. The redirect names the user, so it needs credentials: without them it is a 401.
   */
  private ApiReply wellKnown(ApiCall call) {
    try {
      Principal caller = auth.authenticate(call.request());
      return ApiReply.bytes(301, "text/plain; charset=UTF-8", new byte[0])
          .header("Location", DavPath.book(caller.email()));
    } catch (DavException e) {
      return error(e);
    }
  }

  private ApiReply handle(ApiCall call) {
    ApiRequest request = call.request();
    try {
      if (request.method().equals("OPTIONS")) {
        DavPath.parse(request.path());
        return options();
      }
      DavPath path = DavPath.parse(request.path());
      Principal caller = auth.authenticate(request);
      List<String> scopes =
          WRITES.contains(request.method()) ? CardDavAuth.WRITE_SCOPES : CardDavAuth.READ_SCOPES;
      if (!caller.hasAnyScope(scopes)) {
        throw new DavException(403, DavNames.NEED_PRIVILEGES, "The token lacks a contacts scope.");
      }
      String email = path.email() == null ? caller.email() : path.email();
      if (!email.equals(caller.email())) {
        throw new DavException(403, DavNames.NEED_PRIVILEGES, "Another user's address book.");
      }
      return switch (request.method()) {
        case "PROPFIND" -> propfind.propfind(email, path, request);
        case "REPORT" -> report.report(email, path, request);
        case "GET", "HEAD" -> cards.get(email, path, request);
        case "PUT" -> cards.put(email, path, request);
        case "DELETE" -> cards.delete(email, path, request);
        case "POST" -> cards.post(email, path, request);
        case "PROPPATCH" -> propfind.proppatch(path, request);
        default -> notAllowed(request.method());
      };
    } catch (DavException e) {
      return error(e);
    } catch (ApiException e) {
      return error(e.error().httpStatus(), null, String.valueOf(e.getMessage()));
    }
  }

  private static ApiReply error(DavException e) {
    ApiReply reply =
        ApiReply.bytes(
            e.status(),
            "application/xml; charset=utf-8",
            DavWriter.error(e.condition(), e.href(), String.valueOf(e.getMessage())));
    if (e.status() == 401) {
      reply.header("WWW-Authenticate", CardDavAuth.CHALLENGE);
    }
    return reply;
  }

  /** RFC 4918 section 10.1 and RFC 6352 section 6.1: the classes and methods served. */
  private static ApiReply options() {
    return ApiReply.bytes(200, "text/plain; charset=UTF-8", new byte[0])
        .header("DAV", "1, 3, addressbook")
        .header("Allow", ALLOW);
  }

  /** LOCK, COPY, MKCOL and the rest: 405 with the methods that are allowed (RFC 9110 15.5.6). */
  private static ApiReply notAllowed(String method) {
    return error(405, null, method + " is not supported on CardDAV resources.")
        .header("Allow", ALLOW);
  }

  static ApiReply error(int status, @Nullable QName condition, String message) {
    return error(new DavException(status, condition, message));
  }

  static boolean isCollection(DavPath path) {
    return path.kind() != Kind.CARD;
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.person;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.listing.Listing;
import dev.openpeople.listing.Rejection;
import dev.openpeople.server.Json;
import dev.openpeople.token.TokenSigner;
import java.util.function.Function;

/**
 * The People API's side of {@link Listing}: its answers to a refused page or sync token, the same
 * for every list method, and the page's tokens in a response. The texts follow the discovery
 * document's parameter descriptions ("all other parameters provided to people.connections.list must
 * match the first call that provided the page token") and Google's EXPIRED_SYNC_TOKEN error
 * (https://developers.google.com/people/api/rest/v1/people.connections/list).
 */
public final class PeopleListings {
  private PeopleListings() {}

  /** A listing of discovery method {@code method} whose tokens bind {@code boundParams}. */
  public static Listing listing(String method, TokenSigner signer, String boundParams) {
    return new Listing(method, signer, rejection(boundParams));
  }

  /** {@code boundParams} names the bound parameters in the "must match" message. */
  public static Function<Rejection, ApiException> rejection(String boundParams) {
    return rejection ->
        switch (rejection) {
          case Rejection.Invalid invalid ->
              ApiException.invalid("The %s is invalid.", what(invalid));
          case Rejection.Mismatch mismatch ->
              ApiException.invalid(
                  "Request parameters must match the first call that provided the %s: %s.",
                  mismatch.token() == Rejection.Token.PAGE ? "pageToken" : "syncToken",
                  boundParams);
          case Rejection.Expired expired when expired.token() == Rejection.Token.PAGE ->
              ApiException.invalid("The page token has expired; restart the listing.");
          case Rejection.Expired expired -> new ApiException(ApiError.EXPIRED_SYNC_TOKEN);
        };
  }

  /**
   * A list method's response: the page's rows under {@code items} (absent when none), each rendered
   * by {@code item}, then its tokens.
   */
  public static <T> ObjectNode response(
      Listing.Page<T> page, String items, Function<T, ObjectNode> item) {
    ObjectNode response = Json.object();
    if (!page.rows().isEmpty()) {
      ArrayNode array = response.putArray(items);
      page.rows().forEach(row -> array.add(item.apply(row)));
    }
    putTokens(response, page);
    return response;
  }

  /** Puts a page's {@code nextPageToken} and {@code nextSyncToken}, when it has them. */
  public static void putTokens(ObjectNode response, Listing.Page<?> page) {
    if (page.nextPageToken() != null) {
      response.put("nextPageToken", page.nextPageToken());
    }
    if (page.nextSyncToken() != null) {
      response.put("nextSyncToken", page.nextSyncToken());
    }
  }

  private static String what(Rejection rejection) {
    return rejection.token() == Rejection.Token.PAGE ? "page token" : "sync token";
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.person;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.listing.Listing;
import dev.openpeople.listing.Rejection;
import dev.openpeople.server.Json;
import dev.openpeople.token.TokenSigner;
import java.io.IOException;
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

  /** Writes one row of a list page. */
  @FunctionalInterface
  public interface RowWriter<T> {
    void write(JsonGenerator out, T row) throws IOException;
  }

  /**
   * A list method's response, written as it is serialized: the page's rows under {@code items}
   * (absent when none), each written by {@code item}, then its tokens, then the members {@code
   * tail} writes (its totals).
   */
  public static <T> Json.Body response(
      Listing.Page<T> page, String items, RowWriter<T> item, Json.Body tail) {
    return out -> {
      out.writeStartObject();
      if (!page.rows().isEmpty()) {
        out.writeArrayFieldStart(items);
        for (T row : page.rows()) {
          item.write(out, row);
        }
        out.writeEndArray();
      }
      if (page.nextPageToken() != null) {
        out.writeStringField("nextPageToken", page.nextPageToken());
      }
      if (page.nextSyncToken() != null) {
        out.writeStringField("nextSyncToken", page.nextSyncToken());
      }
      tail.write(out);
      out.writeEndObject();
    };
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

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import dev.openpeople.contact.Etags;
import dev.openpeople.contact.ImageProbe;
import dev.openpeople.contact.Photo;
import dev.openpeople.contact.SharedContact;
import dev.openpeople.contact.SharedContactService;
import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;
import java.util.Locale;
import java.util.Set;

/**
 * A shared contact's photo at {@code /m8/feeds/photos/media/{domain}/{id}}
 * (https://developers.google.com/admin-sdk/domain-shared-contacts, "Update and delete photos"): GET
 * the bytes, PUT to add or replace, DELETE; writes need the photo's etag or {@code *}.
 */
public record PhotosRoutes(SharedContactService contacts) implements Routes {
  static final String PHOTO =
      "/m8/feeds/photos/media/" + ContactsFeedRoutes.DOMAIN + "/" + ContactsFeedRoutes.ID;

  /** The largest photo accepted. */
  static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;

  /** Formats a photo may have (ImageIO names); the bytes must decode, see {@link ImageProbe}. */
  static final Set<String> FORMATS = Set.of("jpeg", "png", "gif", "bmp");

  @Override
  public void define(Router router) {
    router
        .onAuthenticated("GET", PHOTO, DomainAccess.READ_SCOPES, this::get)
        .onAuthenticated("PUT", PHOTO, DomainAccess.WRITE_SCOPES, this::put)
        .onAuthenticated("DELETE", PHOTO, DomainAccess.WRITE_SCOPES, this::delete);
  }

  ApiReply get(ApiCall call) {
    String domain = DomainAccess.readable(call);
    SharedContactService.WithPhoto found = contacts.photo(domain, call.pathVar("2"));
    String etag = Etags.sharedPhoto(found.contact());
    if (etag.equals(call.request().header("If-None-Match"))) {
      return ContactsFeedRoutes.notModified(etag);
    }
    return ApiReply.bytes(200, found.photo().contentType(), found.photo().bytes())
        .header("ETag", etag)
        .header("GData-Version", "3.0");
  }

  ApiReply put(ApiCall call) {
    String domain = DomainAccess.writable(call);
    String id = call.pathVar("2");
    String type = call.request().header("Content-Type");
    String mediaType = type == null ? "" : type.split(";", -1)[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.startsWith("image/")) {
      throw new ApiException(ApiError.GDATA_INVALID, "A photo must be sent as image/*.");
    }
    byte[] bytes = call.request().body();
    if (bytes.length == 0) {
      throw new ApiException(ApiError.GDATA_INVALID, "The photo is empty.");
    }
    if (bytes.length > MAX_PHOTO_BYTES) {
      throw new ApiException(ApiError.GDATA_TOO_LARGE, "The photo is larger than 2 MB.");
    }
    String stored = ImageProbe.check(bytes, FORMATS, ApiError.GDATA_INVALID).mediaType();
    String etag = call.request().header("If-Match");
    SharedContact updated = contacts.putPhoto(domain, id, etag, new Photo(stored, bytes));
    return ContactsFeedRoutes.atom(200, "").header("ETag", Etags.sharedPhoto(updated));
  }

  ApiReply delete(ApiCall call) {
    String domain = DomainAccess.writable(call);
    String id = call.pathVar("2");
    String etag = call.request().header("If-Match");
    contacts.deletePhoto(domain, id, etag);
    return ContactsFeedRoutes.atom(200, "");
  }
}

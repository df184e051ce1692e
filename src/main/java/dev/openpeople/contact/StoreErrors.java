// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;

/** Translates {@link StoreException} into API errors, in this one method. */
public final class StoreErrors {
  private StoreErrors() {}

  public static ApiException toApi(StoreException e) {
    return switch (e) {
      case StoreException.NotFound notFound -> new ApiException(ApiError.NOT_FOUND);
      case StoreException.Conflict conflict ->
          new ApiException(ApiError.ALREADY_EXISTS, "The resource already exists.");
      case StoreException.Unavailable unavailable -> new ApiException(ApiError.UNAVAILABLE);
      default -> new ApiException(ApiError.INTERNAL);
    };
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.error.GoogleJsonErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become responses: an {@link ApiException} renders in Google's JSON format;
 * anything else is logged once and answered as INTERNAL with the request id in the message.
 */
public final class ExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ExceptionHandler.class);

  private ExceptionHandler() {}

  public static ApiReply toReply(Throwable failure, String requestId) {
    ApiException api = toApiException(failure, requestId);
    ApiReply reply = ApiReply.json(api.error().httpStatus(), GoogleJsonErrors.body(api));
    if (api.error().httpStatus() == 401) {
      // clients.md: a bare "Bearer" makes the Python client raise MalformedHeader.
      reply.header("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\"");
    }
    return reply;
  }

  /** The exception as the API error it becomes (for batch responses, which embed a Status). */
  public static ApiException toApiException(Throwable failure, String requestId) {
    if (failure instanceof ApiException api) {
      return api;
    }
    LOG.error("request {} failed", requestId, failure);
    return new ApiException(ApiError.INTERNAL).withMetadata("requestId", requestId);
  }
}

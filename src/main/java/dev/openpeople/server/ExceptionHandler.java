// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.error.GDataErrors;
import dev.openpeople.error.GoogleJsonErrors;
import java.nio.charset.StandardCharsets;
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
    return toReply(failure, requestId, "");
  }

  /**
   * The error in the format of the API the path belongs to: GData XML under {@code /m8/feeds},
   * Google's JSON everywhere else.
   */
  public static ApiReply toReply(Throwable failure, String requestId, String path) {
    ApiException api = toApiException(failure, requestId);
    ApiReply reply;
    if (GDataErrors.handles(path)) {
      reply =
          ApiReply.bytes(
                  api.error().httpStatus(),
                  GDataErrors.CONTENT_TYPE,
                  GDataErrors.body(api).getBytes(StandardCharsets.UTF_8))
              .header("GData-Version", "3.0");
    } else {
      reply = ApiReply.json(api.error().httpStatus(), GoogleJsonErrors.body(api));
    }
    if (api.error().httpStatus() == 401) {
      // A bare "Bearer" makes the Python client (httplib2) raise MalformedHeader.
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

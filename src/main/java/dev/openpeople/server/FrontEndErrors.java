// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Errors Jetty raises before the application sees a request (a URL or headers too long, an
 * ambiguous path such as {@code %2F} or {@code //}, a malformed request line) in the API's own
 * format, for every HTTP method: Google's JSON error, or a GData XML error under {@code /m8/feeds}.
 */
final class FrontEndErrors extends ErrorHandler {
  private final RequestLog log;

  FrontEndErrors(RequestLog log) {
    this.log = log;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    String path = rawPath(request);
    RequestTrace trace = new RequestTrace();
    ApiReply reply =
        ExceptionHandler.toReply(
            toApiException(status, (String) request.getAttribute(ERROR_MESSAGE)),
            trace.requestId(),
            path);
    byte[] bytes = ApiHandler.serialized(reply);
    response.setStatus(reply.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
    reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    // Jetty drops the connection after a request it could not parse; say so, or a client would
    // send its next request on a dead connection.
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    log.completed(request, path, trace, reply.status());
    response.write(true, ByteBuffer.wrap(bytes), callback);
    return true;
  }

  /** Parse failures answered by the connection itself (no request object) get the JSON body. */
  // Deprecated for removal in Jetty 12.1, but still the hook it calls for requests it cannot parse
  // (FrontEndErrorsWireTest pins those answers, so a Jetty upgrade that drops it fails there).
  @Override
  @SuppressWarnings("removal")
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    ApiReply reply = ExceptionHandler.toReply(toApiException(status, reason), "bad-message", "");
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, reply.contentType()));
    return ByteBuffer.wrap(ApiHandler.serialized(reply));
  }

  private static String rawPath(Request request) {
    try {
      String path = request.getHttpURI().getPath();
      return path == null ? "" : path;
    } catch (RuntimeException e) {
      return "";
    }
  }

  /** The catalogue error for a status Jetty chose, keeping Jetty's reason where it is useful. */
  static ApiException toApiException(int status, @Nullable String reason) {
    String message = reason == null || reason.isBlank() ? "Bad Request" : reason;
    return switch (status) {
      case 414 -> new ApiException(ApiError.URI_TOO_LONG);
      case 431 -> new ApiException(ApiError.HEADERS_TOO_LARGE);
      case 503 -> new ApiException(ApiError.UNAVAILABLE);
      default ->
          status >= 500
              ? new ApiException(ApiError.INTERNAL)
              : new ApiException(ApiError.INVALID_ARGUMENT, message);
    };
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's gzip compression under Google's rule: a response is gzipped only when the request sends
 * {@code Accept-Encoding: gzip} and a {@code User-Agent} containing "gzip"
 * (https://developers.google.com/people/v1/how-tos/performance#gzip). Request bodies are not
 * inflated here: {@link ApiHandler} does that under the body-size limit.
 */
// Jetty 12.1 deprecates GzipHandler in favour of its jetty-compression modules; it still works, and
// GoogleFrontEndWireTest pins the behaviour for the move.
@SuppressWarnings("removal")
final class GoogleGzipHandler extends GzipHandler {
  GoogleGzipHandler(Handler next) {
    super(next);
    setInflateBufferSize(0);
    addIncludedMethods("PUT", "PATCH", "DELETE");
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String agent = request.getHeaders().get(HttpHeader.USER_AGENT);
    if (agent == null || !agent.contains("gzip")) {
      Handler next = getHandler();
      return next != null && next.handle(request, response, callback);
    }
    return super.handle(request, response, callback);
  }
}

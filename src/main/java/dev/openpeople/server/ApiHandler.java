// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.jspecify.annotations.Nullable;

/**
 * The innermost Jetty handler: every request becomes an {@link ApiRequest} for the {@link
 * Dispatcher}, and its {@link ApiReply} is written back. {@code HEAD} is answered as {@code GET}
 * without the body, as Google's front end does.
 */
final class ApiHandler extends Handler.Abstract {
  private final Dispatcher dispatcher;
  private final long maxBodyBytes;
  private final RequestLog log;

  ApiHandler(Dispatcher dispatcher, long maxBodyBytes, RequestLog log) {
    super(InvocationType.BLOCKING);
    this.dispatcher = dispatcher;
    this.maxBodyBytes = maxBodyBytes;
    this.log = log;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    RequestTrace trace = new RequestTrace();
    String path = request.getHttpURI().getDecodedPath();
    boolean head = request.getMethod().equals("HEAD");
    ApiReply reply;
    try {
      reply = dispatcher.dispatch(toApiRequest(request, path, head), trace);
    } catch (ApiException e) {
      reply = ExceptionHandler.toReply(e, trace.requestId(), path);
    } catch (IOException e) {
      reply =
          ExceptionHandler.toReply(
              ApiException.invalid("Unreadable request body."), trace.requestId(), path);
    }
    byte[] bytes = reply.status() == 304 ? new byte[0] : serialized(reply);
    response.setStatus(reply.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
    reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    log.completed(request, path, trace, reply.status());
    response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(bytes), callback);
    return true;
  }

  /** The body bytes of a reply; a JSON tree not yet rendered (an early error) is pretty-printed. */
  static byte[] serialized(ApiReply reply) {
    Json.Body body = reply.body();
    if (body != null) {
      return Json.write(body, true);
    }
    return reply.json() == null
        ? reply.bytes()
        : Json.write(Objects.requireNonNull(reply.json()), true);
  }

  private ApiRequest toApiRequest(Request request, String path, boolean head) throws IOException {
    TreeMap<String, String> headers = ApiRequest.headerMap();
    for (HttpField field : request.getHeaders()) {
      headers.merge(field.getName(), field.getValue(), (a, b) -> a + ", " + b);
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    for (Fields.Field field : fields) {
      query.computeIfAbsent(field.getName(), k -> new ArrayList<>()).addAll(field.getValues());
    }
    String origin =
        request.getHttpURI().getScheme()
            + "://"
            + Request.getServerName(request)
            + ":"
            + Request.getServerPort(request);
    byte[] body = readBody(request, headers.get("Content-Encoding"));
    return new ApiRequest(head ? "GET" : request.getMethod(), origin, path, query, headers, body);
  }

  private byte[] readBody(Request request, @Nullable String encoding) throws IOException {
    long declared = request.getLength();
    if (declared > maxBodyBytes) {
      throw new ApiException(ApiError.PAYLOAD_TOO_LARGE, maxBodyBytes);
    }
    InputStream in = Content.Source.asInputStream(request);
    boolean gzip = encoding != null && encoding.trim().equalsIgnoreCase("gzip");
    if (gzip) {
      // Google's Java client gzips request bodies by default.
      in = new GZIPInputStream(in);
    } else if (declared >= 0 && declared < Integer.MAX_VALUE - 8) {
      // The declared length (checked above; Jetty reads no more and fails a shorter body) in one
      // array, without the copying buffers below.
      try (InputStream body = in) {
        return body.readNBytes((int) declared);
      }
    }
    try (InputStream body = in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16384];
      int n;
      while ((n = body.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        if (out.size() > maxBodyBytes) {
          throw new ApiException(ApiError.PAYLOAD_TOO_LARGE, maxBodyBytes);
        }
      }
      return out.toByteArray();
    }
  }
}

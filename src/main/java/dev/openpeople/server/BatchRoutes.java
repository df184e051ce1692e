// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import dev.openpeople.error.ApiException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.UrlEncoded;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP batch endpoint {@code POST /batch} (multipart/mixed, up to 1,000 inner calls), each
 * inner call dispatched through the same pipeline as a direct one
 * (https://developers.google.com/people/v1/batch). MIME parts and the inner requests are parsed
 * with Jetty's parsers.
 */
public final class BatchRoutes implements Routes {
  /** At most 1,000 calls per batch (https://developers.google.com/people/v1/batch). */
  static final int MAX_PARTS = 1000;

  private final Supplier<Dispatcher> dispatcher;

  public BatchRoutes(Supplier<Dispatcher> dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public void define(Router router) {
    router.on("POST", "/batch", this::batch);
  }

  /** One part of the batch: its headers and the raw inner request bytes. */
  // Parts are never compared or hashed, so the array's identity equals does no harm.
  @SuppressWarnings("ArrayRecordComponent")
  private record Part(Map<String, String> headers, byte[] content) {}

  ApiReply batch(ApiCall call) {
    ApiRequest outer = call.request();
    String contentType = outer.header("Content-Type");
    String boundary = contentType == null ? null : MultiPart.extractBoundary(contentType);
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")
        || boundary == null) {
      throw ApiException.invalid("A batch request must be multipart/mixed with a boundary.");
    }
    List<Part> parts = parse(boundary, outer.body());
    if (parts.isEmpty()) {
      throw ApiException.invalid("A batch request must contain at least one part.");
    }
    if (parts.size() > MAX_PARTS) {
      throw ApiException.invalid("A batch request may contain at most %d calls.", MAX_PARTS);
    }
    String responseBoundary = "batch_" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Part part : parts) {
      ApiReply reply = dispatchPart(outer, part);
      String contentId = part.headers().get("content-id");
      write(out, "--" + responseBoundary + "\r\nContent-Type: application/http\r\n");
      if (contentId != null) {
        write(out, "Content-ID: " + responseId(contentId) + "\r\n");
      }
      write(out, "\r\n");
      writeResponse(out, reply);
      write(out, "\r\n");
    }
    write(out, "--" + responseBoundary + "--\r\n");
    return ApiReply.bytes(200, "multipart/mixed; boundary=" + responseBoundary, out.toByteArray());
  }

  private static String responseId(String contentId) {
    String id = contentId.trim();
    if (id.startsWith("<") && id.endsWith(">")) {
      return "<response-" + id.substring(1);
    }
    return "response-" + id;
  }

  private static List<Part> parse(String boundary, byte[] body) {
    List<Part> parts = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    MultiPart.Parser parser =
        new MultiPart.Parser(
            boundary,
            new MultiPart.Parser.Listener() {
              private Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
              private ByteArrayOutputStream content = new ByteArrayOutputStream();

              @Override
              public void onPartBegin() {
                headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                content = new ByteArrayOutputStream();
              }

              @Override
              public void onPartHeader(String name, String value) {
                headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
              }

              @Override
              public void onPartContent(Content.Chunk chunk) {
                ByteBuffer buffer = chunk.getByteBuffer();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                content.writeBytes(bytes);
                chunk.release();
              }

              @Override
              public void onPartEnd() {
                parts.add(new Part(headers, content.toByteArray()));
              }

              @Override
              public void onFailure(Throwable failure) {
                failures.add(failure);
              }
            });
    parser.setMaxParts(MAX_PARTS + 1);
    parser.parse(Content.Chunk.from(ByteBuffer.wrap(body), true));
    if (!failures.isEmpty()) {
      throw ApiException.invalid(
          "Malformed multipart batch body: %s", failures.get(0).getMessage());
    }
    return parts;
  }

  /** Parses the inner request with Jetty's HttpParser; failures become that part's 400. */
  private ApiReply dispatchPart(ApiRequest outer, Part part) {
    try {
      ApiRequest inner = innerRequest(outer, part.content());
      if (inner.path().equals("/batch")) {
        throw ApiException.invalid("A batch request cannot contain another batch request.");
      }
      return dispatcher.get().dispatch(inner);
    } catch (ApiException e) {
      ApiReply error = ExceptionHandler.toReply(e, "batch");
      return ApiReply.bytes(
          error.status(),
          error.contentType(),
          Json.write(java.util.Objects.requireNonNull(error.json()), true));
    }
  }

  /** Collects the request line and headers of a batch part; the body is what follows them. */
  private static final class PartHead implements HttpParser.RequestHandler {
    final TreeMap<String, String> headers = ApiRequest.headerMap();
    @Nullable String method;
    @Nullable String uri;
    @Nullable String failure;
    boolean done;

    @Override
    public void startRequest(String method, String uri, HttpVersion version) {
      this.method = method;
      this.uri = uri;
    }

    @Override
    public void parsedHeader(HttpField field) {
      headers.merge(field.getName(), field.getValue(), (a, b) -> a + ", " + b);
    }

    @Override
    public boolean headerComplete() {
      done = true;
      return true;
    }

    @Override
    public boolean content(ByteBuffer content) {
      return false;
    }

    @Override
    public boolean contentComplete() {
      return false;
    }

    @Override
    public boolean messageComplete() {
      return true;
    }

    @Override
    public void earlyEOF() {}

    @Override
    public void badMessage(org.eclipse.jetty.http.HttpException failure) {
      this.method = null;
      this.failure = failure.getReason();
    }
  }

  private static ApiRequest innerRequest(ApiRequest outer, byte[] raw) {
    PartHead head = new PartHead();
    HttpParser parser = new HttpParser(head);
    ByteBuffer buffer = ByteBuffer.wrap(withHost(raw));
    for (int i = 0; i < 64 && buffer.hasRemaining() && !head.done; i++) {
      parser.parseNext(buffer);
    }
    String method = head.method;
    String target = head.uri;
    if (!head.done || method == null || target == null) {
      throw ApiException.invalid(
          "A batch part does not hold a valid HTTP request%s.",
          head.failure == null ? "" : ": " + head.failure);
    }
    // What follows the header block is the body, with or without a Content-Length.
    byte[] body = new byte[buffer.remaining()];
    buffer.get(body);
    body = trimTrailingNewline(body);
    TreeMap<String, String> headers = head.headers;
    outer.headers().forEach(headers::putIfAbsent);
    headers.remove("Content-Encoding");
    URI uri = URI.create(target.trim());
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      UrlEncoded.decodeTo(
          uri.getRawQuery(),
          (name, value) -> query.computeIfAbsent(name, k -> new ArrayList<>()).add(value),
          StandardCharsets.UTF_8);
    }
    String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
    return new ApiRequest(method, outer.origin(), path, query, headers, body);
  }

  /**
   * Inner requests rarely carry a Host header (the Java and Python clients omit it), which an
   * HTTP/1.1 parser rejects; give them a placeholder one after the request line.
   */
  private static byte[] withHost(byte[] raw) {
    String head = new String(raw, 0, Math.min(raw.length, 8192), StandardCharsets.ISO_8859_1);
    int headerEnd = head.indexOf("\r\n\r\n");
    String headers = (headerEnd < 0 ? head : head.substring(0, headerEnd)).toLowerCase(Locale.ROOT);
    int firstLine = head.indexOf('\n');
    if (firstLine < 0 || headers.contains("\nhost:")) {
      return raw;
    }
    byte[] host = "Host: batch\r\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[raw.length + host.length];
    System.arraycopy(raw, 0, out, 0, firstLine + 1);
    System.arraycopy(host, 0, out, firstLine + 1, host.length);
    System.arraycopy(
        raw, firstLine + 1, out, firstLine + 1 + host.length, raw.length - firstLine - 1);
    return out;
  }

  private static byte[] trimTrailingNewline(byte[] body) {
    int end = body.length;
    while (end > 0 && (body[end - 1] == '\n' || body[end - 1] == '\r')) {
      end--;
    }
    return end == body.length ? body : java.util.Arrays.copyOf(body, end);
  }

  private static void writeResponse(ByteArrayOutputStream out, ApiReply reply) {
    write(out, "HTTP/1.1 " + reply.status() + " " + HttpStatus.getMessage(reply.status()) + "\r\n");
    write(out, "Content-Type: " + reply.contentType() + "\r\n");
    reply.headers().forEach((name, value) -> write(out, name + ": " + value + "\r\n"));
    write(out, "Content-Length: " + reply.bytes().length + "\r\n\r\n");
    out.writeBytes(reply.bytes());
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}

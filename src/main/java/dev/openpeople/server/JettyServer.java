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
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP listener: Jetty on virtual threads, translating each exchange into an {@link ApiRequest}
 * for the {@link Dispatcher} and writing the {@link ApiReply} back.
 */
public final class JettyServer implements AutoCloseable {
  private final Server server;
  private final ServerConnector connector;

  public JettyServer(String host, int port, Dispatcher dispatcher, long maxBodyBytes) {
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("openpeople-http");
    threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server = new Server(threads);
    connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new ApiHandler(dispatcher, maxBodyBytes));
    server.setStopTimeout(2000);
  }

  public void start() throws Exception {
    server.start();
  }

  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (java.util.concurrent.TimeoutException e) {
      // Idle keep-alive connections may outlive the graceful period; they are closed anyway.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not stop", e);
    }
  }

  /** The single Jetty handler: every path goes to the dispatcher. */
  private static final class ApiHandler extends Handler.Abstract {
    private final Dispatcher dispatcher;
    private final long maxBodyBytes;

    ApiHandler(Dispatcher dispatcher, long maxBodyBytes) {
      super(InvocationType.BLOCKING);
      this.dispatcher = dispatcher;
      this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      ApiReply reply;
      ApiRequest apiRequest = null;
      try {
        apiRequest = toApiRequest(request);
        reply = dispatcher.dispatch(apiRequest);
      } catch (ApiException e) {
        reply =
            rendered(ExceptionHandler.toReply(e, "read", request.getHttpURI().getDecodedPath()));
      } catch (IOException e) {
        reply =
            rendered(
                ExceptionHandler.toReply(
                    ApiException.invalid("Unreadable request body."),
                    "io",
                    request.getHttpURI().getDecodedPath()));
      }
      response.setStatus(reply.status());
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
      reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
      byte[] bytes = reply.bytes();
      if (reply.status() == 304) {
        bytes = new byte[0];
      }
      response.write(true, ByteBuffer.wrap(bytes), callback);
      return true;
    }

    private static ApiReply rendered(ApiReply error) {
      if (error.json() == null) {
        return error;
      }
      ApiReply out =
          ApiReply.bytes(
              error.status(),
              error.contentType(),
              Json.write(java.util.Objects.requireNonNull(error.json()), true));
      error.headers().forEach(out::header);
      return out;
    }

    private ApiRequest toApiRequest(Request request) throws IOException {
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
      return new ApiRequest(
          request.getMethod(), origin, request.getHttpURI().getDecodedPath(), query, headers, body);
    }

    private byte[] readBody(Request request, @Nullable String encoding) throws IOException {
      long declared = request.getLength();
      if (declared > maxBodyBytes) {
        throw new ApiException(ApiError.PAYLOAD_TOO_LARGE, maxBodyBytes);
      }
      InputStream in = Content.Source.asInputStream(request);
      if (encoding != null && encoding.trim().equalsIgnoreCase("gzip")) {
        // The Java client gzips request bodies by default (clients.md §1).
        in = new GZIPInputStream(in);
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
}

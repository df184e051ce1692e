// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Set;
import java.util.concurrent.Executors;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP listener: Jetty on virtual threads, with what Google's front end does for every API in
 * front of the {@link ApiHandler} — CORS, gzip under Google's rule, errors in the API's format —
 * and HTTPS with HTTP/2 (ALPN) when given a certificate.
 */
public final class JettyServer implements AutoCloseable {
  /**
   * Request line plus headers: room for {@code people:batchGet} with its documented maximum of 200
   * resource names (about 9 KB of URL); longer requests get 414 or 431.
   */
  static final int MAX_REQUEST_HEADER_BYTES = 16 * 1024;

  /** Methods a browser may send cross-origin: the REST verbs plus WebDAV's, for CardDAV clients. */
  private static final Set<String> CORS_METHODS =
      Set.of(
          "GET",
          "HEAD",
          "POST",
          "PUT",
          "PATCH",
          "DELETE",
          "OPTIONS",
          "PROPFIND",
          "PROPPATCH",
          "REPORT",
          "MKCOL",
          "COPY",
          "MOVE",
          "LOCK",
          "UNLOCK");

  /** PEM files of a TLS certificate chain and its private key. */
  public record Tls(Path certificateChain, Path privateKey) {}

  private final Server server;
  private final ServerConnector connector;
  private final boolean secure;

  public JettyServer(
      String host,
      int port,
      @Nullable Tls tls,
      Dispatcher dispatcher,
      long maxBodyBytes,
      RequestLog log) {
    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("openpeople-http");
    threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
    config.setSendServerVersion(false);
    secure = tls != null;
    connector = tls == null ? plainConnector(config) : tlsConnector(config, tls);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(cors(new GoogleGzipHandler(new ApiHandler(dispatcher, maxBodyBytes, log))));
    server.setErrorHandler(new FrontEndErrors(log));
    server.setStopTimeout(2000);
  }

  private ServerConnector plainConnector(HttpConfiguration config) {
    return new ServerConnector(server, new HttpConnectionFactory(config));
  }

  private ServerConnector tlsConnector(HttpConfiguration config, Tls tls) {
    SecureRequestCustomizer secureCustomizer = new SecureRequestCustomizer();
    // Self-hosted servers are reached under many names (IPs, LAN names): no SNI host check.
    secureCustomizer.setSniHostCheck(false);
    config.addCustomizer(secureCustomizer);
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    KeyStore keys = PemFiles.keyStore(tls.certificateChain(), tls.privateKey());
    ssl.setKeyStore(keys);
    ssl.setKeyStorePassword(PemFiles.PASSWORD);
    HttpConnectionFactory http1 = new HttpConnectionFactory(config);
    HTTP2ServerConnectionFactory http2 = new HTTP2ServerConnectionFactory(config);
    ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
    alpn.setDefaultProtocol(http1.getProtocol());
    return new ServerConnector(
        server, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, http2, http1);
  }

  /**
   * A Google API answers preflights for any origin with the requested method and headers allowed,
   * and marks every answer with {@code Access-Control-Allow-Origin}; other {@code OPTIONS} requests
   * (no {@code Access-Control-Request-Method}) reach the routes.
   */
  private static CrossOriginHandler cors(org.eclipse.jetty.server.Handler next) {
    CrossOriginHandler cors = new CrossOriginHandler();
    cors.setAllowedOriginPatterns(Set.of("*"));
    cors.setAllowedMethods(CORS_METHODS);
    // "*" lets any header through a preflight except Authorization, which browsers need named
    // (https://fetch.spec.whatwg.org/#http-access-control-allow-headers).
    cors.setAllowedHeaders(Set.of("*", "Authorization"));
    cors.setExposedHeaders(Set.of("ETag", "Location", "Content-Encoding", "Date"));
    cors.setAllowCredentials(false);
    cors.setDeliverPreflightRequests(false);
    cors.setHandler(next);
    return cors;
  }

  public void start() throws Exception {
    server.start();
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** True when the listener speaks HTTPS. */
  public boolean secure() {
    return secure;
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
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.people.v1.PeopleService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one real OpenPeople server per test class on a free port, on the backend named by the
 * system property {@code openpeople.test.storage} (SQLite in memory by default). For PostgreSQL it
 * creates a fresh database and drops it afterwards; an unreachable PostgreSQL fails the class.
 */
public final class OpenPeopleServerExtension implements BeforeAllCallback, AfterAllCallback {
  private final OpenPeopleServer.Options base;
  private OpenPeopleServer server;
  private String database;
  private String adminUrl;
  private String storageUrl;
  private UnaryOperator<String> storageTweak = UnaryOperator.identity();
  private final HttpClient http = HttpClient.newHttpClient();

  public OpenPeopleServerExtension() {
    this(OpenPeopleServer.Options.emulatorDefaults("unused"));
  }

  public OpenPeopleServerExtension(OpenPeopleServer.Options base) {
    this.base = base;
  }

  /**
   * Rewrites the storage URL the server opens (after a PostgreSQL test database was created), e.g.
   * to add connection settings.
   */
  public OpenPeopleServerExtension storage(UnaryOperator<String> tweak) {
    this.storageTweak = tweak;
    return this;
  }

  /** The storage URL the server of this class opened. */
  public String storageUrl() {
    return storageUrl;
  }

  /** The storage URL the suite runs on. */
  public static String storageUnderTest() {
    return System.getProperty("openpeople.test.storage", "sqlite::memory:");
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    String storage = storageUnderTest();
    if (storage.startsWith("postgresql://")) {
      storage = createDatabase(storage);
    }
    storage = storageTweak.apply(storage);
    storageUrl = storage;
    server = OpenPeopleServer.start(base.toBuilder().port(0).storageUrl(storage).build());
  }

  private String createDatabase(String url) throws SQLException {
    URI uri = URI.create(url);
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String hostPort = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    adminUrl = "jdbc:postgresql://" + hostPort + "/postgres" + query;
    database = "openpeople_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database.toLowerCase(Locale.ROOT));
    }
    return "postgresql://" + hostPort + "/" + database + query;
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (server != null) {
      server.close();
    }
    if (database != null) {
      try (Connection c = DriverManager.getConnection(adminUrl);
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    }
  }

  public OpenPeopleServer server() {
    return server;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.port() + "/";
  }

  /** The official Java People client, authenticated as {@code token} (an e-mail or a JWT). */
  public PeopleService people(String token) {
    return new PeopleService.Builder(
            new NetHttpTransport(),
            GsonFactory.getDefaultInstance(),
            request -> request.getHeaders().setAuthorization("Bearer " + token))
        .setRootUrl(baseUrl())
        .setApplicationName("openpeople-tests")
        .build();
  }

  /**
   * A raw GData call as the official client makes it: {@code GData-Version: 3.0}, and an Atom body
   * when {@code body} is not null; {@code token} may be null for no credentials.
   */
  public HttpResponse<String> gdata(String method, String path, String token, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path.replaceFirst("^/", "")))
            .header("GData-Version", "3.0")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/atom+xml; charset=UTF-8");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A raw HTTP call for wire-exact tests; {@code token} may be null for no credentials. */
  public HttpResponse<String> call(String method, String path, String token, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path.replaceFirst("^/", "")))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A raw POST with a content type of the caller's choosing and no credentials. */
  public HttpResponse<String> post(String path, String contentType, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path.replaceFirst("^/", "")))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Wipes all data through the emulator API. */
  public void reset() throws IOException, InterruptedException {
    call("POST", "/emulator/v1:reset", null, "{}");
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A database the server cannot reach answers 503 UNAVAILABLE, in the People API's JSON and in
 * GData's XML, never 500; the server answers again once the database is back. On PostgreSQL the
 * database stops accepting connections and the server's connections are terminated; SQLite in
 * memory has one connection, so a transaction that holds it makes every other request time out
 * waiting for the pool.
 */
class StorageUnavailableClientTest {
  private static final String USER = "ann@unavailable.example.com";
  private static final String ADMIN = "admin@unavailable.example.com";
  private static final String FEED = "/m8/feeds/contacts/unavailable.example.com/full";

  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  @Test
  @SuppressWarnings("try") // the outage is only opened and closed around the requests
  void requestsAnswer503WhileTheDatabaseIsOutOfReach() throws Exception {
    assertThat(connections().getStatusCode()).isEqualTo(200);
    assertThat(gdataFeed().statusCode()).isEqualTo(200);
    try (Outage outage = SERVER.storageUrl().startsWith("postgresql://") ? cutOff() : hold()) {
      CompletableFuture<Integer> people =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return connections().getStatusCode();
                } catch (GoogleJsonResponseException e) {
                  assertThat(e.getDetails().get("status")).isEqualTo("UNAVAILABLE");
                  assertThat(e.getDetails().getMessage())
                      .isEqualTo("The service is currently unavailable.");
                  return e.getStatusCode();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      HttpResponse<String> gdata = gdataFeed();
      assertThat(gdata.statusCode()).isEqualTo(503);
      assertThat(gdata.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/vnd.google.gdata.error+xml");
      assertThat(gdata.body()).contains("The service is currently unavailable.");
      assertThat(people.get()).isEqualTo(503);
    }
    // The pool reconnects on demand: a request racing that may still see the outage, so the
    // server must answer 200 again within a bounded time rather than on the very first call.
    assertThat(recovers()).isTrue();
    assertThat(gdataFeed().statusCode()).isEqualTo(200);
  }

  private static boolean recovers() throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        if (connections().getStatusCode() == 200) {
          return true;
        }
      } catch (GoogleJsonResponseException e) {
        assertThat(e.getStatusCode()).isEqualTo(503);
      }
      Thread.sleep(200);
    }
    return false;
  }

  /** Ends the outage. */
  @SuppressWarnings("try") // closing may wait for the database to come back
  private interface Outage extends AutoCloseable {
    @Override
    void close() throws Exception;
  }

  /** PostgreSQL: no new connections to the server's database, and its connections terminated. */
  private static Outage cutOff() throws Exception {
    URI uri = URI.create(SERVER.storageUrl());
    String database = uri.getPath().substring(1);
    String admin =
        "jdbc:postgresql://"
            + uri.getHost()
            + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
            + "/postgres"
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    try (Connection c = DriverManager.getConnection(admin);
        Statement s = c.createStatement();
        PreparedStatement terminate =
            c.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?")) {
      s.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
      terminate.setString(1, database);
      terminate.execute();
    }
    return () -> {
      try (Connection c = DriverManager.getConnection(admin);
          Statement s = c.createStatement()) {
        s.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
      }
    };
  }

  /** SQLite in memory: a transaction holds the pool's only connection until closed. */
  private static Outage hold() throws InterruptedException {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder =
        Thread.ofVirtual()
            .start(
                () ->
                    SERVER
                        .server()
                        .storage()
                        .read(
                            USER,
                            s -> {
                              held.countDown();
                              try {
                                release.await();
                              } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                              }
                              return null;
                            }));
    held.await();
    return () -> {
      release.countDown();
      holder.join();
    };
  }

  private static com.google.api.client.http.HttpResponse connections() throws Exception {
    return SERVER
        .people(USER)
        .people()
        .connections()
        .list("people/me")
        .setPersonFields("names")
        .executeUnparsed();
  }

  private static HttpResponse<String> gdataFeed() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(SERVER.baseUrl() + FEED.substring(1)))
                .header("GData-Version", "3.0")
                .header("Authorization", "Bearer " + ADMIN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A write that loses to a concurrent transaction answers 409 ABORTED, as Google does for a
 * concurrency conflict, never 500: a second connection holds the lock the write needs past the
 * server's lock wait (SQLite busy_timeout, PostgreSQL lock_timeout), or PostgreSQL reports a
 * serialization failure. The server answers again once the other transaction ends.
 */
class StorageAbortedClientTest {
  private static final String USER = "ann@aborted.example.com";
  private static final String ADMIN = "admin@aborted.example.com";
  private static final String FEED = "/m8/feeds/contacts/aborted.example.com/full";

  @RegisterExtension
  static final OpenPeopleServerExtension SERVER =
      new OpenPeopleServerExtension().storage(StorageAbortedClientTest::shortLockWait);

  /** The suite's backend with a lock wait of 300 ms; SQLite in a file a second connection opens. */
  private static String shortLockWait(String url) {
    if (url.startsWith("postgresql://")) {
      return url + (url.contains("?") ? "&" : "?") + "options=-c%20lock_timeout%3D300";
    }
    try {
      Path dir = Files.createTempDirectory("openpeople-aborted");
      return "sqlite:" + dir.resolve("store.db") + "?busy_timeout=300";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean postgres() {
    return SERVER.storageUrl().startsWith("postgresql://");
  }

  /** A second connection to the server's database, outside the server. */
  private static Connection second() throws Exception {
    String url = SERVER.storageUrl();
    return DriverManager.getConnection(
        "jdbc:"
            + (postgres()
                ? url.replaceFirst("[?&]options=.*$", "")
                : url.substring(0, url.indexOf('?'))));
  }

  /** Holds a lock every write of {@code email} (or of its domain's shared contacts) needs. */
  private static void holdWriteLock(Connection other, String email) throws Exception {
    other.setAutoCommit(false);
    String sql =
        postgres()
            ? "SELECT id FROM users WHERE email = ? FOR UPDATE"
            // SQLite: any write takes the database's single write lock until commit.
            : "UPDATE users SET last_seq = last_seq WHERE email = ?";
    try (PreparedStatement lock = other.prepareStatement(sql)) {
      lock.setString(1, email);
      lock.execute();
    }
  }

  private static Person sam() {
    return new Person().setNames(List.of(new Name().setGivenName("Sam")));
  }

  @Test
  void aWriteBlockedByAnotherTransactionAnswers409Aborted() throws Exception {
    SERVER.people(USER).people().createContact(sam()).execute();
    try (Connection other = second()) {
      holdWriteLock(other, USER);
      assertThatThrownBy(() -> SERVER.people(USER).people().createContact(sam()).execute())
          .isInstanceOfSatisfying(
              GoogleJsonResponseException.class,
              e -> {
                assertThat(e.getStatusCode()).isEqualTo(409);
                assertThat(e.getDetails().get("status")).isEqualTo("ABORTED");
                assertThat(e.getDetails().getMessage()).isEqualTo("The operation was aborted.");
              });
      other.rollback();
    }
    Person created = SERVER.people(USER).people().createContact(sam()).execute();
    assertThat(created.getResourceName()).startsWith("people/");
  }

  @Test
  void aGDataWriteBlockedByAnotherTransactionAnswers409InGDataFormat() throws Exception {
    String entry =
        "<atom:entry xmlns:atom='http://www.w3.org/2005/Atom'"
            + " xmlns:gd='http://schemas.google.com/g/2005'>"
            + "<gd:name><gd:fullName>Sam Lee</gd:fullName></gd:name></atom:entry>";
    assertThat(gdataInsert(entry).statusCode()).isEqualTo(201);
    try (Connection other = second()) {
      other.setAutoCommit(false);
      try (PreparedStatement lock =
          other.prepareStatement(
              postgres()
                  ? "SELECT name FROM domains WHERE name = ? FOR UPDATE"
                  : "UPDATE domains SET last_seq = last_seq WHERE name = ?")) {
        lock.setString(1, "aborted.example.com");
        lock.execute();
      }
      HttpResponse<String> blocked = gdataInsert(entry);
      assertThat(blocked.statusCode()).isEqualTo(409);
      assertThat(blocked.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/vnd.google.gdata.error+xml");
      assertThat(blocked.body()).contains("The operation was aborted.");
      other.rollback();
    }
    assertThat(gdataInsert(entry).statusCode()).isEqualTo(201);
  }

  @Test
  void aPostgresSerializationFailureAnswers409Aborted() throws Exception {
    if (!postgres()) {
      // SQLite serializes its writers, so it never reports a serialization failure (SQLITE_BUSY
      // is the first test's case).
      assertThat(SERVER.storageUrl()).startsWith("sqlite:");
      return;
    }
    SERVER.people(USER).people().createContact(sam()).execute();
    try (Connection other = second();
        Statement ddl = other.createStatement()) {
      ddl.execute(
          "CREATE FUNCTION forced_serialization_failure() RETURNS trigger LANGUAGE plpgsql AS"
              + " $$ BEGIN RAISE EXCEPTION 'could not serialize access'"
              + " USING ERRCODE = 'serialization_failure'; END $$");
      ddl.execute(
          "CREATE TRIGGER forced_serialization_failure BEFORE INSERT ON contacts"
              + " FOR EACH ROW EXECUTE FUNCTION forced_serialization_failure()");
      try {
        assertThatThrownBy(() -> SERVER.people(USER).people().createContact(sam()).execute())
            .isInstanceOfSatisfying(
                GoogleJsonResponseException.class,
                e -> {
                  assertThat(e.getStatusCode()).isEqualTo(409);
                  assertThat(e.getDetails().get("status")).isEqualTo("ABORTED");
                });
      } finally {
        ddl.execute("DROP TRIGGER forced_serialization_failure ON contacts");
      }
    }
    assertThat(SERVER.people(USER).people().createContact(sam()).execute().getResourceName())
        .startsWith("people/");
  }

  private static HttpResponse<String> gdataInsert(String entry) throws Exception {
    return SERVER.gdata("POST", FEED, ADMIN, entry);
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.cli;

import static dev.openpeople.cli.ImportExportCommandTest.cli;
import static dev.openpeople.cli.ImportExportCommandTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.ListConnectionsResponse;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import com.google.api.services.people.v1.model.UpdateContactPhotoRequest;
import dev.openpeople.OpenPeopleServer;
import dev.openpeople.reliability.TestDatabase;
import dev.openpeople.server.Json;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code openpeople dump} / {@code restore} and {@code serve --seed} on the backend under test: a
 * store with every kind of data (built over HTTP, the emulator's import route included) dumps,
 * restores into an empty store and dumps again byte for byte; the restored store keeps etags and
 * issues sync tokens that see later changes.
 */
class SnapshotCommandTest {
  static final String USER = "snap@example.com";
  static final String OTHER = "second@example.com";
  @TempDir Path dir;
  final HttpClient http = HttpClient.newHttpClient();

  static PeopleService people(OpenPeopleServer server, String token) {
    return new PeopleService.Builder(
            new NetHttpTransport(),
            GsonFactory.getDefaultInstance(),
            request -> request.getHeaders().setAuthorization("Bearer " + token))
        .setRootUrl(server.url("127.0.0.1"))
        .setApplicationName("openpeople-tests")
        .build();
  }

  HttpResponse<String> send(
      OpenPeopleServer server, String method, String path, String type, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url("127.0.0.1") + path.substring(1)))
            .header("Content-Type", type)
            .header("Authorization", "Bearer " + USER)
            .header("GData-Version", "3.0")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static byte[] png() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  /** Fills a store with contacts, groups, a photo, other contacts, a profile, shared contacts. */
  List<String> build(OpenPeopleServer server) throws Exception {
    HttpResponse<String> imported =
        send(
            server,
            "POST",
            "/emulator/v1/users/" + USER + ":import",
            "text/vcard",
            Files.readString(fixture("contacts-v3.vcf")));
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(imported.body()).path("imported").asInt()).isEqualTo(3);
    send(
        server,
        "POST",
        "/emulator/v1/users/" + OTHER + ":import?format=csv",
        "text/plain",
        Files.readString(fixture("google-current.csv")));
    PeopleService api = people(server, USER);
    Person created =
        api.people()
            .createContact(new Person().setNames(List.of(new Name().setGivenName("Pic"))))
            .execute();
    api.people()
        .updateContactPhoto(
            created.getResourceName(),
            new UpdateContactPhotoRequest()
                .setPhotoBytes(Base64.getEncoder().encodeToString(png())))
        .execute();
    assertThat(
            send(
                    server,
                    "POST",
                    "/emulator/v1/users/" + USER + "/otherContacts",
                    "application/json",
                    "{\"emailAddresses\":[{\"value\":\"seen@example.net\"}],\"names\":[{\"displayName\":\"Seen\"}]}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            send(
                    server,
                    "PUT",
                    "/emulator/v1/users/" + USER + "/profile",
                    "application/json",
                    "{\"names\":[{\"givenName\":\"Snap\",\"familyName\":\"Shot\"}]}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> shared =
        send(
            server,
            "POST",
            "/m8/feeds/contacts/example.com/full",
            "application/atom+xml",
            "<atom:entry xmlns:atom='http://www.w3.org/2005/Atom' xmlns:gd='http://schemas.google.com/g/2005'>"
                + "<gd:name><gd:fullName>Sam Lee</gd:fullName></gd:name>"
                + "<gd:email address='sam@example.com' rel='http://schemas.google.com/g/2005#work'/></atom:entry>");
    assertThat(shared.statusCode()).as(shared.body()).isEqualTo(201);
    return List.of(
        created.getResourceName(),
        api.people().get(created.getResourceName()).setPersonFields("names").execute().getEtag());
  }

  @Test
  void dumpRestoreDumpIsByteIdenticalAndTheRestoredStoreSyncs() throws Exception {
    String resource;
    String etag;
    try (TestDatabase first = TestDatabase.create();
        TestDatabase second = TestDatabase.create()) {
      try (OpenPeopleServer server =
          OpenPeopleServer.start(OpenPeopleServer.Options.emulatorDefaults(first.storageUrl()))) {
        List<String> built = build(server);
        resource = built.get(0);
        etag = built.get(1);
      }
      Path dump1 = dir.resolve("one.jsonl");
      Path dump2 = dir.resolve("two.jsonl");
      assertThat(cli("dump", "--storage", first.storageUrl(), "--out", dump1.toString()).code())
          .isZero();
      String text = Files.readString(dump1);
      assertThat(text.lines().findFirst()).hasValue("{\"snapshot\":\"openpeople\",\"version\":1}");
      assertThat(text)
          .contains(
              "\"otherContact\"", "\"sharedContact\"", "\"group\"", "\"photo\"", "\"profile\"");
      ImportExportCommandTest.Run restored =
          cli("restore", "--storage", second.storageUrl(), dump1.toString());
      assertThat(restored.code()).as(restored.out()).isZero();
      assertThat(cli("dump", "--storage", second.storageUrl(), "--out", dump2.toString()).code())
          .isZero();
      assertThat(Files.readAllBytes(dump2)).isEqualTo(Files.readAllBytes(dump1));
      ImportExportCommandTest.Run again =
          cli("restore", "--storage", second.storageUrl(), dump1.toString());
      assertThat(again.code()).isEqualTo(1);
      assertThat(again.out()).contains("restore refused: the store is not empty");
      try (OpenPeopleServer server =
          OpenPeopleServer.start(OpenPeopleServer.Options.emulatorDefaults(second.storageUrl()))) {
        checkRestored(server, resource, etag);
      }
    }
  }

  /** The restored store answers with the same etag, searches, and syncs from a new token. */
  private void checkRestored(OpenPeopleServer server, String resource, String etag)
      throws Exception {
    PeopleService api = people(server, USER);
    assertThat(api.people().get(resource).setPersonFields("names").execute().getEtag())
        .isEqualTo(etag);
    assertThat(
            api.people()
                .searchContacts()
                .setQuery("lovelace")
                .setReadMask("names")
                .execute()
                .getResults())
        .hasSize(1);
    ListConnectionsResponse full =
        api.people()
            .connections()
            .list("people/me")
            .setPersonFields("names")
            .setRequestSyncToken(true)
            .execute();
    assertThat(full.getConnections()).hasSize(4);
    api.people()
        .createContact(new Person().setNames(List.of(new Name().setGivenName("After"))))
        .execute();
    ListConnectionsResponse changes =
        api.people()
            .connections()
            .list("people/me")
            .setPersonFields("names")
            .setSyncToken(full.getNextSyncToken())
            .execute();
    assertThat(changes.getConnections())
        .extracting(p -> p.getNames().get(0).getGivenName())
        .containsExactly("After");
    assertThat(
            send(server, "GET", "/m8/feeds/contacts/example.com/full?alt=json", "text/plain", "")
                .body())
        .contains("Sam Lee");
  }

  @Test
  void serveSeedRestoresIntoAnEmptyStoreAndRefusesAFullOne() throws Exception {
    Path snapshot = dir.resolve("seed.jsonl");
    try (TestDatabase source = TestDatabase.create();
        TestDatabase full = TestDatabase.create()) {
      String etag;
      try (OpenPeopleServer server =
          OpenPeopleServer.start(OpenPeopleServer.Options.emulatorDefaults(source.storageUrl()))) {
        etag = build(server).get(1);
      }
      assertThat(cli("dump", "--storage", source.storageUrl(), "--out", snapshot.toString()).code())
          .isZero();
      try (OpenPeopleServer seeded =
          OpenPeopleServer.start(
              OpenPeopleServer.Options.emulatorDefaults("sqlite::memory:"), snapshot)) {
        List<Person> all =
            people(seeded, USER)
                .people()
                .connections()
                .list("people/me")
                .setPersonFields("names")
                .execute()
                .getConnections();
        assertThat(all).hasSize(4);
        assertThat(all).extracting(Person::getEtag).contains(etag);
      }
      assertThat(cli("restore", "--storage", full.storageUrl(), snapshot.toString()).code())
          .isZero();
      ImportExportCommandTest.Run refused =
          cli(
              "serve",
              "--port",
              "0",
              "--storage",
              full.storageUrl(),
              "--seed",
              snapshot.toString());
      assertThat(refused.code()).isEqualTo(2);
      assertThat(refused.out()).contains("--seed " + snapshot + " refused: the store is not empty");
    }
  }
}

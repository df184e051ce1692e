// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.OpenPeopleServer;
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
import javax.imageio.ImageIO;

/**
 * Writes the upgrade fixture ({@link UpgradeFixture}) with the build it runs on: a server on a
 * fresh SQLite file, data written through both APIs (contacts with memberships, updates and
 * deletions, groups, photos, other contacts, a profile, shared contacts with a photo), what the
 * APIs answered ({@code expected.json}: listings with etags, every contact, photo digests, sync
 * tokens) and every table's rows ({@code rows.jsonl}). Run it on the release whose schema the
 * fixture stands for, from the repo root:
 *
 * <pre>
 * ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *   dev.openpeople.reliability.UpgradeFixtureGenerator src/test/resources/upgrade/v6
 * </pre>
 */
public final class UpgradeFixtureGenerator {
  static final String[] USERS = {"ada@upgrade.example.com", "bob@upgrade.example.com"};
  static final String DOMAIN = "upgrade.example.com";

  private UpgradeFixtureGenerator() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    Path dir = Files.createTempDirectory("openpeople-fixture");
    Path file = dir.resolve("release.db");
    try (OpenPeopleServer server =
        OpenPeopleServer.start(OpenPeopleServer.Options.emulatorDefaults("sqlite:" + file))) {
      Wire wire = new Wire("http://127.0.0.1:" + server.port() + "/");
      for (String user : USERS) {
        writePeople(wire, user);
      }
      writeShared(wire);
      ObjectNode expected = UpgradeTest.observe(wire);
      ObjectNode tokens = expected.putObject("syncTokens");
      for (String user : USERS) {
        ObjectNode mine = tokens.putObject(user);
        for (UpgradeTest.Listing list : UpgradeTest.Listing.values()) {
          mine.put(list.name(), UpgradeTest.syncToken(wire, user, list));
        }
      }
      Files.writeString(
          out.resolve("expected.json"),
          Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(expected) + "\n");
    }
    UpgradeFixture.dump(file, out);
  }

  private static JsonNode ok(HttpResponse<String> response) throws Exception {
    if (response.statusCode() != 200 && response.statusCode() != 201) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return response.body().startsWith("{") ? Json.MAPPER.readTree(response.body()) : Json.object();
  }

  private static void writePeople(Wire wire, String user) throws Exception {
    String[] groups = new String[3];
    for (int g = 0; g < groups.length; g++) {
      groups[g] =
          ok(wire.json(
                  "POST",
                  "/v1/contactGroups",
                  user,
                  "{\"contactGroup\":{\"name\":\"Team " + g + "\"}}"))
              .path("resourceName")
              .asText();
    }
    String[] contacts = createContacts(wire, user, groups);
    changeContacts(wire, user, groups, contacts);
    writeOtherContacts(wire, user);
  }

  private static String[] createContacts(Wire wire, String user, String[] groups) throws Exception {
    String[] contacts = new String[12];
    for (int i = 0; i < contacts.length; i++) {
      String person =
          "{\"names\":[{\"givenName\":\"Given"
              + i
              + "\",\"familyName\":\"Fämily "
              + i
              + "\"}],"
              + "\"emailAddresses\":[{\"value\":\"p"
              + i
              + "@example.org\",\"type\":\"work\"}],"
              + "\"phoneNumbers\":[{\"value\":\"+1 555 01"
              + (10 + i)
              + "\"}],"
              + "\"birthdays\":[{\"date\":{\"month\":3,\"day\":"
              + (i + 1)
              + "}}],"
              + "\"addresses\":[{\"streetAddress\":\""
              + i
              + " Main St\",\"city\":\"Springfield\"}],"
              + "\"biographies\":[{\"value\":\"note "
              + i
              + "\"}],"
              + "\"memberships\":[{\"contactGroupMembership\":{\"contactGroupResourceName\":\""
              + groups[i % 3]
              + "\"}}]}";
      contacts[i] =
          ok(wire.json("POST", "/v1/people:createContact", user, person))
              .path("resourceName")
              .asText();
    }
    return contacts;
  }

  private static void changeContacts(Wire wire, String user, String[] groups, String[] contacts)
      throws Exception {
    for (int i = 0; i < 4; i++) {
      JsonNode current =
          ok(wire.json("GET", "/v1/" + contacts[i] + "?personFields=names", user, null));
      ok(
          wire.json(
              "PATCH",
              "/v1/" + contacts[i] + ":updateContact?updatePersonFields=names",
              user,
              "{\"etag\":\""
                  + current.path("etag").asText()
                  + "\",\"names\":[{\"givenName\":\"Renamed"
                  + i
                  + "\"}]}"));
    }
    ok(
        wire.json(
            "POST",
            "/v1/" + groups[0] + "/members:modify",
            user,
            "{\"resourceNamesToAdd\":[\"" + contacts[1] + "\",\"" + contacts[2] + "\"]}"));
    for (int i = 0; i < 2; i++) {
      ok(
          wire.json(
              "PATCH",
              "/v1/" + contacts[5 + i] + ":updateContactPhoto",
              user,
              "{\"photoBytes\":\"" + Base64.getEncoder().encodeToString(png(i)) + "\"}"));
    }
    ok(wire.json("DELETE", "/v1/" + contacts[10] + ":deleteContact", user, null));
    ok(wire.json("DELETE", "/v1/" + contacts[11] + ":deleteContact", user, null));
    ok(wire.json("DELETE", "/v1/" + groups[2], user, null));
  }

  private static void writeOtherContacts(Wire wire, String user) throws Exception {
    String deletable = null;
    for (int o = 0; o < 5; o++) {
      deletable =
          ok(wire.json(
                  "POST",
                  "/emulator/v1/users/" + user + "/otherContacts",
                  null,
                  "{\"names\":[{\"givenName\":\"Other"
                      + o
                      + "\"}],\"emailAddresses\":"
                      + "[{\"value\":\"other"
                      + o
                      + "@mail.example.org\"}]}"))
              .path("resourceName")
              .asText();
    }
    ok(
        wire.json(
            "DELETE",
            "/emulator/v1/users/"
                + user
                + "/otherContacts/"
                + deletable.substring(deletable.indexOf('/') + 1),
            null,
            null));
    ok(
        wire.json(
            "PUT",
            "/emulator/v1/users/" + user + "/profile",
            null,
            "{\"names\":[{\"givenName\":\"Profile of " + user + "\"}]}"));
  }

  private static void writeShared(Wire wire) throws Exception {
    String admin = "admin@" + DOMAIN;
    String feed = "/m8/feeds/contacts/" + DOMAIN + "/full";
    String[] ids = new String[5];
    String[] etags = new String[5];
    for (int i = 0; i < ids.length; i++) {
      HttpResponse<String> created =
          wire.send("POST", feed, admin, Wire.ATOM, KillNineTest.Writer.entry(i, 0));
      ok(created);
      String location = created.headers().firstValue("Location").orElseThrow();
      ids[i] = location.substring(location.lastIndexOf('/') + 1);
      etags[i] = created.headers().firstValue("ETag").orElseThrow();
    }
    ok(
        wire.send(
            "PUT",
            feed + "/" + ids[1],
            admin,
            Wire.ATOM,
            KillNineTest.Writer.entry(1, 1),
            "If-Match",
            etags[1]));
    ok(wire.send("DELETE", feed + "/" + ids[4], admin, null, null, "If-Match", "*"));
    HttpResponse<String> photo =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            wire.baseUrl() + "m8/feeds/photos/media/" + DOMAIN + "/" + ids[2]))
                    .header("Authorization", "Bearer " + admin)
                    .header("GData-Version", "3.0")
                    .header("Content-Type", "image/png")
                    .header("If-Match", "*")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(png(7)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    ok(photo);
  }

  static byte[] png(int seed) throws Exception {
    BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    image.setRGB(seed % 4, seed % 4, 0xFF0000 + seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.ContactGroup;
import com.google.api.services.people.v1.model.ListConnectionsResponse;
import com.google.api.services.people.v1.model.Person;
import com.google.api.services.people.v1.model.SearchResult;
import dev.openpeople.Main;
import dev.openpeople.OpenPeopleServer;
import dev.openpeople.reliability.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code openpeople import} and {@code export}, run in-process on the backend under test; what they
 * wrote is checked through the People API (official client) of a server on the same store.
 */
class ImportExportCommandTest {
  static final String USER = "importer@example.com";
  @TempDir Path dir;
  TestDatabase db;

  @BeforeEach
  void database() throws Exception {
    db = TestDatabase.create();
  }

  @AfterEach
  void drop() throws Exception {
    db.close();
  }

  /** The exit code and what the command printed on stdout and stderr (joined). */
  record Run(int code, String out) {}

  static Run cli(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    StringWriter out = new StringWriter();
    try {
      CommandLine line = new CommandLine(new Main());
      line.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true));
      int code = line.execute(args);
      return new Run(code, bytes.toString(StandardCharsets.UTF_8) + out);
    } finally {
      System.setOut(old);
    }
  }

  static Path fixture(String name) {
    return Path.of("src/test/resources/transfer", name);
  }

  Run importFile(String user, Path file) {
    return cli(
        "import", "--user", user, "--storage", db.storageUrl(), "--no-progress", file.toString());
  }

  String export(String user, String format) throws IOException {
    Path out = dir.resolve(user + "." + format);
    Run run =
        cli(
            "export",
            "--user",
            user,
            "--format",
            format,
            "--storage",
            db.storageUrl(),
            "--out",
            out.toString());
    assertThat(run.code()).as(run.out()).isZero();
    return Files.readString(out);
  }

  /** Runs {@code check} against a server on the test store, as {@code token}. */
  <T> T withServer(String token, ServerCheck<T> check) throws Exception {
    try (OpenPeopleServer server =
        OpenPeopleServer.start(OpenPeopleServer.Options.emulatorDefaults(db.storageUrl()))) {
      PeopleService people =
          new PeopleService.Builder(
                  new NetHttpTransport(),
                  GsonFactory.getDefaultInstance(),
                  request -> request.getHeaders().setAuthorization("Bearer " + token))
              .setRootUrl(server.url("127.0.0.1"))
              .setApplicationName("openpeople-tests")
              .build();
      return check.run(people);
    }
  }

  @FunctionalInterface
  interface ServerCheck<T> {
    T run(PeopleService people) throws Exception;
  }

  static Map<String, Integer> groups(PeopleService people) throws IOException {
    Map<String, Integer> out = new TreeMap<>();
    for (ContactGroup group : people.contactGroups().list().execute().getContactGroups()) {
      if ("USER_CONTACT_GROUP".equals(group.getGroupType())) {
        out.put(group.getName(), group.getMemberCount() == null ? 0 : group.getMemberCount());
      }
    }
    return out;
  }

  static List<String> names(PeopleService people) throws IOException {
    ListConnectionsResponse list =
        people
            .people()
            .connections()
            .list("people/me")
            .setPersonFields("names")
            .setPageSize(100)
            .execute();
    return list.getConnections() == null
        ? List.of()
        : list.getConnections().stream()
            .map(p -> p.getNames().get(0).getDisplayName())
            .sorted()
            .collect(Collectors.toList());
  }

  @Test
  void vcard3ImportReportsBadCardsByNumberAndLineAndMakesGroups() throws Exception {
    Run run = importFile(USER, fixture("contacts-v3.vcf"));
    assertThat(run.code()).as(run.out()).isEqualTo(3);
    assertThat(run.out())
        .contains("imported 3 contacts, skipped 2")
        .contains("skipped card 2 (line 10): The vCard has neither FN nor N.")
        .contains("skipped card 4 (line 24): Only vCard 3.0 and 4.0 are accepted.");
    withServer(
        USER,
        people -> {
          assertThat(names(people))
              .containsExactly("Ada Lovelace", "Charles Babbage", "Mary Somerville");
          assertThat(groups(people))
              .containsExactly(Map.entry("Friends", 1), Map.entry("Mathematicians", 2));
          List<SearchResult> found =
              people
                  .people()
                  .searchContacts()
                  .setQuery("lovel")
                  .setReadMask("emailAddresses")
                  .execute()
                  .getResults();
          assertThat(found).hasSize(1);
          assertThat(found.get(0).getPerson().getEmailAddresses().get(0).getValue())
              .isEqualTo("ada@example.org");
          return null;
        });
  }

  @Test
  void vcard4ImportReportsAnUnterminatedCard() throws Exception {
    Run run = importFile(USER, fixture("contacts-v4.vcf"));
    assertThat(run.out())
        .contains("imported 3 contacts, skipped 1")
        .contains("skipped card 4 (line 20): BEGIN:VCARD without END:VCARD");
    withServer(
        USER,
        people -> {
          assertThat(names(people))
              .containsExactly(
                  "Birthday As Text",
                  "Katherine Johnson",
                  "Rear Admiral Grace Brewster Murray Hopper");
          assertThat(groups(people)).containsExactly(Map.entry("Navy", 1));
          return null;
        });
  }

  @Test
  void googleCsvOfBothHeaderGenerations() throws Exception {
    Run current = importFile(USER, fixture("google-current.csv"));
    assertThat(current.out())
        .contains("imported 2 contacts, skipped 1")
        .contains("skipped row 2 (line 5): \"not a date\" is not a date");
    Run legacy = importFile(USER, fixture("google-legacy.csv"));
    assertThat(legacy.out())
        .contains("imported 2 contacts, skipped 1")
        .contains("skipped row 3 (line 4): the row has 51 cells, the header 43");
    withServer(
        USER,
        people -> {
          assertThat(groups(people))
              .containsExactly(
                  Map.entry("Friends", 2), Map.entry("Inventors", 1), Map.entry("Navy", 1));
          checkAda(people);
          Person charles =
              people
                  .people()
                  .searchContacts()
                  .setQuery("babbage")
                  .setReadMask("emailAddresses,phoneNumbers")
                  .execute()
                  .getResults()
                  .get(0)
                  .getPerson();
          assertThat(charles.getEmailAddresses())
              .extracting("value")
              .containsExactly("charles@example.org", "babbage@home.example.org");
          assertThat(charles.getPhoneNumbers().get(0).getType()).isEqualTo("homeFax");
          Person grace =
              people
                  .people()
                  .searchContacts()
                  .setQuery("grace")
                  .setReadMask("organizations,phoneNumbers")
                  .execute()
                  .getResults()
                  .get(0)
                  .getPerson();
          assertThat(grace.getOrganizations().get(0).getName()).isEqualTo("US Navy");
          assertThat(grace.getPhoneNumbers()).hasSize(2);
          return null;
        });
  }

  /** Ada of the current-header CSV: every kind of column arrived. */
  private static void checkAda(PeopleService people) throws IOException {
    Person ada =
        people
            .people()
            .searchContacts()
            .setQuery("ada")
            .setReadMask(
                "names,emailAddresses,phoneNumbers,addresses,birthdays,memberships,userDefined,biographies")
            .execute()
            .getResults()
            .get(0)
            .getPerson();
    assertThat(ada.getNames().get(0).getHonorificPrefix()).isEqualTo("Countess");
    assertThat(ada.getEmailAddresses())
        .extracting("value", "type")
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ada@example.org", "home"),
            org.assertj.core.groups.Tuple.tuple("ada@work.example.org", "work"));
    assertThat(ada.getBirthdays().get(0).getDate().getYear()).isEqualTo(1815);
    assertThat(ada.getBiographies().get(0).getValue())
        .isEqualTo("Wrote the first program,\non two lines");
    assertThat(ada.getUserDefined().get(0).getKey()).isEqualTo("Favourite");
    assertThat(ada.getMemberships())
        .extracting(m -> m.getContactGroupMembership().getContactGroupId())
        .contains("myContacts", "starred");
  }

  @Test
  void peopleJsonArrayAndJsonLines() throws Exception {
    Run array = importFile(USER, fixture("people.json"));
    assertThat(array.out())
        .contains("imported 2 contacts, skipped 1")
        .contains("skipped person 2 (line 5)");
    Run lines = importFile(USER, fixture("people.jsonl"));
    assertThat(lines.out())
        .contains("imported 2 contacts, skipped 1")
        .contains("skipped line 2: not JSON");
    withServer(
        USER,
        people -> {
          assertThat(names(people))
              .containsExactly("Alan Turing", "Gordon Welchman", "Joan Clarke", "Tommy Flowers");
          return null;
        });
  }

  @Test
  void exportThenImportRoundTripsInEachFormat() throws Exception {
    for (String file : List.of("contacts-v3.vcf", "google-current.csv", "people.json")) {
      importFile(USER, fixture(file));
    }
    for (String format : List.of("vcard", "csv", "json")) {
      String copy = format + "-copy@example.com";
      String first = export(USER, format);
      Path file = dir.resolve("first-" + format);
      Files.writeString(file, first);
      Run run =
          cli(
              "import",
              "--user",
              copy,
              "--format",
              format,
              "--storage",
              db.storageUrl(),
              file.toString());
      assertThat(run.out()).as(format).contains("imported 7 contacts, skipped 0");
      assertThat(comparable(export(copy, format), format))
          .as(format)
          .isEqualTo(comparable(first, format));
    }
  }

  /** What must survive a round trip: ids, etags and generated UIDs are new in the copy. */
  private static String comparable(String exported, String format) {
    return switch (format) {
      case "vcard" ->
          exported
              .lines()
              .filter(l -> !l.startsWith("UID:"))
              .sorted()
              .collect(Collectors.joining("\n"));
      case "json" -> persons(exported);
      default -> exported.lines().sorted().collect(Collectors.joining("\n"));
    };
  }

  /**
   * The Persons of a JSON export without what is new in a copy (ids, etags, sources) and without
   * memberships of user groups: a Person names groups by id, and ids are the exporting user's.
   */
  private static String persons(String exported) {
    try {
      List<String> out = new java.util.ArrayList<>();
      for (com.fasterxml.jackson.databind.JsonNode person :
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(exported)) {
        com.fasterxml.jackson.databind.node.ObjectNode copy =
            (com.fasterxml.jackson.databind.node.ObjectNode) person.deepCopy();
        copy.remove(List.of("resourceName", "etag"));
        copy.findParents("metadata")
            .forEach(p -> ((com.fasterxml.jackson.databind.node.ObjectNode) p).remove("metadata"));
        com.fasterxml.jackson.databind.node.ArrayNode kept = copy.putArray("memberships");
        for (com.fasterxml.jackson.databind.JsonNode m : person.path("memberships")) {
          String group = m.path("contactGroupMembership").path("contactGroupId").asText();
          if (group.equals("myContacts") || group.equals("starred")) {
            kept.add(group);
          }
        }
        // Canonical text: fields sorted, so field order does not count.
        out.add(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .configure(
                    com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS,
                    true)
                .writeValueAsString(
                    new com.fasterxml.jackson.databind.ObjectMapper()
                        .convertValue(copy, java.util.Map.class)));
      }
      return out.stream().sorted().collect(Collectors.joining("\n"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  @SuppressWarnings("try") // the lock only has to be held
  void refusesWhileAnotherProcessHoldsTheSqliteFile() throws Exception {
    // Its own SQLite file, whatever storage the other tests use: only SQLite files are locked.
    String storage = "sqlite:" + dir.resolve("locked.db");
    String cards = fixture("contacts-v3.vcf").toString();
    try (StorageLock held = StorageLock.acquire(storage)) {
      Run run = cli("import", "--user", USER, "--storage", storage, "--no-progress", cards);
      assertThat(run.code()).isEqualTo(1);
      assertThat(run.out()).contains("Another process is using " + storage);
      assertThat(cli("export", "--user", USER, "--storage", storage).code()).isEqualTo(1);
      assertThat(cli("dump", "--storage", storage).code()).isEqualTo(1);
    }
    assertThat(cli("import", "--user", USER, "--storage", storage, "--no-progress", cards).out())
        .contains("imported 3 contacts");
  }

  @Test
  void anInlinePhotoBecomesTheContactPhotoAndIsExportedAgain() throws Exception {
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(
        new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "png",
        png);
    String data = java.util.Base64.getEncoder().encodeToString(png.toByteArray());
    Path card = dir.resolve("photo.vcf");
    Files.writeString(
        card,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Pixel Person\r\nPHOTO;ENCODING=b;TYPE=PNG:"
            + data
            + "\r\nEND:VCARD\r\n");
    assertThat(importFile(USER, card).out()).contains("imported 1 contacts, skipped 0");
    withServer(
        USER,
        people -> {
          Person person =
              people
                  .people()
                  .connections()
                  .list("people/me")
                  .setPersonFields("photos")
                  .execute()
                  .getConnections()
                  .get(0);
          assertThat(person.getPhotos().get(0).getDefault()).isNotEqualTo(Boolean.TRUE);
          return null;
        });
    String exported = export(USER, "vcard").replace("\r\n ", "");
    assertThat(exported).contains("PHOTO;ENCODING=b;TYPE=png:" + data);
  }
}

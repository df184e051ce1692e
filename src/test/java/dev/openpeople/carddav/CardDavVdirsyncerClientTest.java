// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import static dev.openpeople.carddav.Dav.vcard;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Nickname;
import com.google.api.services.people.v1.model.Person;
import dev.openpeople.OpenPeopleServerExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * vdirsyncer (the Debian package, installed by .ci/run) syncing a folder of .vcf files with the
 * server both ways: creates, edits and deletes on either side, and a conflict. It discovers the
 * address book from /.well-known/carddav with HTTP Basic, as it would against any server.
 */
class CardDavVdirsyncerClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final String USER = "vdir@example.com";

  @TempDir Path dir;

  private Path config() throws IOException {
    Path local = dir.resolve("local/default");
    Files.createDirectories(local);
    Files.createDirectories(dir.resolve("status"));
    String text =
        """
        [general]
        status_path = "%s/status/"

        [pair contacts]
        a = "local"
        b = "remote"
        collections = ["from b"]
        conflict_resolution = "a wins"

        [storage local]
        type = "filesystem"
        path = "%s/local/"
        fileext = ".vcf"

        [storage remote]
        type = "carddav"
        url = "%s.well-known/carddav"
        username = "%s"
        password = "any password names the user in emulator mode"
        """
            .formatted(dir, dir, SERVER.baseUrl(), USER);
    Path config = dir.resolve("config");
    Files.writeString(config, text);
    return config;
  }

  private static String vdirsyncer(Path config, String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(List.of("vdirsyncer", "-c", config.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("vdirsyncer " + String.join(" ", args) + " timed out");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private List<String> localFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("local/default"))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<Person> remote(PeopleService people) throws IOException {
    List<Person> found =
        people
            .people()
            .connections()
            .list("people/me")
            .setPersonFields("names,nicknames")
            .execute()
            .getConnections();
    return found == null ? List.of() : found;
  }

  private static void nickname(PeopleService people, Person person, String value)
      throws IOException {
    Person current =
        people.people().get(person.getResourceName()).setPersonFields("names").execute();
    people
        .people()
        .updateContact(
            person.getResourceName(),
            new Person()
                .setEtag(current.getEtag())
                .setNicknames(List.of(new Nickname().setValue(value))))
        .setUpdatePersonFields("nicknames")
        .execute();
  }

  private static List<String> names(PeopleService people) throws IOException {
    return remote(people).stream().map(p -> p.getNames().get(0).getUnstructuredName()).toList();
  }

  @Test
  void syncsCreatesEditsDeletesAndConflictsBothWays() throws Exception {
    Path config = config();
    PeopleService people = SERVER.people(USER);
    Path local = dir.resolve("local/default");
    Files.writeString(
        local.resolve("grace.vcf"), vcard("grace", "Grace Hopper", "N:Hopper;Grace;;;"));
    Person ada =
        people
            .people()
            .createContact(
                new Person()
                    .setNames(List.of(new Name().setGivenName("Ada").setFamilyName("Lovelace"))))
            .execute();
    vdirsyncer(config, "discover", "contacts");
    vdirsyncer(config, "sync");
    assertThat(localFiles()).hasSize(2);
    assertThat(names(people)).containsExactlyInAnyOrder("Grace Hopper", "Ada Lovelace");

    // Edits on both sides.
    Files.writeString(
        local.resolve("grace.vcf"), vcard("grace", "Grace B. Hopper", "N:Hopper;Grace;B.;;"));
    nickname(people, ada, "Countess");
    vdirsyncer(config, "sync");
    assertThat(names(people)).contains("Grace B. Hopper");
    List<String> adaFiles = new java.util.ArrayList<>();
    for (String name : localFiles()) {
      String text = Files.readString(local.resolve(name));
      if (text.contains("Ada Lovelace") && text.contains("NICKNAME:Countess")) {
        adaFiles.add(name);
      }
    }
    assertThat(adaFiles).hasSize(1);

    // A conflict: both sides change Grace; "a wins" keeps the local edit on both.
    Files.writeString(
        local.resolve("grace.vcf"), vcard("grace", "Rear Admiral Hopper", "N:Hopper;Grace;;;"));
    Person grace =
        remote(people).stream()
            .filter(p -> p.getNames().get(0).getUnstructuredName().contains("Grace"))
            .findFirst()
            .orElseThrow();
    nickname(people, grace, "Amazing");
    vdirsyncer(config, "sync");
    assertThat(names(people)).contains("Rear Admiral Hopper");

    // Deletes on both sides.
    Files.delete(local.resolve("grace.vcf"));
    people.people().deleteContact(ada.getResourceName()).execute();
    vdirsyncer(config, "sync");
    assertThat(remote(people)).isEmpty();
    assertThat(localFiles()).isEmpty();
  }
}

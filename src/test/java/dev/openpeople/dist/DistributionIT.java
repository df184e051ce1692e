// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution that needs no Java installed: {@code bin/dist} builds the archive from the
 * packaged jar; unpacked elsewhere, with no JAVA_HOME and no JDK on the PATH, its {@code
 * bin/openpeople serve} starts on the bundled runtime, prints its banner without JVM warnings and
 * answers the API.
 */
class DistributionIT {
  @TempDir Path unpacked;

  private static String run(List<String> command, Path dir) throws Exception {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void theArchiveStartsWithoutAnInstalledJava() throws Exception {
    Path root = Path.of("").toAbsolutePath();
    String built = run(List.of("bin/dist"), root).trim();
    Path archive = root.resolve(built.substring(built.lastIndexOf('\n') + 1));
    run(List.of("tar", "-xzf", archive.toString(), "-C", unpacked.toString()), root);
    Path home;
    try (Stream<Path> entries = Files.list(unpacked)) {
      home = entries.findFirst().orElseThrow();
    }
    assertThat(home.resolve("runtime/bin/java")).isExecutable();
    assertThat(home.resolve("lib/openpeople.jar")).isRegularFile();

    ProcessBuilder serve =
        new ProcessBuilder(
                home.resolve("bin/openpeople").toString(), "serve", "--port", "0", "--in-memory")
            .directory(unpacked.toFile())
            .redirectError(unpacked.resolve("stderr.txt").toFile());
    Map<String, String> env = serve.environment();
    env.remove("JAVA_HOME");
    env.put("PATH", "/usr/bin:/bin");
    Process server = serve.start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      assertThat(first).as("first line of serve").isNotNull().startsWith("OpenPeople listening on");
      Matcher url = Pattern.compile("on (http://\\S+/) ").matcher(first);
      assertThat(url.find()).isTrue();
      HttpResponse<String> me =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(url.group(1) + "v1/people/me?personFields=names"))
                      .header("Authorization", "Bearer dist@example.com")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(me.statusCode()).isEqualTo(200);
    } finally {
      server.destroy();
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(Files.readString(unpacked.resolve("stderr.txt"))).doesNotContain("WARNING");
  }
}

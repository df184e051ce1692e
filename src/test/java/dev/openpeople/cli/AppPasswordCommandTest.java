// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AppPasswordCommandTest {
  @TempDir Path dir;

  private String run(int expected, String... args) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.PrintStream old = System.out;
    System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
    StringWriter err = new StringWriter();
    try {
      int code = new CommandLine(new Main()).setErr(new PrintWriter(err)).execute(args);
      assertThat(code).as(err.toString()).isEqualTo(expected);
    } finally {
      System.setOut(old);
    }
    return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void createListAndRevokeAnAppPassword() {
    String storage = "sqlite:" + dir.resolve("op.db");
    String created =
        run(
            0,
            "app-password",
            "create",
            "Cli@Example.com",
            "--label",
            "laptop",
            "--storage",
            storage);
    Matcher m =
        Pattern.compile("app password (\\d+) for cli@example.com \\(laptop\\): (\\S+)")
            .matcher(created);
    assertThat(m.find()).as(created).isTrue();
    String listed = run(0, "app-password", "list", "cli@example.com", "--storage", storage);
    assertThat(listed).contains(m.group(1) + "\tlaptop").doesNotContain(m.group(2));
    run(0, "app-password", "revoke", "cli@example.com", m.group(1), "--storage", storage);
    assertThat(run(0, "app-password", "list", "cli@example.com", "--storage", storage)).isEmpty();
    run(1, "app-password", "revoke", "cli@example.com", m.group(1), "--storage", storage);
    run(2, "app-password", "list", "not-an-address", "--storage", storage);
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The serve command's options and its refusal of incomplete production settings. */
class ServeCommandTest {
  @Test
  void helpListsTheOptions() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));

    int code = cli.execute("serve", "--help");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("--port", "--storage", "--in-memory", "--auth", "--jwks");
  }

  @Test
  void jwtModeWithoutIssuerFailsClearly() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setErr(new PrintWriter(err));

    int code = cli.execute("serve", "--auth", "jwt", "--port", "0", "--in-memory");

    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("--jwt-issuer");
  }
}

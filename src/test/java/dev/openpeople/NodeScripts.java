// SPDX-License-Identifier: Apache-2.0
package dev.openpeople;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real npm clients of src/test/node (locked in its package-lock.json) for the tests that
 * drive the server through them, installing the packages first when {@code module} is missing.
 */
public final class NodeScripts {
  private static final Path NODE = Path.of("src/test/node");

  private NodeScripts() {}

  /** Installs the locked packages unless {@code module} (e.g. {@code tsdav}) is there. */
  public static void install(String module) throws Exception {
    if (!Files.isDirectory(NODE.resolve("node_modules").resolve(module))) {
      run(List.of("npm", "ci", "--no-audit", "--no-fund"));
    }
  }

  /**
   * Runs {@code command} in src/test/node; fails unless it exits 0; returns its standard output.
   */
  public static String run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).directory(NODE.toFile()).start();
    process.getOutputStream().close();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " timed out");
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(out + err).isZero();
    return out;
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code openpeople serve} in a separate JVM (the test JVM's own java and classpath) on a free
 * port. {@link #kill()} is {@code kill -9}; {@link #close()} kills it too, so try-with-resources
 * leaves no process behind even when a test fails, and a shutdown hook covers a dying test JVM.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern LISTENING =
      Pattern.compile("OpenPeople listening on (http://[^/]+:(\\d+)/)");

  private final Process process;
  private final Thread reaper;
  private final String baseUrl;
  private final Path log;

  private ServerProcess(Process process, Thread reaper, String baseUrl, Path log) {
    this.process = process;
    this.reaper = reaper;
    this.baseUrl = baseUrl;
    this.log = log;
  }

  /** Starts {@code serve --port 0 --storage STORAGE ARGS...} and waits until it listens. */
  static ServerProcess start(String storage, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.openpeople.Main");
    command.add("serve");
    command.add("--port=0");
    command.add("--storage=" + storage);
    command.addAll(List.of(args));
    Path log = Files.createTempFile("openpeople-node", ".log");
    Process process =
        new ProcessBuilder(command)
            .redirectError(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    Thread reaper = new Thread(process::destroyForcibly);
    Runtime.getRuntime().addShutdownHook(reaper);
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    url.complete("http://127.0.0.1:" + m.group(2) + "/");
                  }
                }
              } catch (IOException e) {
                url.completeExceptionally(e);
              }
              url.completeExceptionally(new IOException("server exited before listening"));
            });
    try {
      return new ServerProcess(process, reaper, url.get(90, TimeUnit.SECONDS), log);
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      process.destroyForcibly().waitFor();
      Runtime.getRuntime().removeShutdownHook(reaper);
      throw new IllegalStateException(
          "server did not start: " + e + "\n" + Files.readString(log), e);
    }
  }

  String baseUrl() {
    return baseUrl;
  }

  Wire wire() {
    return new Wire(baseUrl);
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no flush, no graceful close. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("process " + process.pid() + " survived SIGKILL");
    }
  }

  /** The server's log (stderr), for failure messages. */
  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws IOException {
    try {
      kill();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(reaper);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting; the hook runs anyway.
      }
      Files.deleteIfExists(log);
    }
  }
}

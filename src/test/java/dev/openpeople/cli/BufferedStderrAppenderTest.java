// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The log appender of serve: every line arrives whole, on its own, and none is lost. */
class BufferedStderrAppenderTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream original = System.err;
  private BufferedStderrAppender<ILoggingEvent> appender = new BufferedStderrAppender<>();

  @BeforeEach
  void start() {
    original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%msg%n");
    encoder.start();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.start();
  }

  @AfterEach
  void restore() {
    appender.stop();
    System.setErr(original);
  }

  private void log(String message) {
    appender.doAppend(
        new LoggingEvent(
            "test",
            context.getLogger("test"),
            ch.qos.logback.classic.Level.INFO,
            message,
            null,
            null));
  }

  private String written() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void stoppingWritesOutEveryLineAndLeavesStandardErrorOpen() {
    for (int i = 0; i < 1000; i++) {
      log("line " + i + " " + "x".repeat(i % 97));
    }
    appender.stop();

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      expected.add("line " + i + " " + "x".repeat(i % 97));
    }
    assertThat(written().lines()).containsExactlyElementsOf(expected);
    System.err.print("still open");
    assertThat(written()).endsWith("still open");
  }

  @Test
  void aBurstIsWrittenOutSoonWithoutStopping() throws Exception {
    log("first");
    log("second");

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!written().contains("second") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(written()).isEqualTo("first\nsecond\n");
    log("third");
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!written().contains("third") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(written()).isEqualTo("first\nsecond\nthird\n");
  }

  @Test
  void linesOfConcurrentWritersStayWhole() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> writers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int writer = t;
      writers.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < 500; i++) {
                  // Long lines: some fill the buffer past its end.
                  log(writer + ":" + i + ":" + "y".repeat(1000 + i));
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> w : writers) {
      w.get();
    }
    pool.shutdown();
    appender.stop();

    List<String> lines = written().lines().toList();
    assertThat(lines).hasSize(8 * 500);
    for (String line : lines) {
      String[] parts = line.split(":");
      assertThat(parts).hasSize(3);
      assertThat(parts[2]).isEqualTo("y".repeat(1000 + Integer.parseInt(parts[1])));
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openpeople.server.RequestLog;
import dev.openpeople.server.RequestTrace;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code --log-format}: access-log lines as text with key=value pairs, or as JSON objects. */
class LogFormatTest {
  private static final RequestTrace TRACE = new RequestTrace();

  private static String logAnAccessLine(LogFormat format) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      format.apply();
      new RequestLog(new SimpleMeterRegistry())
          .completed("GET", "/v1/people/me", TRACE, 200, 1_500_000);
    } finally {
      System.setErr(original);
      restoreTestLogging();
    }
    return captured.toString(StandardCharsets.UTF_8).trim();
  }

  private static void restoreTestLogging() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LogFormatTest.class.getResource("/logback-test.xml"));
  }

  @Test
  void jsonFormatWritesOneObjectPerLineWithTheAccessFields() throws Exception {
    String line = logAnAccessLine(LogFormat.json);

    assertThat(line.lines()).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.path("level").asText()).isEqualTo("INFO");
    assertThat(json.path("loggerName").asText()).isEqualTo("dev.openpeople.access");
    assertThat(json.path("message").asText()).isEqualTo("GET /v1/people/me");
    assertThat(json.path("kvpList").toString())
        .contains(
            "\"requestId\":\"" + TRACE.requestId() + "\"",
            "\"user\":\"-\"",
            "\"method\":\"unmatched\"",
            "\"status\":\"200\"");
  }

  @Test
  void textFormatWritesKeyValuePairs() throws Exception {
    String line = logAnAccessLine(LogFormat.text);

    assertThat(line)
        .contains(
            "GET /v1/people/me",
            "requestId=\"" + TRACE.requestId() + "\"",
            "user=\"-\"",
            "method=\"unmatched\"",
            "status=\"200\"",
            "latencyMs=\"1.5\"");
  }
}

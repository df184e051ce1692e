// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.openpeople.OpenPeopleServerExtension;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics} in Prometheus format: requests by discovery method id and status with
 * latency buckets, storage and group-commit timings, the JVM; and one access-log line per request.
 */
class MetricsWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final String CREATE = "v1/people:createContact";

  private static double sample(String scrape, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
    assertThat(m.find()).as("series %s in%n%s", series, scrape).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static String scrape() throws Exception {
    HttpResponse<String> response = SERVER.call("GET", "/metrics", null, null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain; version=0.0.4");
    return response.body();
  }

  @Test
  void requestsAreCountedByDiscoveryMethodAndStatus() throws Exception {
    String body = "{\"names\":[{\"givenName\":\"Metered\"}]}";
    SERVER.call("POST", CREATE, "metrics@example.com", body);
    SERVER.call("POST", CREATE, "metrics@example.com", body);
    SERVER.call("POST", CREATE, null, body);

    String scrape = scrape();

    String ok = "{method=\"people.people.createContact\",status=\"200\"}";
    assertThat(sample(scrape, "openpeople_requests_seconds_count" + ok)).isGreaterThanOrEqualTo(2);
    assertThat(
            sample(
                scrape,
                "openpeople_requests_seconds_count"
                    + "{method=\"people.people.createContact\",status=\"401\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(
            sample(
                scrape,
                "openpeople_requests_seconds_bucket"
                    + "{method=\"people.people.createContact\",status=\"200\",le=\"+Inf\"}"))
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void storageGroupCommitAndJvmAreMeasured() throws Exception {
    SERVER.call("POST", CREATE, "storage@example.com", "{\"names\":[{\"givenName\":\"S\"}]}");
    SERVER.call("GET", "v1/people/me?personFields=names", "storage@example.com", null);

    String scrape = scrape();

    assertThat(sample(scrape, "openpeople_storage_transactions_seconds_count{kind=\"write\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(sample(scrape, "openpeople_storage_transactions_seconds_count{kind=\"read\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(sample(scrape, "openpeople_storage_group_commit_seconds_count"))
        .isGreaterThanOrEqualTo(1);
    assertThat(sample(scrape, "openpeople_storage_group_commit_transactions_sum"))
        .isGreaterThanOrEqualTo(1);
    assertThat(scrape).contains("jvm_memory_used_bytes{", "jvm_threads_live_threads", "jvm_gc_");
  }

  @Test
  void everyRequestLeavesOneAccessLogLine() throws Exception {
    Logger access = (Logger) LoggerFactory.getLogger("dev.openpeople.access");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    // The test logging configuration keeps INFO quiet; this logger speaks to the list only.
    Level level = access.getLevel();
    access.setLevel(Level.INFO);
    access.setAdditive(false);
    access.addAppender(lines);
    try {
      SERVER.call("GET", "v1/people/me?personFields=names", "logged@example.com", null);
      SERVER.call("GET", "v1//people/me", null, null);
    } finally {
      access.detachAppender(lines);
      access.setAdditive(true);
      access.setLevel(level);
    }

    assertThat(lines.list).hasSize(2);
    Map<String, Object> first = fields(lines.list.get(0));
    assertThat(lines.list.get(0).getFormattedMessage()).isEqualTo("GET /v1/people/me");
    assertThat(first)
        .containsEntry("user", "logged@example.com")
        .containsEntry("method", "people.people.get")
        .containsEntry("status", 200)
        .containsKeys("requestId", "latencyMs");
    assertThat((String) first.get("requestId")).hasSize(36);
    assertThat(fields(lines.list.get(1))).containsEntry("status", 400).containsEntry("user", "-");
  }

  private static Map<String, Object> fields(ILoggingEvent event) {
    return event.getKeyValuePairs().stream().collect(Collectors.toMap(p -> p.key, p -> p.value));
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.error.ApiException;
import dev.openpeople.error.GoogleJsonErrors;
import dev.openpeople.server.Quotas.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class QuotasTest {
  private final Map<String, long[]> windows = new HashMap<>();
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-26T10:00:15Z"));

  /** The database's fixed-window counter, in memory. */
  private long add(String key, long window, long amount) {
    long[] w = windows.computeIfAbsent(key, k -> new long[] {window, 0});
    if (w[0] != window) {
      w[0] = window;
      w[1] = 0;
    }
    w[1] += amount;
    return w[1];
  }

  private Quotas quotas(Quotas.Limits limits) {
    return new Quotas(limits, this::add, now::get);
  }

  @Test
  void writesCostWhatGooglesGuideSays() throws Exception {
    assertThat(Quotas.costs("people.people.createContact", null))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Metric.CRITICAL_READS, 1L,
                Metric.CRITICAL_WRITES, 1L,
                Metric.DAILY_CONTACT_WRITES, 1L));
    JsonNode batch = Json.MAPPER.readTree("{\"contacts\":[{},{},{}]}");
    assertThat(Quotas.costs("people.people.batchCreateContacts", batch))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Metric.CRITICAL_READS, 6L,
                Metric.CRITICAL_WRITES, 6L,
                Metric.DAILY_CONTACT_WRITES, 3L));
    assertThat(Quotas.costs("people.people.batchDeleteContacts", null))
        .containsExactlyEntriesOf(Map.of(Metric.WRITES, 10L));
    assertThat(Quotas.costs("people.contactGroups.list", null))
        .containsExactlyEntriesOf(Map.of(Metric.READS, 1L));
    assertThat(Quotas.costs("people.people.connections.list", null))
        .containsExactlyEntriesOf(Map.of(Metric.CRITICAL_READS, 1L));
    assertThat(Quotas.costs("people.people.updateContactPhoto", null))
        .containsExactlyEntriesOf(Map.of(Metric.PHOTO_WRITES, 1L));
  }

  @Test
  void theLimitHoldsPerUserAndMinuteAndANewMinuteStartsAgain() {
    Quotas quotas = quotas(Quotas.Limits.google().with("critical-reads=2"));
    quotas.charge("people.people.connections.list", "a@x.com", null);
    quotas.charge("people.people.connections.list", "a@x.com", null);
    quotas.charge("people.people.connections.list", "b@x.com", null);

    assertThatThrownBy(() -> quotas.charge("people.people.get", "a@x.com", null))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.error().httpStatus()).isEqualTo(429);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Quota exceeded for quota metric 'Critical read requests' and limit"
                          + " 'Critical read requests per minute per user' of service"
                          + " 'people.googleapis.com' for consumer 'project_number:0'.");
              // 10:00:15 -> the window ends at 10:01:00.
              assertThat(e.retryDelay()).isEqualTo(Duration.ofSeconds(45));
              assertThat(e.headers()).containsEntry("Retry-After", "45");
              assertThat(e.metadata())
                  .containsEntry("quota_limit", "CriticalReadsPerMinutePerProjectPerUser")
                  .containsEntry("quota_limit_value", "2");
            });

    now.set(Instant.parse("2026-11-26T10:01:00Z"));
    quotas.charge("people.people.get", "a@x.com", null);
  }

  @Test
  void dailyContactWritesResetAtMidnightPacificTime() {
    Quotas quotas = quotas(Quotas.Limits.google().with("daily-contact-writes=1"));
    // 07:59 UTC on 26 Nov is 23:59 on 25 Nov in Los Angeles (PST, UTC-8).
    now.set(Instant.parse("2026-11-26T07:59:30Z"));
    quotas.charge("people.people.createContact", "a@x.com", null);

    assertThatThrownBy(() -> quotas.charge("people.people.createContact", "a@x.com", null))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getMessage()).contains("'Daily Contact Writes per day per user'");
              assertThat(e.retryDelay()).isEqualTo(Duration.ofSeconds(30));
            });

    now.set(Instant.parse("2026-11-26T08:00:00Z"));
    quotas.charge("people.people.createContact", "a@x.com", null);
  }

  @Test
  void theErrorBodyCarriesErrorInfoAndRetryInfo() {
    Quotas quotas = quotas(Quotas.Limits.google().with("writes=1"));
    quotas.charge("people.people.deleteContact", "a@x.com", null);
    ApiException e = null;
    try {
      quotas.charge("people.contactGroups.create", "a@x.com", null);
    } catch (ApiException thrown) {
      e = thrown;
    }
    assertThat(e).isNotNull();

    JsonNode error = GoogleJsonErrors.body(e).path("error");

    assertThat(error.path("status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
    assertThat(error.path("details").get(0).path("reason").asText())
        .isEqualTo("RATE_LIMIT_EXCEEDED");
    assertThat(error.path("details").get(1).path("@type").asText())
        .isEqualTo("type.googleapis.com/google.rpc.RetryInfo");
    assertThat(error.path("details").get(1).path("retryDelay").asText()).isEqualTo("45s");
  }

  @Test
  void unknownOrBadLimitsAreRefusedWithTheNames() {
    assertThatThrownBy(() -> Quotas.Limits.google().with("reads=0"))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Quotas.Limits.google().with("speed=3"))
        .hasMessageContaining("critical-reads");
  }
}

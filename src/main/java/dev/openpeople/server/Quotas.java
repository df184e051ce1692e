// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Google's per-user People API quotas, enforced on request (off unless the server is started with
 * {@code --quotas google}): each method costs units of one or more quota metrics, counted per user
 * in fixed windows on the server clock (a minute; a day, from midnight Pacific time, for daily
 * contact writes), in the database, so every node shares the counts. A call that would pass a limit
 * answers Google's 429 RESOURCE_EXHAUSTED with ErrorInfo {@code RATE_LIMIT_EXCEEDED}, a {@code
 * google.rpc.RetryInfo} and a {@code Retry-After} header naming the end of the window.
 *
 * <p>The costs follow what Google's People API guide gives per operation
 * (https://developers.google.com/people/v1/contacts): a create or update costs one critical read,
 * one critical write and one daily contact write; a batch create or update of up to 200 costs 6, 6
 * and one daily write per contact; a batch delete 10 write requests. Google publishes no per-user
 * limits, only each Cloud project's defaults in its console; {@link Limits#google()} holds commonly
 * reported defaults, and each can be changed with {@code --quota NAME=N}.
 */
public final class Quotas {
  /** A quota metric, as Google's error messages and ErrorInfo metadata name it. */
  public enum Metric {
    CRITICAL_READS(
        "critical-reads",
        "Critical read requests",
        "CriticalReadsPerMinutePerProjectPerUser",
        "people.googleapis.com/critical_read_requests",
        60,
        false),
    CRITICAL_WRITES(
        "critical-writes",
        "Critical write requests",
        "CriticalWritesPerMinutePerProjectPerUser",
        "people.googleapis.com/critical_write_requests",
        30,
        false),
    WRITES(
        "writes",
        "Write requests",
        "WritesPerMinutePerProjectPerUser",
        "people.googleapis.com/write_requests",
        30,
        false),
    PHOTO_WRITES(
        "photo-writes",
        "Photo write requests",
        "PhotoWritesPerMinutePerProjectPerUser",
        "people.googleapis.com/photo_write_requests",
        50,
        false),
    READS(
        "reads",
        "Read requests",
        "ReadsPerMinutePerProjectPerUser",
        "people.googleapis.com/read_requests",
        90,
        false),
    DAILY_CONTACT_WRITES(
        "daily-contact-writes",
        "Daily Contact Writes",
        "DailyContactWritesPerProjectPerUser",
        "people.googleapis.com/daily_contact_writes",
        100_000,
        true);

    private final String flagName;
    private final String displayName;
    private final String limitId;
    private final String metricId;
    private final long googleDefault;
    private final boolean daily;

    Metric(
        String flagName,
        String displayName,
        String limitId,
        String metricId,
        long googleDefault,
        boolean daily) {
      this.flagName = flagName;
      this.displayName = displayName;
      this.limitId = limitId;
      this.metricId = metricId;
      this.googleDefault = googleDefault;
      this.daily = daily;
    }

    /** The name {@code --quota NAME=N} takes, e.g. {@code critical-reads}. */
    public String flagName() {
      return flagName;
    }

    public long googleDefault() {
      return googleDefault;
    }

    private String limitName() {
      return displayName + (daily ? " per day per user" : " per minute per user");
    }
  }

  /** Per-user limits by metric; a metric that is absent is not limited. */
  public record Limits(Map<Metric, Long> perUser) {
    public Limits {
      perUser = Map.copyOf(perUser);
    }

    /** The commonly reported defaults of a Cloud project, every metric limited. */
    public static Limits google() {
      Map<Metric, Long> limits = new EnumMap<>(Metric.class);
      for (Metric metric : Metric.values()) {
        limits.put(metric, metric.googleDefault);
      }
      return new Limits(limits);
    }

    /**
     * These limits with one changed, from {@code NAME=N} (e.g. {@code critical-reads=600}).
     *
     * @throws IllegalArgumentException naming the accepted names when {@code spec} is not one
     */
    public Limits with(String spec) {
      int eq = spec.indexOf('=');
      String name = eq < 0 ? spec : spec.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      for (Metric metric : Metric.values()) {
        if (metric.flagName.equals(name)) {
          long value;
          try {
            value = Long.parseLong(spec.substring(eq + 1).trim());
          } catch (NumberFormatException e) {
            value = -1;
          }
          if (value < 1) {
            throw new IllegalArgumentException(
                "--quota " + spec + ": the limit must be a whole number of at least 1.");
          }
          Map<Metric, Long> changed = new EnumMap<>(Metric.class);
          changed.putAll(perUser);
          changed.put(metric, value);
          return new Limits(changed);
        }
      }
      throw new IllegalArgumentException(
          "--quota "
              + spec
              + ": expected NAME=N with NAME one of "
              + List.of(Metric.values()).stream().map(Metric::flagName).toList());
    }
  }

  /** Where the counts live: adds {@code amount} in a window and returns the window's total. */
  public interface Counter {
    long add(String key, long window, long amount);
  }

  /** Google's daily quotas reset at midnight Pacific time. */
  private static final ZoneId DAILY_RESET_ZONE = ZoneId.of("America/Los_Angeles");

  private final Limits limits;
  private final Counter counter;
  private final Supplier<Instant> clock;

  public Quotas(Limits limits, Counter counter, Supplier<Instant> clock) {
    this.limits = limits;
    this.counter = counter;
    this.clock = clock;
  }

  /**
   * Charges one call of {@code discoveryId} by {@code user}; throws Google's 429 when a limit would
   * be passed. {@code body} (the validated request body, if any) sizes batch writes.
   */
  void charge(String discoveryId, String user, @Nullable JsonNode body) {
    Map<Metric, Long> costs = costs(discoveryId, body);
    Instant now = clock.get();
    for (Map.Entry<Metric, Long> cost : costs.entrySet()) {
      Metric metric = cost.getKey();
      Long limit = limits.perUser().get(metric);
      if (limit == null || cost.getValue() == 0) {
        continue;
      }
      long window = window(metric, now);
      String key = "quota:" + metric.flagName + ":" + user;
      if (counter.add(key, window, cost.getValue()) > limit) {
        throw exceeded(metric, limit, untilNextWindow(metric, now));
      }
    }
  }

  /** What one call costs, by metric (Google's guide; reads of groups count as plain reads). */
  static Map<Metric, Long> costs(String discoveryId, @Nullable JsonNode body) {
    Map<Metric, Long> costs = new EnumMap<>(Metric.class);
    switch (discoveryId) {
      case "people.people.createContact",
          "people.people.updateContact",
          "people.otherContacts.copyOtherContactToMyContactsGroup" -> {
        costs.put(Metric.CRITICAL_READS, 1L);
        costs.put(Metric.CRITICAL_WRITES, 1L);
        costs.put(Metric.DAILY_CONTACT_WRITES, 1L);
      }
      case "people.people.batchCreateContacts", "people.people.batchUpdateContacts" -> {
        costs.put(Metric.CRITICAL_READS, 6L);
        costs.put(Metric.CRITICAL_WRITES, 6L);
        JsonNode contacts = body == null ? null : body.get("contacts");
        costs.put(
            Metric.DAILY_CONTACT_WRITES, contacts == null ? 1L : Math.max(1, contacts.size()));
      }
      case "people.people.deleteContact",
          "people.contactGroups.create",
          "people.contactGroups.update",
          "people.contactGroups.delete",
          "people.contactGroups.members.modify" ->
          costs.put(Metric.WRITES, 1L);
      case "people.people.batchDeleteContacts" -> costs.put(Metric.WRITES, 10L);
      case "people.people.updateContactPhoto", "people.people.deleteContactPhoto" ->
          costs.put(Metric.PHOTO_WRITES, 1L);
      case "people.contactGroups.get",
          "people.contactGroups.list",
          "people.contactGroups.batchGet" ->
          costs.put(Metric.READS, 1L);
      default -> {
        if (discoveryId.startsWith("people.")) {
          // people.get, getBatchGet, connections.list, the searches and the directory: reads of
          // contacts and profiles.
          costs.put(Metric.CRITICAL_READS, 1L);
        }
      }
    }
    return costs;
  }

  private static long window(Metric metric, Instant now) {
    if (metric.daily) {
      return now.atZone(DAILY_RESET_ZONE).toLocalDate().toEpochDay();
    }
    return Math.floorDiv(now.getEpochSecond(), 60);
  }

  private static Duration untilNextWindow(Metric metric, Instant now) {
    Instant next;
    if (metric.daily) {
      ZonedDateTime local = now.atZone(DAILY_RESET_ZONE);
      next = local.toLocalDate().plusDays(1).atStartOfDay(DAILY_RESET_ZONE).toInstant();
    } else {
      next = Instant.ofEpochSecond((Math.floorDiv(now.getEpochSecond(), 60) + 1) * 60);
    }
    Duration wait = Duration.between(now, next);
    // Whole seconds, rounded up, and never 0: a client that waits that long finds a new window.
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return Duration.ofSeconds(seconds);
  }

  private static ApiException exceeded(Metric metric, long limit, Duration retryAfter) {
    return new ApiException(ApiError.RATE_LIMIT_EXCEEDED, metric.displayName, metric.limitName())
        .withMetadata("quota_metric", metric.metricId)
        .withMetadata("quota_limit", metric.limitId)
        .withMetadata("quota_limit_value", Long.toString(limit))
        .withMetadata("consumer", "projects/0")
        .withRetryDelay(retryAfter)
        .withHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
  }
}

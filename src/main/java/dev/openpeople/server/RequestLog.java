// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of every HTTP request: one access-log line (logger {@code dev.openpeople.access}) with
 * request id, user, route, status and latency, and the {@code openpeople.requests} timer tagged by
 * route ({@code method}: the discovery method id or plain route) and status.
 */
public final class RequestLog {
  private static final Logger ACCESS = LoggerFactory.getLogger("dev.openpeople.access");

  /** Latency buckets of the request histogram (Prometheus {@code le} labels). */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private final MeterRegistry registry;

  /** The timer of each route and status, registered once (a registration is a costly lookup). */
  private final ConcurrentMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

  private record TimerKey(String route, int status) {}

  public RequestLog(MeterRegistry registry) {
    this.registry = registry;
  }

  private Timer timer(TimerKey key) {
    return Timer.builder("openpeople.requests")
        .description("HTTP requests by route (discovery method id) and status")
        .tags("method", key.route(), "status", Integer.toString(key.status()))
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }

  /** Records a Jetty request answered with {@code status} now. */
  void completed(Request request, String path, RequestTrace trace, int status) {
    completed(
        request.getMethod(), path, trace, status, System.nanoTime() - request.getBeginNanoTime());
  }

  /** Records a finished request; {@code nanos} is its latency from the first byte read. */
  public void completed(
      String httpMethod, String path, RequestTrace trace, int status, long nanos) {
    timers
        .computeIfAbsent(new TimerKey(trace.route(), status), this::timer)
        .record(nanos, TimeUnit.NANOSECONDS);
    if (ACCESS.isInfoEnabled()) {
      long micros = TimeUnit.NANOSECONDS.toMicros(nanos);
      ACCESS
          .atInfo()
          .addKeyValue("requestId", trace.requestId())
          .addKeyValue("user", trace.user() == null ? "-" : trace.user())
          .addKeyValue("method", trace.route())
          .addKeyValue("status", status)
          .addKeyValue("latencyMs", micros / 1000.0)
          .log(httpMethod + " " + path);
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The request timer: one per route and status, each counting exactly its own requests. */
class RequestLogTest {
  @Test
  void eachRouteAndStatusCountsItsOwnRequests() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    RequestLog log = new RequestLog(registry);
    RequestTrace create = new RequestTrace();
    create.route("people.people.createContact");
    RequestTrace list = new RequestTrace();
    list.route("people.people.connections.list");

    log.completed("POST", "/v1/people:createContact", create, 200, 2_000_000);
    log.completed("POST", "/v1/people:createContact", create, 200, 4_000_000);
    log.completed("POST", "/v1/people:createContact", create, 400, 1_000_000);
    log.completed("GET", "/v1/people/me/connections", list, 200, 3_000_000);

    assertThat(timer(registry, "people.people.createContact", "200").count()).isEqualTo(2);
    assertThat(
            timer(registry, "people.people.createContact", "200").totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo(6.0);
    assertThat(timer(registry, "people.people.createContact", "400").count()).isEqualTo(1);
    assertThat(timer(registry, "people.people.connections.list", "200").count()).isEqualTo(1);
    assertThat(registry.find("openpeople.requests").timers()).hasSize(3);
  }

  private static Timer timer(SimpleMeterRegistry registry, String method, String status) {
    return registry.get("openpeople.requests").tag("method", method).tag("status", status).timer();
  }
}

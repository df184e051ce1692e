// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.metrics;

import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics}: the Prometheus scrape endpoint, unauthenticated and on in both modes (an
 * operator feature, like {@code /healthz}); bind the server to a private address or filter the path
 * at a proxy to keep it from the public.
 */
public final class MetricsRoutes implements Routes {
  /** Prometheus text exposition format 0.0.4. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final ServerMetrics metrics;

  public MetricsRoutes(ServerMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void define(Router router) {
    router.on("GET", "/metrics", this::scrape);
  }

  ApiReply scrape(ApiCall call) {
    return ApiReply.bytes(200, CONTENT_TYPE, metrics.scrape().getBytes(StandardCharsets.UTF_8));
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the pipeline learns about one HTTP request for its access-log line and metrics: the request
 * id (also in INTERNAL error bodies), the route it matched and the authenticated user.
 */
public final class RequestTrace {
  /** The route id of a request no route matched. */
  public static final String UNMATCHED = "unmatched";

  private final String requestId = UUID.randomUUID().toString();
  private String route = UNMATCHED;
  private @Nullable String user;

  public String requestId() {
    return requestId;
  }

  /** The discovery method id, the plain route, or {@link #UNMATCHED}. */
  public String route() {
    return route;
  }

  public @Nullable String user() {
    return user;
  }

  void route(String id) {
    this.route = id;
  }

  void user(String email) {
    this.user = email;
  }
}

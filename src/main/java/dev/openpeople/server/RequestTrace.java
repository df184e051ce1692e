// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * What the pipeline learns about one HTTP request for its access-log line and metrics: the request
 * id (also in INTERNAL error bodies), the route it matched and the authenticated user.
 */
public final class RequestTrace {
  /** The route id of a request no route matched. */
  public static final String UNMATCHED = "unmatched";

  private final String requestId = randomUuid().toString();
  private String route = UNMATCHED;
  private @Nullable String user;

  /**
   * A random (version 4, RFC 9562 section 5.4) UUID from the thread's generator: a request id names
   * a request, it guards nothing, so it need not come from {@link UUID#randomUUID}'s shared
   * SecureRandom, whose lock all request threads would take.
   */
  static UUID randomUuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0xC0L << 56)) | (0x80L << 56);
    return new UUID(high, low);
  }

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

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Emulator fault injection: the next N requests of a discovery method (optionally of one user) fail
 * with a chosen error, so clients' retry and resync paths can be tested. The {@link Dispatcher}
 * consults it once per authenticated API call, inner batch calls included; it exists only in
 * emulator mode.
 */
public final class FaultInjector {
  /** The errors a fault can answer. */
  public enum Kind {
    /** 429 RESOURCE_EXHAUSTED, Google's per-user rate-limit body. */
    RESOURCE_EXHAUSTED,
    /** 503 UNAVAILABLE. */
    UNAVAILABLE,
    /** 400 FAILED_PRECONDITION with ErrorInfo reason EXPIRED_SYNC_TOKEN. */
    EXPIRED_SYNC_TOKEN
  }

  /**
   * One armed fault.
   *
   * @param method a discovery method id, e.g. {@code people.otherContacts.list}
   * @param user the lower-cased e-mail it is limited to, or null for every user
   * @param remaining how many more matching requests it fails
   */
  public record Fault(String method, @Nullable String user, Kind kind, int remaining) {}

  /**
   * Where armed faults live: in the database, shared by every node (so arming on one node fails the
   * next matching request on any node).
   */
  public interface Store {
    /** Called once at the start of every request: re-reads the state all nodes share. */
    void refresh();

    List<Fault> list();

    void add(String method, @Nullable String user, Kind kind, int count);

    void clear();

    /** Consumes one request of the first armed fault matching; null when none matches. */
    @Nullable Kind consume(String method, String user);
  }

  private final Store store;

  public FaultInjector(Store store) {
    this.store = store;
  }

  /** Re-reads the shared emulator state; the {@link Dispatcher} calls it once per request. */
  void refresh() {
    store.refresh();
  }

  /** Arms a fault for the next {@code count} matching requests. */
  public void add(Operation method, @Nullable String user, Kind kind, int count) {
    store.add(method.discoveryId(), user, kind, count);
  }

  public List<Fault> list() {
    return store.list();
  }

  public void clear() {
    store.clear();
  }

  /** Throws the error of the first fault matching this call, consuming one of its requests. */
  void apply(Operation operation, String user) {
    Kind kind = store.consume(operation.discoveryId(), user);
    if (kind != null) {
      throw error(kind, operation);
    }
  }

  private static ApiException error(Kind kind, Operation operation) {
    return switch (kind) {
      case RESOURCE_EXHAUSTED ->
          // The per-user quota body Google answers (observed in real responses).
          new ApiException(
                  ApiError.RATE_LIMIT_EXCEEDED,
                  "Critical read requests (Contact and Profile Reads)",
                  "Critical read requests (Contact and Profile Reads) per minute per user")
              .withMetadata("quota_metric", "people.googleapis.com/read_requests")
              .withMetadata("quota_limit", "ReadRequestsPerMinutePerProjectPerUser")
              .withMetadata("consumer", "projects/0")
              .withMetadata("method", operation.rpcName());
      case UNAVAILABLE -> new ApiException(ApiError.UNAVAILABLE);
      case EXPIRED_SYNC_TOKEN -> new ApiException(ApiError.EXPIRED_SYNC_TOKEN);
    };
  }
}

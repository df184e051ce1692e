// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import java.util.ArrayList;
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

  private final List<Fault> faults = new ArrayList<>();

  /** Arms a fault for the next {@code count} matching requests. */
  public synchronized void add(Operation method, @Nullable String user, Kind kind, int count) {
    faults.add(new Fault(method.discoveryId(), user, kind, count));
  }

  public synchronized List<Fault> list() {
    return List.copyOf(faults);
  }

  public synchronized void clear() {
    faults.clear();
  }

  /** Throws the error of the first fault matching this call, consuming one of its requests. */
  synchronized void apply(Operation operation, String user) {
    for (int index = 0; index < faults.size(); index++) {
      Fault fault = faults.get(index);
      String only = fault.user();
      if (!fault.method().equals(operation.discoveryId()) || (only != null && !only.equals(user))) {
        continue;
      }
      if (fault.remaining() <= 1) {
        faults.remove(index);
      } else {
        faults.set(
            index, new Fault(fault.method(), fault.user(), fault.kind(), fault.remaining() - 1));
      }
      throw error(fault.kind(), operation);
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

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.othercontacts;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.function.ToLongBiFunction;

/**
 * The per-user quota on the first page of a full otherContacts sync
 * (https://developers.google.com/people/api/rest/v1/otherContacts/list: "The first page of a full
 * sync request has an additional quota. If the quota is exceeded, a 429 error will be returned.").
 * A fixed one-minute window per user on the server clock, counted in the database so all nodes
 * share it; 0 turns it off.
 */
public final class FirstPageQuota {
  private final int perMinute;
  private final Supplier<Instant> clock;

  /** (user, minute) -> first pages counted for the user in that minute, this one included. */
  private final ToLongBiFunction<String, Long> counters;

  FirstPageQuota(int perMinute, Supplier<Instant> clock, ToLongBiFunction<String, Long> counters) {
    this.perMinute = perMinute;
    this.clock = clock;
    this.counters = counters;
  }

  /** Counts one first page for {@code user}; over the limit it is 429 RESOURCE_EXHAUSTED. */
  void acquire(String user) {
    if (perMinute <= 0) {
      return;
    }
    long minute = clock.get().getEpochSecond() / 60;
    if (counters.applyAsLong(user, minute) > perMinute) {
      throw new ApiException(
              ApiError.RATE_LIMIT_EXCEEDED,
              "Other contacts full sync first page requests",
              "Other contacts full sync first page requests per minute per user")
          .withMetadata(
              "quota_metric", "people.googleapis.com/other_contacts_full_sync_first_page_requests")
          .withMetadata("quota_limit", "FullSyncFirstPageRequestsPerMinutePerUser")
          .withMetadata("quota_limit_value", Integer.toString(perMinute))
          .withMetadata("consumer", "projects/0");
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which of a domain's shared contacts a listing selects and in what order, as a GData feed query
 * asks for them; how the listing is paged is {@link dev.openpeople.listing.Listing#window}'s.
 *
 * @param updatedMin only contacts changed at or after this instant, or null for all
 * @param showDeleted include tombstones
 * @param byLastModified order by last change (then change sequence) instead of by id
 * @param descending the reverse order
 * @param text only contacts with a word starting with this (lower case), or null for all
 */
public record SharedContactQuery(
    @Nullable Instant updatedMin,
    boolean showDeleted,
    boolean byLastModified,
    boolean descending,
    @Nullable String text) {

  /** The live contacts by id: the directory's listing. */
  public static final SharedContactQuery LIVE_BY_ID =
      new SharedContactQuery(null, false, false, false, null);
}

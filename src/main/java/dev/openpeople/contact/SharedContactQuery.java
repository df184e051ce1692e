// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A filtered, ordered window of a domain's shared contacts, as a GData feed query asks for it.
 *
 * @param updatedMin only contacts changed at or after this instant, or null for all
 * @param showDeleted include tombstones
 * @param byLastModified order by last change instead of by id
 * @param offset zero-based index of the first row
 * @param text only contacts with a word starting with this (lower case), or null for all
 * @param after the {@link #key} of the last row of the previous page: rows after it, skipping
 *     {@code offset} (a seek instead of an O(offset) scan), or null
 */
public record SharedContactQuery(
    @Nullable Instant updatedMin,
    boolean showDeleted,
    boolean byLastModified,
    boolean descending,
    long offset,
    int limit,
    @Nullable String text,
    @Nullable String after) {

  /** A row's position in this query's order, for {@code after}. */
  public String key(SharedContact contact) {
    return byLastModified ? contact.updated().toEpochMilli() + "." + contact.seq() : contact.id();
  }
}

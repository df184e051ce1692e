// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.listing;

/**
 * A position in a listing: the sort key, sequence and id of the last row returned (what each means
 * is up to the {@link ChangeLog} that issued it). Keyset paging on it keeps each page O(page size)
 * however deep the listing goes.
 */
public record Cursor(String key, long seq, long id) {}

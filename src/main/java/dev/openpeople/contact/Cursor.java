// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

/**
 * A position in a listing: the sort key, sequence and id of the last contact returned. Keyset
 * paging on it keeps each page O(page size) however deep the listing goes.
 */
public record Cursor(String key, long seq, long id) {
  /** The cursor just after {@code contact} in {@code order}. */
  public static Cursor after(Contact contact, SortOrder order) {
    String key =
        switch (order) {
          case FIRST_NAME_ASCENDING -> contact.keys().firstName();
          case LAST_NAME_ASCENDING -> contact.keys().lastName();
          default -> "";
        };
    return new Cursor(key, contact.seq(), contact.id());
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.Photo;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One contact read from a file, or why it could not be read.
 *
 * @param where the card, row or line of the file it came from, as a person reads it ("card 3, line
 *     17")
 * @param person the People API {@code Person} fields (request shape), without memberships
 * @param groups the user group names it belongs to (created when missing)
 * @param groupIds the groups it belongs to by id (system groups, or user groups already known)
 * @param cardJson what only vCard knows, stored for CardDAV (a JSON object, "{}" when nothing)
 * @param error why it was skipped, or null
 */
record Item(
    String where,
    ObjectNode person,
    List<String> groups,
    List<String> groupIds,
    String cardJson,
    @Nullable Photo photo,
    @Nullable String error) {

  static Item bad(String where, String error) {
    return new Item(
        where, dev.openpeople.server.Json.object(), List.of(), List.of(), "{}", null, error);
  }

  /** Receives the items of a file in order. */
  @FunctionalInterface
  interface Sink {
    void accept(Item item);
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** The search rule of searchContacts and otherContacts.search over one store's term index. */
final class ContactSearch {
  private ContactSearch() {}

  /**
   * Prefix-phrase search: the query as typed, and for phone-like queries ({@link #phoneLike}) its
   * digits and the digits of its E.164 form ({@link PhoneNumbers#searchDigits}) too; results sorted
   * by name, at most {@code limit}. {@code find} reads the live rows among the first {@code limit}
   * owners of terms starting with a prefix. Only contacts written at or before {@code asOfSeq} are
   * found: later writes have not reached the search yet.
   */
  static List<Contact> find(
      String query,
      int limit,
      PhoneNumbers phones,
      BiFunction<String, Integer, List<Contact>> find,
      long asOfSeq) {
    Map<Long, Contact> byId = new LinkedHashMap<>();
    find.apply(query, limit).forEach(c -> byId.putIfAbsent(c.id(), c));
    if (phoneLike(query)) {
      find.apply(query.replaceAll("[^0-9]", ""), limit).forEach(c -> byId.putIfAbsent(c.id(), c));
      phones
          .searchDigits(query)
          .ifPresent(e164 -> find.apply(e164, limit).forEach(c -> byId.putIfAbsent(c.id(), c)));
    }
    List<Contact> found = new ArrayList<>();
    for (Contact contact : byId.values()) {
      if (contact.seq() <= asOfSeq) {
        found.add(contact);
      }
    }
    found.sort(
        Comparator.comparing((Contact c) -> c.keys().firstName())
            .thenComparing(c -> c.keys().lastName())
            .thenComparingLong(Contact::id));
    return found.subList(0, Math.min(limit, found.size()));
  }

  /**
   * Whether {@link #find} reads more than the query's own prefix: a query of phone characters with
   * at least one digit. Other queries take one statement.
   */
  static boolean phoneLike(String query) {
    return query.matches("[0-9+\\-(). ]+") && query.chars().anyMatch(Character::isDigit);
  }
}

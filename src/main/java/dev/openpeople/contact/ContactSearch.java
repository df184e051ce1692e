// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The search rule of searchContacts and otherContacts.search over one store's term index. */
final class ContactSearch {
  private ContactSearch() {}

  /**
   * Prefix-phrase search: the query as typed, and for phone-like queries its digits and the digits
   * of its E.164 form ({@link PhoneNumbers#searchDigits}) too; results sorted by name, at most
   * {@code limit}. Only contacts written at or before {@code asOfSeq} are found: later writes have
   * not reached the search yet.
   */
  static List<Contact> find(
      String query,
      int limit,
      PhoneNumbers phones,
      BiFunction<String, Integer, List<Long>> search,
      Function<Collection<Long>, List<Contact>> getAll,
      long asOfSeq) {
    Set<Long> ids = new LinkedHashSet<>(search.apply(query, limit));
    String digits = query.replaceAll("[^0-9]", "");
    if (query.matches("[0-9+\\-(). ]+") && !digits.isEmpty()) {
      ids.addAll(search.apply(digits, limit));
      phones.searchDigits(query).ifPresent(e164 -> ids.addAll(search.apply(e164, limit)));
    }
    List<Contact> found = new ArrayList<>();
    for (Contact contact : getAll.apply(ids)) {
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
}

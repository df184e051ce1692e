// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import java.util.List;

/**
 * What storage indexes of a contact: the sort keys of the name orders ({@link TextKeys#sortKey} of
 * the first and the last name), the search terms (folded word-aligned suffixes of names, e-mail
 * addresses and phone numbers, {@link TextKeys#fold}) and the ids of the contact groups it belongs
 * to (the membership index behind member counts and member lists).
 */
public record ContactKeys(
    String firstName, String lastName, List<String> searchTerms, List<String> groups) {
  public ContactKeys {
    searchTerms = List.copyOf(searchTerms);
    groups = List.copyOf(groups);
  }

  /** Keys without group memberships. */
  public ContactKeys(String firstName, String lastName, List<String> searchTerms) {
    this(firstName, lastName, searchTerms, List.of());
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import java.util.List;

/**
 * What storage indexes of a contact: the sort keys of the name orders and the search terms
 * (lower-cased word-aligned suffixes of names, e-mail addresses and phone numbers).
 */
public record ContactKeys(String firstName, String lastName, List<String> searchTerms) {
  public ContactKeys {
    searchTerms = List.copyOf(searchTerms);
  }
}

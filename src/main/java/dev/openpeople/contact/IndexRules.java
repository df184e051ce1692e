// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

/**
 * How the index columns of a stored row derive from its stored document, as this build computes
 * them: what {@link Storage#reindex} applies to rows that an older build indexed.
 */
public interface IndexRules {
  /** Names the rules; a database indexed under another version is re-indexed. */
  String version();

  /** The sort keys and search terms of a contact's or an other contact's stored body. */
  ContactKeys contact(String body);

  /** The search text of a shared contact's stored entry. */
  String sharedContact(String entry);
}

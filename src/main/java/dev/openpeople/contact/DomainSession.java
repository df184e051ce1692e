// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import java.util.List;

/**
 * What a transaction sees of one domain: its shared contacts, its change sequence and its users.
 * Shared contacts belong to the domain, not to any user, so they have their own transactions.
 */
public interface DomainSession {
  String domain();

  /** The domain's last change sequence number as of the start of the transaction. */
  long lastSeq();

  SharedContactStore sharedContacts();

  /** Reserves {@code count} change sequence numbers; returns the first. Write sessions only. */
  long allocateSeqs(int count);

  /** Users whose address is in this domain, by address, after {@code afterEmail}. */
  List<User> users(String afterEmail, int limit);

  /**
   * The users among the domain's first {@code maxUsers} by address whose profile (its display names
   * and e-mail addresses, folded) has a word starting with the folded {@code prefix}, by address.
   */
  List<User> searchUsers(String prefix, int maxUsers);

  /** A user of the domain who appeared or whose profile changed, at {@code seq} of the domain. */
  record ProfileChange(long seq, User user) {}

  /**
   * Users who appeared or whose profile changed in {@code (afterSeq, upToSeq]} of the domain's
   * change sequence (the one shared contacts use), by seq; each user once, at its latest change.
   */
  List<ProfileChange> profileChanges(long afterSeq, long upToSeq, int limit);
}

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
}

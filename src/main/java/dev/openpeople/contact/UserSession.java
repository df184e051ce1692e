// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

/**
 * What a transaction sees of one user: the user row, the per-aggregate stores, and the change
 * sequence. Contact, photo and change-sequence writes commit together.
 */
public interface UserSession {
  User user();

  ContactStore contacts();

  PhotoStore photos();

  GroupStore groups();

  /** Which contact holds each CardDAV card UID. */
  CardUidStore cardUids();

  /** The user's other contacts (docs/adr/0008-other-contacts-and-fault-injection.md). */
  OtherContactStore otherContacts();

  /**
   * The users of this server among these lower-cased e-mail addresses, keyed by address: other
   * contacts with a PROFILE source show their profiles. Never creates a user.
   */
  java.util.Map<String, User> usersByEmail(java.util.Collection<String> emails);

  /** Reserves {@code count} change sequence numbers; returns the first. Write sessions only. */
  long allocateSeqs(int count);

  /** Replaces the user's own profile JSON. Write sessions only. */
  void setProfile(String profileJson);
}

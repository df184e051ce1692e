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

  /** Reserves {@code count} change sequence numbers; returns the first. Write sessions only. */
  long allocateSeqs(int count);

  /** Replaces the user's own profile JSON. Write sessions only. */
  void setProfile(String profileJson);
}

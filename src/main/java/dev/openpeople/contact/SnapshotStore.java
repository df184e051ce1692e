// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import java.util.List;

/**
 * The whole-store operations a snapshot needs beyond the user and domain transactions: whether the
 * store is empty, which domains it has, and writing users and domain sequences with exactly the
 * numbers a snapshot recorded (so ids, etags and change sequences survive a restore).
 */
public interface SnapshotStore {
  /** True when the store has no user and no domain. */
  boolean empty();

  /** Every domain with users or shared contacts, by name. */
  List<String> domains();

  /**
   * Creates a user row with exactly these values ({@code user.lastSeq()} included) and its place
   * {@code domainSeq} in its domain's change sequence; creates the domain if new. Fails when the
   * address or id exists.
   */
  void createUser(User user, long domainSeq);

  /** Sets a domain's change sequence number, creating the domain if new. */
  void setDomainSeq(String domain, long lastSeq);
}

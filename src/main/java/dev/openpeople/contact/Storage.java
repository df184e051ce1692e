// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import java.time.Instant;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The storage SPI: transactions scoped to one user, plus the few whole-store operations. Both
 * backends (SQLite and PostgreSQL) implement it with identical behaviour.
 */
public interface Storage extends AutoCloseable {
  /** Work inside one transaction of a user. */
  @FunctionalInterface
  interface Work<T extends @Nullable Object> {
    T run(UserSession session);
  }

  /** Runs read-only work on a consistent snapshot; creates the user if new. */
  <T extends @Nullable Object> T read(String email, Work<T> work);

  /**
   * Runs read-only work that issues a single SQL statement, without a transaction around it: one
   * statement reads one consistent snapshot by itself, and the transaction's BEGIN and COMMIT would
   * cost two more round trips to PostgreSQL. Work of several statements belongs in {@link #read}
   * (each statement here may see another snapshot). Creates the user if new.
   */
  <T extends @Nullable Object> T readStatement(String email, Work<T> work);

  /** Runs work in a write transaction; all of it commits or none of it does. */
  <T extends @Nullable Object> T write(String email, Work<T> work);

  /** Work inside one transaction of a domain's shared data. */
  @FunctionalInterface
  interface DomainWork<T extends @Nullable Object> {
    T run(DomainSession session);
  }

  /** Runs read-only work on a consistent snapshot of a domain. */
  <T extends @Nullable Object> T readDomain(String domain, DomainWork<T> work);

  /** Runs work in a write transaction of a domain; all of it commits or none of it does. */
  <T extends @Nullable Object> T writeDomain(String domain, DomainWork<T> work);

  /** Deletes shared-contact tombstones older than {@code before}; returns how many. */
  int purgeDomainTombstones(Instant before);

  /** Wipes every user and contact (the emulator's reset). */
  void reset();

  /** Deletes tombstones older than {@code before}; returns how many. */
  int purgeTombstones(Instant before);

  /** A named server secret, created once with {@code generator} and shared by all nodes. */
  String secret(String name, Supplier<String> generator);

  /** CardDAV app passwords. */
  AppPasswordStore appPasswords();

  /** Whole-store reads and exact writes of snapshots (dump and restore). */
  SnapshotStore snapshots();

  /** State of the server itself shared by every node on this database (emulator, quotas). */
  ServerState serverState();

  /**
   * Recomputes the sort keys and search terms of every live row when the database records another
   * version of the rules than {@code rules.version()} (rows written by an older build), then
   * records this one; a no-op otherwise. Bodies, change sequences and so etags and sync tokens stay
   * as they are. Safe while other nodes run and write. Returns how many rows it rewrote.
   */
  int reindex(IndexRules rules);

  /** True when the database answers. */
  boolean ready();

  @Override
  void close();
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

/**
 * Refuses a storage transaction opened while the same thread is inside another. A nested
 * transaction is never atomic with the outer one, and where the pool has one connection (SQLite in
 * memory) it waits for the connection its own thread holds until the pool gives up; failing at once
 * names the mistake instead.
 */
final class Nesting {
  private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

  private Nesting() {}

  /** Throws when this thread is inside a transaction. */
  static void refuse() {
    if (INSIDE.get()) {
      throw new IllegalStateException(
          "A storage transaction was opened inside another on the same thread; read what is"
              + " needed before the outer transaction or inside it, through its session.");
    }
  }

  /** Marks this thread as inside a transaction until {@link #leave}. */
  static void enter() {
    refuse();
    INSIDE.set(true);
  }

  static void leave() {
    INSIDE.set(false);
  }
}

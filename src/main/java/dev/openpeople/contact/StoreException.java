// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

/**
 * A storage failure the API must report, one kind per answer: a missing row, a duplicate, a
 * concurrent transaction that won, the database out of reach, or a failure of the store itself.
 * {@link StoreErrors#toApi} turns each into its API error.
 */
public sealed interface StoreException
    permits StoreException.NotFound,
        StoreException.Conflict,
        StoreException.Aborted,
        StoreException.Unavailable,
        StoreException.Failed {

  /** A row the operation needed is absent. */
  final class NotFound extends RuntimeException implements StoreException {
    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
      super(message);
    }
  }

  /** A uniqueness violation: the row already exists. */
  final class Conflict extends RuntimeException implements StoreException {
    private static final long serialVersionUID = 1L;

    public Conflict(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * A concurrent transaction won: a serialization failure, a deadlock, or a lock not obtained in
   * time. Retrying the request may succeed.
   */
  final class Aborted extends RuntimeException implements StoreException {
    private static final long serialVersionUID = 1L;

    public Aborted(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The database could not be reached: no connection, a lost connection, a shutdown. */
  final class Unavailable extends RuntimeException implements StoreException {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Any other database error: a defect of the store, not of the request. */
  final class Failed extends RuntimeException implements StoreException {
    private static final long serialVersionUID = 1L;

    public Failed(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import org.jspecify.annotations.Nullable;

/**
 * A storage failure the API must report, of one {@link Kind} per answer. {@link StoreErrors#toApi}
 * turns each kind into its API error.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, as far as the API's answer goes. */
  public enum Kind {
    /** A row the operation needed is absent. */
    NOT_FOUND,
    /** A uniqueness violation: the row already exists. */
    CONFLICT,
    /**
     * A concurrent transaction won: a serialization failure, a deadlock, or a lock not obtained in
     * time. Retrying the request may succeed.
     */
    ABORTED,
    /** The database could not be reached: no connection, a lost connection, a shutdown. */
    UNAVAILABLE,
    /** Any other database error: a defect of the store, not of the request. */
    FAILED
  }

  private final Kind kind;

  public StoreException(Kind kind, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}

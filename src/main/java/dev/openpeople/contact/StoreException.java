// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import org.jspecify.annotations.Nullable;

/** A storage failure the API must report: not found, a conflict, or the database unavailable. */
public sealed class StoreException extends RuntimeException
    permits StoreException.NotFound, StoreException.Conflict, StoreException.Unavailable {
  private static final long serialVersionUID = 1L;

  StoreException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /** A row the operation needed is absent. */
  public static final class NotFound extends StoreException {
    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
      super(message, null);
    }
  }

  /** A uniqueness or concurrency conflict. */
  public static final class Conflict extends StoreException {
    private static final long serialVersionUID = 1L;

    public Conflict(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The database could not be reached or failed. */
  public static final class Unavailable extends StoreException {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import javax.xml.namespace.QName;
import org.jspecify.annotations.Nullable;

/**
 * A WebDAV error: an HTTP status and, where an RFC names one, the precondition or postcondition
 * element that goes into the {@code DAV:error} body (RFC 4918 section 16).
 */
final class DavException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient @Nullable QName condition;
  private final @Nullable String href;

  DavException(int status, @Nullable QName condition, String message) {
    this(status, condition, null, message);
  }

  /** {@code href}: the resource the condition names, written inside it (e.g. no-uid-conflict). */
  DavException(int status, @Nullable QName condition, @Nullable String href, String message) {
    super(message);
    this.status = status;
    this.condition = condition;
    this.href = href;
  }

  @Nullable String href() {
    return href;
  }

  int status() {
    return status;
  }

  @Nullable QName condition() {
    return condition;
  }

  static DavException badRequest(String message) {
    return new DavException(400, null, message);
  }

  static DavException notFound() {
    return new DavException(404, null, "No such resource.");
  }
}

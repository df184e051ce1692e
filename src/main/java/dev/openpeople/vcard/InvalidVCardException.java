// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.vcard;

/** A text that is not exactly one valid vCard (RFC 6352 section 6.3.2.1 valid-address-data). */
public final class InvalidVCardException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidVCardException(String message) {
    super(message);
  }
}

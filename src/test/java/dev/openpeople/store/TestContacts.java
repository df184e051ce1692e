// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactKeys;
import java.time.Instant;
import java.util.List;

/** Builds stored contacts for storage tests. */
final class TestContacts {
  private TestContacts() {}

  static Contact contact(long id, long seq, String first, String last, String... terms) {
    Instant at = Instant.ofEpochMilli(1_700_000_000_000L + seq);
    return new Contact(
        id,
        seq,
        at,
        at,
        false,
        "{\"n\":\"" + first + "\"}",
        new ContactKeys(first, last, List.of(terms)),
        0);
  }
}

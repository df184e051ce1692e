// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import java.time.Instant;
import java.util.List;

/** CardDAV app passwords (hashes only), each in its own transaction. */
public interface AppPasswordStore {
  /** One app password: never the password itself, only its hash. */
  record AppPassword(long id, String email, String label, String hash, Instant created) {}

  AppPassword insert(String email, String label, String hash, Instant created);

  /** The app passwords of a user, oldest first. */
  List<AppPassword> list(String email);

  /** Deletes one app password of a user; false when there was none with that id. */
  boolean delete(String email, long id);
}

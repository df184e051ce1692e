// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.contact.OtherContactService.OtherContactDraft;

/**
 * Turns People API {@code Person} JSON into stored bodies, for callers outside the API layer (the
 * emulator's data endpoints). Implemented by the People API package, which owns the wire rules; bad
 * input is a 400 {@link dev.openpeople.error.ApiException}.
 */
public interface PersonDrafts {
  /** The stored draft of an other contact with this id from a Person. */
  OtherContactDraft otherContact(long id, String personJson);

  /** A user's own profile body (people/me) from a Person. */
  String profile(User user, String personJson);
}

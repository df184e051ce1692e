// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.contact.ContactService.ContactDraft;
import dev.openpeople.contact.OtherContactService.OtherContactDraft;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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

  /**
   * The key of a stored contact body that holds what only CardDAV knows (the card's UID, its
   * resource name, vCard properties with no Person field). The People API never renders it and
   * keeps it through its own updates.
   */
  String CARD_FIELD = "vcard";

  /**
   * The stored draft of contact {@code id} from a Person: a new contact when {@code currentBody} is
   * null, else the current body with {@code fields} replaced by the Person's (absent ones cleared,
   * as updateContact with that update mask does) and every other field kept. {@code cardJson} (a
   * JSON object) is stored under {@link #CARD_FIELD}.
   */
  ContactDraft contact(
      long id,
      @Nullable String currentBody,
      String personJson,
      Set<String> fields,
      String cardJson);

  /**
   * A stored contact body as it is, with the index keys derived from it again (a snapshot restore
   * keeps bodies and rebuilds what is derived).
   */
  ContactDraft stored(String body);

  /** A stored other contact body as it is, with its index keys and e-mail key derived again. */
  OtherContactDraft storedOtherContact(String body);
}

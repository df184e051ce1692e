// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.contact.ContactService.ContactDraft;
import java.util.List;

/**
 * How the API layer reads and rewrites the group memberships held in a contact's body, so that
 * {@link GroupService} can change memberships without knowing the body's format.
 */
public interface MembershipEditor {
  /** The ids of the groups the contact belongs to, in body order. */
  List<String> groups(Contact contact);

  /** The contact's new body and keys with exactly these group memberships. */
  ContactDraft withGroups(Contact contact, List<String> groups);
}

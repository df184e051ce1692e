// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.vcard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One contact as both sides see it: the People API {@code Person} fields a vCard expresses (request
 * shape, as {@code people.createContact} takes it), the card's {@code UID}, its {@code CATEGORIES}
 * (contact group names, resolved by the caller) and the vCard properties with no Person field, kept
 * verbatim as the text of a vCard holding only them ("" when there are none).
 */
public record PersonCard(ObjectNode person, String uid, List<String> categories, String unmapped) {
  public PersonCard {
    categories = List.copyOf(categories);
  }
}

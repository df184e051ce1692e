// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.vcard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

  /**
   * The card of a stored contact: {@code body} is its Person fields, {@code stored} what only the
   * card knew ({@code uid}, {@code extra}), {@code groupNames} the user's group names by id (its
   * memberships of those groups become CATEGORIES) and {@code defaultUid} the UID of a contact that
   * never had a card.
   */
  public static PersonCard ofStored(
      ObjectNode body, JsonNode stored, String defaultUid, Map<String, String> groupNames) {
    String uid = stored.path("uid").asText("");
    List<String> categories = new ArrayList<>();
    for (JsonNode membership : body.path("memberships")) {
      String group = membership.path("contactGroupMembership").path("contactGroupId").asText("");
      String name = groupNames.get(group);
      if (name != null) {
        categories.add(name);
      }
    }
    return new PersonCard(
        body, uid.isEmpty() ? defaultUid : uid, categories, stored.path("extra").asText(""));
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.vcard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One contact as both sides see it: the People API {@code Person} fields a vCard expresses (request
 * shape, as {@code people.createContact} takes it), the card's {@code UID}, its {@code CATEGORIES}
 * (contact group names, resolved by the caller), its inline {@code PHOTO} (the contact photo, null
 * when it has none) and the vCard properties with no Person field, kept verbatim as the text of a
 * vCard holding only them ("" when there are none).
 */
public record PersonCard(
    ObjectNode person,
    String uid,
    List<String> categories,
    @Nullable Image photo,
    String unmapped) {
  public PersonCard {
    categories = List.copyOf(categories);
  }

  /** A card without a photo. */
  public PersonCard(ObjectNode person, String uid, List<String> categories, String unmapped) {
    this(person, uid, categories, null, unmapped);
  }

  /**
   * An image carried inline in a card: its bytes and the media type the card declares (empty when
   * it declares none); whoever stores it checks what the bytes really are.
   */
  // Images are never compared or hashed here, so the array's identity equals does no harm.
  @SuppressWarnings("ArrayRecordComponent")
  public record Image(String mediaType, byte[] bytes) {}

  /**
   * The CATEGORIES of a contact: the names of the user groups its {@code memberships} name, from
   * {@code groupNames} (user group names by id; system groups have none).
   */
  public static List<String> categories(JsonNode person, Map<String, String> groupNames) {
    List<String> categories = new ArrayList<>();
    for (JsonNode membership : person.path("memberships")) {
      String group = membership.path("contactGroupMembership").path("contactGroupId").asText("");
      String name = groupNames.get(group);
      if (name != null) {
        categories.add(name);
      }
    }
    return categories;
  }
}

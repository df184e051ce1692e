// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.vcard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
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
}

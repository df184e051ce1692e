// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.vcard;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.ImageType;
import ezvcard.property.Photo;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A card's {@code PHOTO} as image bytes: file import takes an inline photo out of the unmapped
 * properties (it becomes the contact's photo), export puts the contact's photo back in.
 */
public final class CardPhotos {
  private CardPhotos() {}

  /** An inline photo: its bytes and media type ({@code image/jpeg}, ...). */
  // Photos are never compared or hashed, so the array's identity equals does no harm.
  @SuppressWarnings("ArrayRecordComponent")
  public record Image(String mediaType, byte[] bytes) {}

  /** A card and the inline photo taken out of its unmapped properties (null when none). */
  public record Taken(PersonCard card, @Nullable Image image) {}

  /** Takes the first inline {@code PHOTO} out of the card's unmapped properties. */
  public static Taken take(PersonCard card) {
    if (card.unmapped().isEmpty()) {
      return new Taken(card, null);
    }
    VCard rest = Ezvcard.parse(card.unmapped()).first();
    if (rest == null) {
      return new Taken(card, null);
    }
    for (Photo photo : rest.getPhotos()) {
      byte[] data = photo.getData();
      if (data != null && data.length > 0) {
        rest.removeProperty(photo);
        String type =
            photo.getContentType() == null
                ? "image/jpeg"
                : photo.getContentType().getMediaType().toLowerCase(Locale.ROOT);
        String unmapped =
            rest.getProperties().isEmpty()
                ? ""
                : VCards.writer(List.of(rest), rest.getVersion()).go();
        return new Taken(
            new PersonCard(card.person(), card.uid(), card.categories(), unmapped),
            new Image(type, data));
      }
    }
    return new Taken(card, null);
  }

  /** The card with {@code image} added as an inline {@code PHOTO} to its unmapped properties. */
  public static PersonCard put(PersonCard card, Image image, VCardVersion version) {
    VCard rest = card.unmapped().isEmpty() ? null : Ezvcard.parse(card.unmapped()).first();
    if (rest == null) {
      rest = new VCard(version);
    }
    ImageType type = image.mediaType().equals("image/png") ? ImageType.PNG : ImageType.JPEG;
    rest.addPhoto(new Photo(image.bytes(), type));
    String unmapped = VCards.writer(List.of(rest), version).go();
    return new PersonCard(card.person(), card.uid(), card.categories(), unmapped);
  }
}

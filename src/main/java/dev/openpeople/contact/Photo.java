// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.error.ApiError;
import java.util.Set;

/** A contact's photo: its bytes and their media type (image/jpeg or image/png). */
// Photos are never compared or hashed, so the array's identity equals does no harm.
@SuppressWarnings("ArrayRecordComponent")
public record Photo(String contentType, byte[] bytes) {
  /** Largest decoded contact photo accepted; Google documents none, we keep photos under 10 MiB. */
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  /**
   * A contact photo from uploaded bytes, whichever protocol brought them: a JPEG or a PNG within
   * the pixel budget that decodes as an image ({@link ImageProbe}), as
   * https://developers.google.com/people/api/rest/v1/people/updateContactPhoto asks; anything else
   * is a 400 INVALID_ARGUMENT. The byte size limit ({@link #MAX_BYTES}) is each API's to check
   * first, with its own message.
   */
  public static Photo checked(byte[] bytes) {
    return new Photo(
        ImageProbe.check(bytes, Set.of("jpeg", "png"), ApiError.INVALID_ARGUMENT).mediaType(),
        bytes);
  }
}

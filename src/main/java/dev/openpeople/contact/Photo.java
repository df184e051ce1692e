// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

/** A contact's photo: its bytes and their media type (image/jpeg or image/png). */
// Photos are never compared or hashed, so the array's identity equals does no harm.
@SuppressWarnings("ArrayRecordComponent")
public record Photo(String contentType, byte[] bytes) {}

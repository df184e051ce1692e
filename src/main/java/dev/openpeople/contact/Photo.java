// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

/** A contact's photo: its bytes and their media type (image/jpeg or image/png). */
public record Photo(String contentType, byte[] bytes) {}

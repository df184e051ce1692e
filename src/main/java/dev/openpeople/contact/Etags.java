// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Entity tags: a function of a contact's id and its last change sequence, so they change on every
 * change. The prefixes copy Google's shapes ({@code %...} for persons, {@code #...} for sources; as
 * Google's look) for clients that sniff them.
 */
public final class Etags {
  private Etags() {}

  public static String person(Contact contact) {
    return "%" + encode(contact.id() ^ 0x5bd1e995L, contact.seq());
  }

  public static String source(Contact contact) {
    return "#" + encode(contact.seq(), contact.id());
  }

  public static String profile(User user) {
    return "%" + encode(user.id(), user.profile() == null ? 0 : user.profile().hashCode());
  }

  /** A group's etag, Google's 8-byte shape ({@code "UPTmggxWH8g="}); changes with its sequence. */
  public static String group(ContactGroup group) {
    long mixed = (group.seq() * 0x9E3779B97F4A7C15L) ^ group.id().hashCode();
    return Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).putLong(mixed).array());
  }

  /**
   * A shared contact's strong GData etag, quotes included
   * (https://developers.google.com/gdata/docs/2.0/reference#ResourceVersioning).
   */
  public static String sharedContact(SharedContact contact) {
    return "\"" + encode(contact.id().hashCode() ^ 0x2f8a3c1dL, contact.seq()) + "\"";
  }

  /** The etag of a shared contact's photo, present only while it has one. */
  public static String sharedPhoto(SharedContact contact) {
    return "\"" + encode(contact.photoVersion(), contact.id().hashCode()) + "\"";
  }

  private static String encode(long a, long b) {
    ByteBuffer buffer = ByteBuffer.allocate(16).putLong(a).putLong(b);
    return Base64.getEncoder().encodeToString(buffer.array());
  }
}

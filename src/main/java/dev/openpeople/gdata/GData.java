// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import dev.openpeople.contact.SharedContactService;
import dev.openpeople.server.Routes;
import java.util.List;

/** Builds every Routes instance of the Domain Shared Contacts (GData) API. */
public final class GData {
  private GData() {}

  public static List<Routes> routes(SharedContactService contacts) {
    return List.of(new ContactsFeedRoutes(contacts), new PhotosRoutes(contacts));
  }

  /** The search text ({@code q}) of a shared contact's stored entry. */
  public static String searchText(String entry) {
    return StoredEntry.parse(entry).searchText();
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople;

import dev.openpeople.contact.ContactKeys;
import dev.openpeople.contact.IndexRules;
import dev.openpeople.contact.TextKeys;
import dev.openpeople.gdata.GData;
import dev.openpeople.people.person.ContactBodies;
import dev.openpeople.server.Json;

/**
 * The index rules of this build: name collation keys and folded search text ({@link TextKeys}) as
 * the People API ({@link ContactBodies#keys}) and the GData feed ({@link GData#searchText}) compute
 * them on every write; the server applies them at start to rows an older build indexed.
 */
final class IndexRulesOfThisBuild implements IndexRules {
  @Override
  public String version() {
    return TextKeys.VERSION;
  }

  @Override
  public ContactKeys contact(String body) {
    return ContactBodies.keys(Json.parseStored(body));
  }

  @Override
  public String sharedContact(String entry) {
    return GData.searchText(entry);
  }
}

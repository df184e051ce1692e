// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.contacts;

import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactService;
import dev.openpeople.contact.PhoneNumbers;
import dev.openpeople.people.person.PersonFields;
import dev.openpeople.people.person.PersonRequests;
import dev.openpeople.people.person.Persons;
import dev.openpeople.people.person.ReadSources;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.Json;
import dev.openpeople.server.Operation;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;
import java.util.List;
import java.util.Set;

/**
 * The {@code people.searchContacts} method: prefix-phrase search over a user's contacts, answered
 * from an index of word-aligned suffixes with one range scan
 * (https://developers.google.com/people/api/rest/v1/people/searchContacts).
 */
public record PeopleSearchRoutes(ContactService contacts, Persons persons, PhoneNumbers phones)
    implements Routes {
  // Discovery: default 10 when unset or 0, values over 30 are capped to 30.

  @Override
  public void define(Router router) {
    router.on(Operation.PEOPLE_SEARCH_CONTACTS, this::searchContacts);
  }

  /** {@code people.people.searchContacts} */
  ApiReply searchContacts(ApiCall call) {
    Set<String> fields =
        PersonFields.required(call.param("readMask"), "readMask", PersonFields.readable());
    Set<ReadSources> sources = ReadSources.parse(call.params("sources"), ReadSources.CONTACT);
    int limit = PersonRequests.limit(call);
    String query = PersonRequests.query(call);
    if (query.isEmpty()) {
      // The warmup request: an empty query succeeds with an empty response
      // (https://developers.google.com/people/v1/contacts#search_the_users_contacts).
      return ApiReply.json(Json.object());
    }
    String email = call.caller().email();
    List<Contact> found = contacts.search(email, query, limit, phones);
    String origin = call.request().origin();
    return ApiReply.json(
        Persons.searchResults(found, c -> persons.contact(c, email, fields, sources, origin)));
  }
}

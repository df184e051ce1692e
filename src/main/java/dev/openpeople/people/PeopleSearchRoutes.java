// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactService;
import dev.openpeople.error.ApiException;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.Json;
import dev.openpeople.server.Operation;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;
import dev.openpeople.token.TokenSigner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code people.searchContacts} method: prefix-phrase search over a user's contacts, answered
 * from an index of word-aligned suffixes with one range scan (digest §5).
 */
final class PeopleSearchRoutes implements Routes {
  // Discovery: default 10 when unset or 0, values over 30 are capped to 30.
  static final int DEFAULT_PAGE = 10;
  static final int MAX_PAGE = 30;

  private final ContactService contacts;
  private final Persons persons;

  PeopleSearchRoutes(
      ContactService contacts, ContactBodies bodies, Persons persons, TokenSigner signer) {
    this.contacts = contacts;
    this.persons = persons;
  }

  @Override
  public void define(Router router) {
    router.on(Operation.PEOPLE_SEARCH_CONTACTS, this::searchContacts);
  }

  ApiReply searchContacts(ApiCall call) {
    Set<String> fields =
        PersonFields.required(call.param("readMask"), "readMask", PersonFields.readable());
    Set<ReadSources> sources = ReadSources.parse(call.params("sources"), ReadSources.CONTACT);
    int pageSize = call.intParam("pageSize", 0);
    if (pageSize < 0) {
      throw ApiException.invalid("pageSize must not be negative; got %d.", pageSize);
    }
    int limit = pageSize == 0 ? DEFAULT_PAGE : Math.min(pageSize, MAX_PAGE);
    String raw = call.param("query");
    String query = ContactBodies.normalize(raw == null ? "" : raw);
    if (query.isEmpty()) {
      // The warmup request (digest §5): an empty query succeeds with an empty response.
      return ApiReply.json(Json.object());
    }
    String email = call.caller().email();
    List<Contact> found =
        contacts
            .storage()
            .read(
                email,
                session -> {
                  Set<Long> ids = new LinkedHashSet<>(session.contacts().search(query, limit));
                  String digits = query.replaceAll("[^0-9]", "");
                  if (query.matches("[0-9+\\-(). ]+") && !digits.isEmpty()) {
                    ids.addAll(session.contacts().search(digits, limit));
                  }
                  return new ArrayList<>(session.contacts().getAll(ids));
                });
    found.sort(
        Comparator.comparing((Contact c) -> c.keys().firstName())
            .thenComparing(c -> c.keys().lastName())
            .thenComparingLong(Contact::id));
    ObjectNode response = Json.object();
    if (!found.isEmpty()) {
      ArrayNode results = response.putArray("results");
      for (Contact contact : found.subList(0, Math.min(limit, found.size()))) {
        results
            .addObject()
            .set(
                "person",
                persons.contact(contact, email, fields, sources, call.request().origin()));
      }
    }
    return ApiReply.json(response);
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactService;
import dev.openpeople.contact.ContactService.ContactChange;
import dev.openpeople.contact.ContactService.ContactDraft;
import dev.openpeople.error.ApiException;
import dev.openpeople.people.person.ContactBodies;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The batch methods of the {@code people} resource: batchCreateContacts, batchUpdateContacts and
 * batchDeleteContacts. Each batch is one transaction: any bad entry fails the call and writes
 * nothing.
 */
public record PeopleBatchRoutes(ContactService contacts, ContactBodies bodies, Persons persons)
    implements Routes {
  // At most 200 contacts per create/update batch and 500 per delete batch.
  static final int MAX_CREATE = 200;
  static final int MAX_UPDATE = 200;
  static final int MAX_DELETE = 500;

  @Override
  public void define(Router router) {
    router
        .on(Operation.PEOPLE_BATCH_CREATE_CONTACTS, this::batchCreateContacts)
        .on(Operation.PEOPLE_BATCH_UPDATE_CONTACTS, this::batchUpdateContacts)
        .on(Operation.PEOPLE_BATCH_DELETE_CONTACTS, this::batchDeleteContacts);
  }

  /** {@code people.people.batchCreateContacts} */
  ApiReply batchCreateContacts(ApiCall call) {
    ObjectNode body = call.bodyObject();
    JsonNode entries = body.path("contacts");
    checkCount(entries.size(), MAX_CREATE, "contacts");
    Set<String> fields = readMask(body);
    List<LongFunction<ContactDraft>> drafts = new ArrayList<>();
    for (JsonNode entry : entries) {
      ObjectNode person =
          entry.path("contactPerson").isObject()
              ? (ObjectNode) entry.get("contactPerson")
              : Json.object();
      drafts.add(id -> bodies.create(id, person));
    }
    List<Contact> created = contacts.create(call.caller().email(), drafts);
    ObjectNode response = Json.object();
    ArrayNode people = response.putArray("createdPeople");
    for (Contact contact : created) {
      people.add(personResponse(call, contact, fields, body));
    }
    return ApiReply.json(response);
  }

  /** {@code people.people.batchUpdateContacts} */
  ApiReply batchUpdateContacts(ApiCall call) {
    ObjectNode body = call.bodyObject();
    JsonNode entries = body.path("contacts");
    checkCount(entries.size(), MAX_UPDATE, "contacts");
    Set<String> mask =
        PersonFields.required(
            body.path("updateMask").asText(null), "updateMask", PersonFields.WRITABLE);
    Set<String> fields = readMask(body);
    List<String> names = new ArrayList<>();
    List<ContactChange> changes = changes(entries, mask, names);
    List<Contact> updated = contacts.update(call.caller().email(), changes);
    ObjectNode response = Json.object();
    ObjectNode results = response.putObject("updateResult");
    for (int i = 0; i < updated.size(); i++) {
      results.set(names.get(i), personResponse(call, updated.get(i), fields, body));
    }
    return ApiReply.json(response);
  }

  /** The changes of batchUpdateContacts, in order; their resource names go to {@code names}. */
  private List<ContactChange> changes(JsonNode entries, Set<String> mask, List<String> names) {
    List<ContactChange> changes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : entries.properties()) {
      String name = entry.getKey();
      long id = PersonRequests.requireContact(name);
      ObjectNode person = (ObjectNode) entry.getValue();
      PersonRequests.checkBodyName(person, name);
      names.add(name);
      changes.add(
          new ContactChange(
              id,
              PersonRequests.etagOf(person),
              current -> bodies.update(id, Json.parseStored(current.body()), person, mask)));
    }
    return changes;
  }

  /** {@code people.people.batchDeleteContacts} */
  ApiReply batchDeleteContacts(ApiCall call) {
    JsonNode names = call.bodyObject().path("resourceNames");
    checkCount(names.size(), MAX_DELETE, "resourceNames");
    List<Long> ids = new ArrayList<>();
    for (JsonNode name : names) {
      ids.add(PersonRequests.requireContact(name.asText()));
    }
    contacts.delete(call.caller().email(), ids);
    return ApiReply.json(Json.object());
  }

  private static void checkCount(int count, int max, String field) {
    if (count == 0) {
      throw ApiException.invalid("%s must not be empty.", field);
    }
    if (count > max) {
      throw ApiException.invalid("%s must have at most %d items; got %d.", field, max, count);
    }
  }

  /**
   * An empty readMask skips the post-write read
   * (https://developers.google.com/people/api/rest/v1/people/batchCreateContacts): only name and
   * etag come back.
   */
  private static Set<String> readMask(ObjectNode body) {
    String mask = body.path("readMask").asText("");
    return mask.isBlank()
        ? Set.of()
        : PersonFields.parse(mask, "readMask", PersonFields.readable());
  }

  private ObjectNode personResponse(
      ApiCall call, Contact contact, Set<String> fields, ObjectNode body) {
    ObjectNode response = Json.object();
    response.put("httpStatusCode", 200);
    List<String> sourceValues = new ArrayList<>();
    body.path("sources").forEach(s -> sourceValues.add(s.asText()));
    response.set(
        "person",
        persons.contact(
            contact,
            call.caller().email(),
            fields,
            ReadSources.parse(sourceValues, ReadSources.CONTACT_AND_PROFILE),
            call.request().origin()));
    response.putObject("status");
    return response;
  }
}

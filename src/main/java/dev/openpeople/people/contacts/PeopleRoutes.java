// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.contacts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactService;
import dev.openpeople.contact.ContactService.ContactChange;
import dev.openpeople.contact.ContactService.ContactDraft;
import dev.openpeople.contact.User;
import dev.openpeople.error.ApiError;
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
import dev.openpeople.server.Scopes;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The {@code people} resource: contacts CRUD, batches, and people/me
 * (https://developers.google.com/people/api/rest/v1/people).
 */
public record PeopleRoutes(ContactService contacts, ContactBodies bodies, Persons persons)
    implements Routes {
  static final int MAX_BATCH_GET = 200;

  @Override
  public void define(Router router) {
    router
        .on(Operation.PEOPLE_GET, this::get)
        .on(Operation.PEOPLE_GET_BATCH_GET, this::getBatchGet)
        .on(Operation.PEOPLE_CREATE_CONTACT, this::createContact)
        .on(Operation.PEOPLE_UPDATE_CONTACT, this::updateContact)
        .on(Operation.PEOPLE_DELETE_CONTACT, this::deleteContact);
  }

  /** {@code people.people.get} */
  ApiReply get(ApiCall call) {
    Set<String> fields = PersonRequests.readMask(call);
    Set<ReadSources> sources = PersonRequests.sources(call);
    String name = "people/" + call.pathVar("peopleId");
    if (PersonRequests.contactId(name).isPresent()
        && !call.caller().hasAnyScope(Scopes.CONTACT_READ)) {
      throw Scopes.insufficient(Scopes.CONTACT_READ)
          .withMetadata("method", Operation.PEOPLE_GET.rpcName());
    }
    ContactService.Lookup found = contacts.lookup(call.caller().email(), ids(List.of(name)));
    ObjectNode person = find(found, name, fields, sources, call);
    if (person == null) {
      throw new ApiException(ApiError.NOT_FOUND);
    }
    return ApiReply.json(person);
  }

  /** {@code people.people.getBatchGet} */
  ApiReply getBatchGet(ApiCall call) {
    List<String> names = PersonRequests.resourceNames(call, MAX_BATCH_GET);
    names.forEach(PeopleRoutes::checkPersonName);
    Set<String> fields = PersonRequests.readMask(call);
    Set<ReadSources> sources = PersonRequests.sources(call);
    ContactService.Lookup found = contacts.lookup(call.caller().email(), ids(names));
    ObjectNode response = Json.object();
    ArrayNode responses = response.putArray("responses");
    boolean readsContacts = call.caller().hasAnyScope(Scopes.CONTACT_READ);
    for (String name : names) {
      if (PersonRequests.contactId(name).isPresent() && !readsContacts) {
        responses.add(deniedResponse(name));
        continue;
      }
      ObjectNode person;
      try {
        person = find(found, name, fields, sources, call);
      } catch (ApiException e) {
        person = null;
      }
      responses.add(personResponse(name, person));
    }
    return ApiReply.json(response);
  }

  /** A person's resource name: people/me, an account id or a contact's, else 400. */
  private static void checkPersonName(String name) {
    if (!name.equals("people/me")
        && !name.matches("people/\\d{1,30}")
        && PersonRequests.contactId(name).isEmpty()) {
      throw ApiException.invalid("Resource name \"%s\" is not valid.", name);
    }
  }

  /** The contact ids among resource names. */
  private static List<Long> ids(List<String> names) {
    List<Long> ids = new ArrayList<>();
    for (String name : names) {
      PersonRequests.contactId(name).ifPresent(ids::add);
    }
    return ids;
  }

  /** A getBatchGet entry for a contact the token's scopes may not read. */
  private static ObjectNode deniedResponse(String name) {
    ObjectNode item = Json.object();
    item.put("requestedResourceName", name);
    item.put("httpStatusCode", 403);
    ObjectNode status = item.putObject("status");
    status.put("code", ApiError.SCOPE_INSUFFICIENT.rpcCode());
    status.put("message", new ApiException(ApiError.SCOPE_INSUFFICIENT).getMessage());
    return item;
  }

  /** One entry of getBatchGet; missing people are NOT_FOUND entries, not a failure (observed). */
  private static ObjectNode personResponse(String name, @Nullable ObjectNode person) {
    ObjectNode item = Json.object();
    item.put("requestedResourceName", name);
    if (person == null) {
      item.put("httpStatusCode", 404);
      ObjectNode status = item.putObject("status");
      status.put("code", ApiError.NOT_FOUND.rpcCode());
      status.put("message", "Requested entity was not found.");
    } else {
      item.put("httpStatusCode", 200);
      item.set("person", person);
      item.putObject("status");
    }
    return item;
  }

  /**
   * Looks a resource name up: people/me, the caller's account id, or one of their contacts; null
   * when it names no visible person.
   */
  private @Nullable ObjectNode find(
      ContactService.Lookup found,
      String name,
      Set<String> fields,
      Set<ReadSources> sources,
      ApiCall call) {
    User user = found.user();
    if (name.equals("people/me") || name.equals("people/" + user.accountId())) {
      return Persons.profile(user, fields, sources);
    }
    OptionalLong id = PersonRequests.contactId(name);
    if (id.isEmpty()) {
      // Another account's id is simply not visible; anything else is not a person's name.
      if (name.matches("people/\\d{1,30}")) {
        return null;
      }
      throw ApiException.invalid("Resource name \"%s\" is not valid.", name);
    }
    Contact contact = found.contacts().get(id.getAsLong());
    return contact == null
        ? null
        : persons.contact(contact, user.email(), fields, sources, call.request().origin());
  }

  /** {@code people.people.createContact} */
  ApiReply createContact(ApiCall call) {
    Set<String> fields =
        PersonFields.optional(
            call.param("personFields"),
            "personFields",
            PersonFields.readable(),
            PersonFields.readable());
    Set<ReadSources> sources = PersonRequests.sources(call);
    ObjectNode person = call.bodyObject();
    LongFunction<ContactDraft> draft = id -> bodies.create(id, person);
    Contact created = contacts.create(call.caller().email(), List.of(draft)).get(0);
    return ApiReply.json(render(call, created, fields, sources));
  }

  /** {@code people.people.updateContact} */
  ApiReply updateContact(ApiCall call) {
    String name = "people/" + call.pathVar("peopleId");
    long id = PersonRequests.requireContact(name);
    Set<String> mask =
        PersonFields.required(
            call.param("updatePersonFields"), "updatePersonFields", PersonFields.WRITABLE);
    Set<String> fields =
        PersonFields.optional(
            call.param("personFields"),
            "personFields",
            PersonFields.readable(),
            PersonFields.readable());
    Set<ReadSources> sources = PersonRequests.sources(call);
    ObjectNode person = call.bodyObject();
    PersonRequests.checkBodyName(person, name);
    ContactChange change =
        new ContactChange(
            id,
            PersonRequests.etagOf(person),
            current -> bodies.update(id, Json.parseStored(current.body()), person, mask));
    Contact updated = contacts.update(call.caller().email(), List.of(change)).get(0);
    return ApiReply.json(render(call, updated, fields, sources));
  }

  /** {@code people.people.deleteContact} */
  ApiReply deleteContact(ApiCall call) {
    long id = PersonRequests.requireContact("people/" + call.pathVar("peopleId"));
    contacts.delete(call.caller().email(), List.of(id));
    return ApiReply.json(Json.object());
  }

  ObjectNode render(ApiCall call, Contact contact, Set<String> fields, Set<ReadSources> sources) {
    return persons.contact(
        contact, call.caller().email(), fields, sources, call.request().origin());
  }
}

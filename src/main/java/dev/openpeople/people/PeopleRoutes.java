// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactIds;
import dev.openpeople.contact.ContactService;
import dev.openpeople.contact.ContactService.ContactChange;
import dev.openpeople.contact.ContactService.ContactDraft;
import dev.openpeople.contact.User;
import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.Json;
import dev.openpeople.server.Operation;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/** The {@code people} resource: contacts CRUD, batches, and people/me (digest §5). */
public final class PeopleRoutes implements Routes {
  static final int MAX_BATCH_GET = 200;

  private final ContactService contacts;
  private final ContactBodies bodies;
  private final Persons persons;

  PeopleRoutes(ContactService contacts, ContactBodies bodies, Persons persons) {
    this.contacts = contacts;
    this.bodies = bodies;
    this.persons = persons;
  }

  @Override
  public void define(Router router) {
    router
        .on(Operation.PEOPLE_GET, this::get)
        .on(Operation.PEOPLE_GET_BATCH_GET, this::getBatchGet)
        .on(Operation.PEOPLE_CREATE_CONTACT, this::createContact)
        .on(Operation.PEOPLE_UPDATE_CONTACT, this::updateContact)
        .on(Operation.PEOPLE_DELETE_CONTACT, this::deleteContact);
  }

  ApiReply get(ApiCall call) {
    Set<String> fields = readMask(call);
    Set<ReadSources> sources = sources(call);
    String email = call.caller().email();
    String name = "people/" + call.pathVar("peopleId");
    return ApiReply.json(
        contacts
            .storage()
            .read(
                email,
                session -> {
                  ObjectNode person =
                      find(session.user(), name, fields, sources, call, session.contacts()::get);
                  if (person == null) {
                    throw new ApiException(ApiError.NOT_FOUND);
                  }
                  return person;
                }));
  }

  ApiReply getBatchGet(ApiCall call) {
    List<String> names = call.params("resourceNames");
    if (names.isEmpty()) {
      throw ApiException.invalid("resourceNames must not be empty.");
    }
    if (names.size() > MAX_BATCH_GET) {
      throw ApiException.invalid("resourceNames must have at most %d items.", MAX_BATCH_GET);
    }
    for (String name : names) {
      if (!name.equals("people/me")
          && !name.matches("people/\\d{1,30}")
          && contactId(name).isEmpty()) {
        throw ApiException.invalid("Resource name \"%s\" is not valid.", name);
      }
    }
    Set<String> fields = readMask(call);
    Set<ReadSources> sources = sources(call);
    ObjectNode response = Json.object();
    ArrayNode responses = response.putArray("responses");
    contacts
        .storage()
        .<@Nullable Void>read(
            call.caller().email(),
            session -> {
              List<Long> ids = new ArrayList<>();
              for (String name : names) {
                OptionalLong id = contactId(name);
                if (id.isPresent()) {
                  ids.add(id.getAsLong());
                }
              }
              Map<Long, Contact> found = new HashMap<>();
              session.contacts().getAll(ids).forEach(c -> found.put(c.id(), c));
              for (String name : names) {
                ObjectNode person;
                try {
                  person =
                      find(
                          session.user(),
                          name,
                          fields,
                          sources,
                          call,
                          id -> java.util.Optional.ofNullable(found.get(id)));
                } catch (ApiException e) {
                  person = null;
                }
                responses.add(personResponse(name, person));
              }
              return null;
            });
    return ApiReply.json(response);
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

  /** Looks a resource name up: people/me, the caller's account id, or one of their contacts. */
  private @Nullable ObjectNode find(
      User user,
      String name,
      Set<String> fields,
      Set<ReadSources> sources,
      ApiCall call,
      java.util.function.LongFunction<java.util.Optional<Contact>> lookup) {
    if (name.equals("people/me") || name.equals("people/" + user.accountId())) {
      return Persons.profile(user, fields, sources);
    }
    OptionalLong id = contactId(name);
    if (id.isEmpty()) {
      // Another account's id is simply not visible; anything else is not a person's name.
      if (name.matches("people/\\d{1,30}")) {
        return null;
      }
      throw ApiException.invalid("Resource name \"%s\" is not valid.", name);
    }
    return lookup
        .apply(id.getAsLong())
        .map(c -> persons.contact(c, user.email(), fields, sources, call.request().origin()))
        .orElse(null);
  }

  private static OptionalLong contactId(String name) {
    return name.startsWith("people/") ? ContactIds.parse(name.substring(7)) : OptionalLong.empty();
  }

  ApiReply createContact(ApiCall call) {
    Set<String> fields =
        PersonFields.optional(
            call.param("personFields"),
            "personFields",
            PersonFields.readable(),
            PersonFields.readable());
    Set<ReadSources> sources = sources(call);
    ObjectNode person = call.bodyObject();
    LongFunction<ContactDraft> draft = id -> bodies.create(id, person);
    Contact created = contacts.create(call.caller().email(), List.of(draft)).get(0);
    return ApiReply.json(render(call, created, fields, sources));
  }

  ApiReply updateContact(ApiCall call) {
    String name = "people/" + call.pathVar("peopleId");
    long id = requireContact(name);
    Set<String> mask =
        PersonFields.required(
            call.param("updatePersonFields"), "updatePersonFields", PersonFields.WRITABLE);
    Set<String> fields =
        PersonFields.optional(
            call.param("personFields"),
            "personFields",
            PersonFields.readable(),
            PersonFields.readable());
    Set<ReadSources> sources = sources(call);
    ObjectNode person = call.bodyObject();
    checkBodyName(person, name);
    ContactChange change =
        new ContactChange(
            id,
            etagOf(person),
            current -> bodies.update(id, Json.parseStored(current.body()), person, mask));
    Contact updated = contacts.update(call.caller().email(), List.of(change)).get(0);
    return ApiReply.json(render(call, updated, fields, sources));
  }

  ApiReply deleteContact(ApiCall call) {
    long id = requireContact("people/" + call.pathVar("peopleId"));
    contacts.delete(call.caller().email(), List.of(id));
    return ApiReply.json(Json.object());
  }

  /** The etag a client sent: person.etag, else the CONTACT source's etag (digest §5). */
  static @Nullable String etagOf(ObjectNode person) {
    if (person.hasNonNull("etag")) {
      return person.get("etag").asText();
    }
    for (JsonNode source : person.path("metadata").path("sources")) {
      if ("CONTACT".equals(source.path("type").asText()) && source.hasNonNull("etag")) {
        return source.get("etag").asText();
      }
    }
    return null;
  }

  static void checkBodyName(ObjectNode person, String name) {
    String inBody = person.path("resourceName").asText("");
    if (!inBody.isEmpty() && !inBody.equals(name)) {
      throw ApiException.invalid(
          "person.resourceName \"%s\" does not match the resource name \"%s\" of the request.",
          inBody, name);
    }
  }

  /** A contact's id from a resource name; people/me and profiles cannot be modified (guide). */
  static long requireContact(String name) {
    OptionalLong id = contactId(name);
    if (id.isEmpty()) {
      if (name.equals("people/me") || name.matches("people/\\d+")) {
        throw ApiException.invalid("Only contact-based people can be modified: %s.", name);
      }
      throw ApiException.invalid("Resource name \"%s\" is not valid.", name);
    }
    return id.getAsLong();
  }

  ObjectNode render(ApiCall call, Contact contact, Set<String> fields, Set<ReadSources> sources) {
    return persons.contact(
        contact, call.caller().email(), fields, sources, call.request().origin());
  }

  static Set<String> readMask(ApiCall call) {
    String mask = call.param("personFields");
    if (mask == null) {
      mask = String.join(",", call.params("requestMask.includeField"));
    }
    return PersonFields.required(mask, "personFields", PersonFields.readable());
  }

  static Set<ReadSources> sources(ApiCall call) {
    return ReadSources.parse(call.params("sources"), ReadSources.CONTACT_AND_PROFILE);
  }
}

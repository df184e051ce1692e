// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.person;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.ContactService.ContactDraft;
import dev.openpeople.contact.OtherContactService.OtherContactDraft;
import dev.openpeople.contact.PersonDrafts;
import dev.openpeople.contact.PhoneNumbers;
import dev.openpeople.contact.User;
import dev.openpeople.server.Discovery;
import dev.openpeople.server.Json;
import dev.openpeople.server.SchemaValidator;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@link PersonDrafts} over {@link ContactBodies}: a Person is checked against the discovery schema
 * as a request body would be, then canonicalized like a created contact.
 */
public final class PeopleDrafts implements PersonDrafts {
  private final ContactBodies bodies;
  private final SchemaValidator validator;

  public PeopleDrafts(Discovery discovery, PhoneNumbers phones) {
    this.bodies = new ContactBodies(discovery, phones);
    this.validator = new SchemaValidator(discovery);
  }

  @Override
  public OtherContactDraft otherContact(long id, String personJson) {
    ContactDraft draft = bodies.otherContact(id, person(personJson));
    return new OtherContactDraft(draft, ContactBodies.emailKey(Json.parseStored(draft.body())));
  }

  @Override
  public String profile(User user, String personJson) {
    return Json.writeString(bodies.profile(user.accountId(), person(personJson)));
  }

  @Override
  public ContactDraft contact(
      long id,
      @Nullable String currentBody,
      String personJson,
      Set<String> fields,
      String cardJson) {
    ObjectNode person = person(personJson);
    if (currentBody == null) {
      return bodies.create(id, person, Json.parseStored(cardJson));
    }
    ContactDraft draft = bodies.update(id, Json.parseStored(currentBody), person, fields);
    ObjectNode body = Json.parseStored(draft.body());
    body.set(CARD_FIELD, Json.parseStored(cardJson));
    return new ContactDraft(Json.writeString(body), draft.keys());
  }

  @Override
  public ContactDraft stored(String body) {
    return new ContactDraft(body, ContactBodies.keys(Json.parseStored(body)));
  }

  @Override
  public OtherContactDraft storedOtherContact(String body) {
    ObjectNode parsed = Json.parseStored(body);
    return new OtherContactDraft(
        new ContactDraft(body, ContactBodies.keys(parsed)), ContactBodies.emailKey(parsed));
  }

  private ObjectNode person(String json) {
    JsonNode node =
        validator.validate(Json.parse(json.getBytes(StandardCharsets.UTF_8)), "Person", "person");
    if (!node.isObject()) {
      throw dev.openpeople.error.ApiException.invalid("The body must be a Person object.");
    }
    return (ObjectNode) node;
  }
}

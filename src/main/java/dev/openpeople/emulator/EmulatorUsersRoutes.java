// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactIds;
import dev.openpeople.contact.OtherContactService;
import dev.openpeople.contact.OtherContactService.OtherContactDraft;
import dev.openpeople.contact.PersonDrafts;
import dev.openpeople.contact.SharedContactService;
import dev.openpeople.contact.User;
import dev.openpeople.error.ApiException;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.Emails;
import dev.openpeople.server.Json;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * Emulator-only data of a user under {@code /emulator/v1/users/{email}/}: other contacts, created
 * directly or from recorded interactions (https://developers.google.com/people/v1/other-contacts),
 * and the user's own profile; and the list of a domain's users.
 */
public record EmulatorUsersRoutes(
    OtherContactService others, PersonDrafts drafts, SharedContactService domains)
    implements Routes {
  static final int MAX_BATCH = 1000;
  static final int MAX_USERS_PAGE = 1000;
  private static final String USER = "/emulator/v1/users/([^/]+)";

  @Override
  public void define(Router router) {
    router
        .on("GET", "/emulator/v1/users", this::listUsers)
        .on("POST", USER + "/otherContacts", this::createOtherContact)
        .on("POST", USER + "/otherContacts:batchCreate", this::batchCreateOtherContacts)
        .on("DELETE", USER + "/otherContacts/([^/]+)", this::deleteOtherContact)
        .on("POST", USER + "/interactions", this::recordInteraction)
        .on("PUT", USER + "/profile", this::updateProfile);
  }

  /**
   * {@code GET /emulator/v1/users?domain=D[&pageSize=N][&pageToken=T]}: the users of domain D (a
   * user exists from their first request), by address, {@code pageSize} (default 50, at most 1000)
   * at a time; {@code nextPageToken} continues after the page's last address.
   */
  ApiReply listUsers(ApiCall call) {
    String domain = call.param("domain");
    if (domain == null || domain.isBlank() || domain.contains("@")) {
      throw ApiException.invalid("domain must name an e-mail domain, e.g. domain=example.com.");
    }
    int pageSize = call.pageSize(MAX_USERS_PAGE);
    int limit = pageSize == 0 ? 50 : pageSize;
    String after = afterToken(call.param("pageToken"));
    List<User> users = domains.users(domain.trim().toLowerCase(Locale.ROOT), after, limit + 1);
    ObjectNode response = Json.object();
    ArrayNode items = response.putArray("users");
    for (User user : users.subList(0, Math.min(limit, users.size()))) {
      items
          .addObject()
          .put("email", user.email())
          .put("resourceName", "people/" + user.accountId())
          .put("createTime", user.created().toString());
    }
    if (users.size() > limit) {
      String last = users.get(limit - 1).email();
      response.put(
          "nextPageToken",
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(last.getBytes(StandardCharsets.UTF_8)));
    }
    return ApiReply.json(response);
  }

  private static String afterToken(@Nullable String token) {
    if (token == null || token.isEmpty()) {
      return "";
    }
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("Invalid pageToken.");
    }
  }

  ApiReply createOtherContact(ApiCall call) {
    String person = Json.writeString(object(call));
    Contact created =
        others.create(user(call), List.of(id -> drafts.otherContact(id, person))).get(0);
    return ApiReply.json(describe(created));
  }

  ApiReply batchCreateOtherContacts(ApiCall call) {
    JsonNode people = object(call).path("people");
    if (!people.isArray() || people.isEmpty() || people.size() > MAX_BATCH) {
      throw ApiException.invalid(
          "Body must be {\"people\": [Person, ...]} with 1 to %d people.", MAX_BATCH);
    }
    List<LongFunction<OtherContactDraft>> built = new ArrayList<>(people.size());
    for (JsonNode person : people) {
      String json = Json.writeString(person);
      built.add(id -> drafts.otherContact(id, json));
    }
    ObjectNode response = Json.object();
    ArrayNode items = response.putArray("otherContacts");
    for (Contact created : others.create(user(call), built)) {
      items.add(describe(created));
    }
    return ApiReply.json(response);
  }

  ApiReply deleteOtherContact(ApiCall call) {
    String id = call.pathVar("2");
    OptionalLong parsed = ContactIds.parse(id);
    if (parsed.isEmpty()) {
      throw ApiException.invalid("\"otherContacts/%s\" is not a valid other contact name.", id);
    }
    others.delete(user(call), parsed.getAsLong());
    return ApiReply.json(Json.object());
  }

  /**
   * Records that the user interacted with an address: creates the other contact with that address
   * or updates the existing one (one per address, never a duplicate).
   */
  ApiReply recordInteraction(ApiCall call) {
    ObjectNode body = object(call);
    String address = string(body, "email");
    if (address == null || !Emails.isValid(address.trim())) {
      throw ApiException.invalid("email must be a valid e-mail address; got %s.", address);
    }
    String key = Emails.normalize(address.trim());
    String displayName = string(body, "displayName");
    String phone = string(body, "phoneNumber");
    requireOnlyInteractionFields(body);
    OtherContactService.Interaction touched =
        others.interact(
            user(call),
            key,
            (id, current) ->
                drafts.otherContact(
                    id,
                    Json.writeString(
                        Interactions.merge(current, address.trim(), displayName, phone))),
            stored -> Interactions.hasAddress(stored, key));
    if (touched.saved()) {
      // Saved people are not other contacts (Google only makes them of unsaved addresses).
      ObjectNode saved = Json.object();
      saved.put("resourceName", touched.contact().resourceName());
      return ApiReply.json(saved);
    }
    return ApiReply.json(describe(touched.contact()));
  }

  private static void requireOnlyInteractionFields(ObjectNode body) {
    ObjectNode rest = body.deepCopy();
    for (String field : List.of("email", "displayName", "phoneNumber")) {
      rest.remove(field);
    }
    if (!rest.isEmpty()) {
      throw ApiException.invalid(
          "Unknown field \"%s\": an interaction has email, displayName and phoneNumber.",
          rest.fieldNames().next());
    }
  }

  ApiReply updateProfile(ApiCall call) {
    String person = Json.writeString(object(call));
    String profile = others.setProfile(user(call), user -> drafts.profile(user, person));
    ObjectNode response = Json.parseStored(profile);
    response.put("resourceName", "people/me");
    return ApiReply.json(response);
  }

  static String user(ApiCall call) {
    String email = call.pathVar("1");
    if (!Emails.isValid(email)) {
      throw ApiException.invalid("\"%s\" is not a valid user e-mail address.", email);
    }
    return Emails.normalize(email);
  }

  private static ObjectNode object(ApiCall call) {
    JsonNode body = Json.parse(call.request().body());
    if (!body.isObject()) {
      throw ApiException.invalid("The request body must be a JSON object.");
    }
    return (ObjectNode) body;
  }

  private static @Nullable String string(ObjectNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ApiException.invalid("%s must be a string.", field);
    }
    return value.asText();
  }

  /** What the emulator answers for an other contact: its resource name and stored data. */
  private static ObjectNode describe(Contact contact) {
    ObjectNode out = Json.object();
    out.put("resourceName", "otherContacts/c" + Long.toUnsignedString(contact.id()));
    out.setAll(Json.parseStored(contact.body()));
    return out;
  }
}

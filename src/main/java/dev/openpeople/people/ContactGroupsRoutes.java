// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.ContactGroup;
import dev.openpeople.contact.GroupService;
import dev.openpeople.contact.SystemGroups;
import dev.openpeople.contact.UserSession;
import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.Json;
import dev.openpeople.server.Operation;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code contactGroups} resource (digest §6): get, batchGet, create, update and delete; list
 * with its page and sync tokens lives in {@link ContactGroupsListing}.
 */
final class ContactGroupsRoutes implements Routes {
  static final int MAX_BATCH_GET = 200;

  private final GroupService groups;
  private final ContactBodies bodies;
  private final ContactGroupsListing listing;

  ContactGroupsRoutes(GroupService groups, ContactBodies bodies, ContactGroupsListing listing) {
    this.groups = groups;
    this.bodies = bodies;
    this.listing = listing;
  }

  @Override
  public void define(Router router) {
    router
        .on(Operation.CONTACT_GROUPS_LIST, this::list)
        .on(Operation.CONTACT_GROUPS_GET, this::get)
        .on(Operation.CONTACT_GROUPS_BATCH_GET, this::batchGet)
        .on(Operation.CONTACT_GROUPS_CREATE, this::create)
        .on(Operation.CONTACT_GROUPS_UPDATE, this::update)
        .on(Operation.CONTACT_GROUPS_DELETE, this::delete);
  }

  ApiReply list(ApiCall call) {
    return ApiReply.json(listing.list(call));
  }

  ApiReply get(ApiCall call) {
    String id = ContactGroups.id("contactGroups/" + call.pathVar("contactGroupsId"));
    Set<String> fields = readFields(call);
    int maxMembers = maxMembers(call);
    return ApiReply.json(
        groups
            .contacts()
            .storage()
            .read(
                call.caller().email(),
                session ->
                    render(session, List.of(id), fields, maxMembers)
                        .getOrDefault(id, Optional.empty())
                        .orElseThrow(() -> new ApiException(ApiError.NOT_FOUND))));
  }

  ApiReply batchGet(ApiCall call) {
    List<String> names = call.params("resourceNames");
    if (names.isEmpty()) {
      throw ApiException.invalid("resourceNames must not be empty.");
    }
    if (names.size() > MAX_BATCH_GET) {
      throw ApiException.invalid("resourceNames must have at most %d items.", MAX_BATCH_GET);
    }
    List<String> ids = names.stream().map(ContactGroups::id).toList();
    Set<String> fields = readFields(call);
    int maxMembers = maxMembers(call);
    Map<String, Optional<ObjectNode>> found =
        groups
            .contacts()
            .storage()
            .read(call.caller().email(), session -> render(session, ids, fields, maxMembers));
    ObjectNode response = Json.object();
    ArrayNode responses = response.putArray("responses");
    for (int i = 0; i < names.size(); i++) {
      ObjectNode item = responses.addObject();
      item.put("requestedResourceName", names.get(i));
      Optional<ObjectNode> group = found.getOrDefault(ids.get(i), Optional.empty());
      if (group.isPresent()) {
        item.set("contactGroup", group.get().deepCopy());
        item.putObject("status");
      } else {
        ObjectNode status = item.putObject("status");
        status.put("code", ApiError.NOT_FOUND.rpcCode());
        status.put("message", "Requested entity was not found.");
      }
    }
    return ApiReply.json(response);
  }

  /** Groups by id, with member counts (one query) and up to {@code maxMembers} member names. */
  private static Map<String, Optional<ObjectNode>> render(
      UserSession session, List<String> ids, Set<String> fields, int maxMembers) {
    Set<String> unique = new LinkedHashSet<>(ids);
    Map<String, ContactGroup> users = new HashMap<>();
    session.groups().getAll(unique).forEach(g -> users.put(g.id(), g));
    Map<String, Long> counts = session.groups().memberCounts(unique);
    Map<String, Optional<ObjectNode>> out = new HashMap<>();
    for (String id : unique) {
      boolean exists = users.containsKey(id) || SystemGroups.byId(id).isPresent();
      List<Long> members =
          exists && maxMembers > 0 ? session.groups().members(id, maxMembers) : List.of();
      out.put(
          id,
          ContactGroups.render(
              id,
              Optional.ofNullable(users.get(id)),
              fields,
              counts.getOrDefault(id, 0L),
              members));
    }
    return out;
  }

  ApiReply create(ApiCall call) {
    ObjectNode body = call.bodyObject();
    Set<String> fields =
        ContactGroups.mask(
            text(body, "readGroupFields"),
            "readGroupFields",
            ContactGroups.CREATE_READABLE,
            ContactGroups.DEFAULT_WRITE_READ);
    JsonNode group = body.path("contactGroup");
    if (!group.isObject()) {
      throw ApiException.invalid("contactGroup is required.");
    }
    ContactGroup created =
        groups.create(
            call.caller().email(),
            requireName(group),
            ContactGroups.clientData(group.path("clientData")));
    return ApiReply.json(ContactGroups.user(created, fields, 0, null));
  }

  ApiReply update(ApiCall call) {
    String name = "contactGroups/" + call.pathVar("contactGroupsId");
    String id = ContactGroups.id(name);
    ObjectNode body = call.bodyObject();
    JsonNode group = body.path("contactGroup");
    if (!group.isObject()) {
      throw ApiException.invalid("contactGroup is required.");
    }
    String inBody = group.path("resourceName").asText("");
    if (!inBody.isEmpty() && !inBody.equals(name)) {
      throw ApiException.invalid(
          "contactGroup.resourceName \"%s\" does not match the resource name \"%s\".",
          inBody, name);
    }
    Set<String> mask =
        ContactGroups.mask(
            text(body, "updateGroupFields"),
            "updateGroupFields",
            ContactGroups.UPDATABLE,
            Set.of("name"));
    Set<String> fields =
        ContactGroups.mask(
            text(body, "readGroupFields"),
            "readGroupFields",
            ContactGroups.READABLE,
            ContactGroups.DEFAULT_WRITE_READ);
    String email = call.caller().email();
    ContactGroup updated =
        groups.update(
            email,
            id,
            text(group, "etag"),
            mask.contains("name") ? requireName(group) : null,
            mask.contains("clientData")
                ? ContactGroups.clientData(group.path("clientData"))
                : null);
    long count =
        fields.contains("memberCount")
            ? groups
                .contacts()
                .storage()
                .read(email, s -> s.groups().memberCounts(List.of(id)).getOrDefault(id, 0L))
            : 0;
    return ApiReply.json(ContactGroups.user(updated, fields, count, null));
  }

  ApiReply delete(ApiCall call) {
    String id = ContactGroups.id("contactGroups/" + call.pathVar("contactGroupsId"));
    groups.delete(call.caller().email(), id, call.boolParam("deleteContacts"), bodies);
    return ApiReply.json(Json.object());
  }

  private static Set<String> readFields(ApiCall call) {
    return ContactGroups.mask(
        call.param("groupFields"),
        "groupFields",
        ContactGroups.READABLE,
        ContactGroups.DEFAULT_READ);
  }

  private static int maxMembers(ApiCall call) {
    int maxMembers = call.intParam("maxMembers", 0);
    if (maxMembers < 0) {
      throw ApiException.invalid("maxMembers must not be negative; got %d.", maxMembers);
    }
    return maxMembers;
  }

  private static String requireName(JsonNode group) {
    String name = group.path("name").asText("");
    if (name.isBlank()) {
      throw ApiException.invalid("contactGroup.name must not be empty.");
    }
    return name;
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}

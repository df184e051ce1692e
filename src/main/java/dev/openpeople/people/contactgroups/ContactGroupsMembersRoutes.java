// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.contactgroups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.ContactIds;
import dev.openpeople.contact.GroupService;
import dev.openpeople.contact.GroupService.ModifyResult;
import dev.openpeople.error.ApiException;
import dev.openpeople.people.person.ContactBodies;
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

/**
 * The {@code contactGroups.members} resource: members.modify
 * (https://developers.google.com/people/api/rest/v1/contactGroups.members/modify).
 */
public record ContactGroupsMembersRoutes(GroupService groups, ContactBodies bodies)
    implements Routes {
  static final int MAX_MODIFY = 1000;

  @Override
  public void define(Router router) {
    router.on(Operation.CONTACT_GROUPS_MEMBERS_MODIFY, this::modify);
  }

  /** {@code people.contactGroups.members.modify} */
  ApiReply modify(ApiCall call) {
    String id = ContactGroups.id("contactGroups/" + call.pathVar("contactGroupsId"));
    ObjectNode body = call.bodyObject();
    JsonNode toAdd = body.path("resourceNamesToAdd");
    JsonNode toRemove = body.path("resourceNamesToRemove");
    if (toAdd.size() + toRemove.size() > MAX_MODIFY) {
      throw ApiException.invalid(
          "The total number of resource names to add and remove must be at most %d; got %d.",
          MAX_MODIFY, toAdd.size() + toRemove.size());
    }
    // Names as the caller wrote them, to echo back; names that are no contact are not found.
    Map<Long, String> asGiven = new HashMap<>();
    List<String> notFound = new ArrayList<>();
    List<Long> add = parse(toAdd, asGiven, notFound);
    List<Long> remove = parse(toRemove, asGiven, notFound);
    ModifyResult result = groups.modify(call.caller().email(), id, add, remove, bodies);
    result.notFound().forEach(contact -> notFound.add(asGiven.get(contact)));
    return ApiReply.json(render(notFound, result, asGiven));
  }

  private static ObjectNode render(
      List<String> notFound, ModifyResult result, Map<Long, String> asGiven) {
    ObjectNode response = Json.object();
    if (!notFound.isEmpty()) {
      ArrayNode names = response.putArray("notFoundResourceNames");
      notFound.forEach(names::add);
    }
    if (!result.canNotRemoveLastGroup().isEmpty()) {
      ArrayNode names = response.putArray("canNotRemoveLastContactGroupResourceNames");
      result.canNotRemoveLastGroup().forEach(contact -> names.add(asGiven.get(contact)));
    }
    return response;
  }

  private static List<Long> parse(
      JsonNode names, Map<Long, String> asGiven, List<String> notFound) {
    List<Long> ids = new ArrayList<>(names.size());
    for (JsonNode node : names) {
      String name = node.asText("");
      if (!name.startsWith("people/")) {
        throw ApiException.invalid("Resource name \"%s\" is not a valid person.", name);
      }
      OptionalLong id = ContactIds.parse(name.substring("people/".length()));
      if (id.isEmpty()) {
        if (!notFound.contains(name)) {
          notFound.add(name);
        }
        continue;
      }
      asGiven.putIfAbsent(id.getAsLong(), name);
      ids.add(id.getAsLong());
    }
    return ids;
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.contactgroups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.ContactGroup;
import dev.openpeople.contact.GroupService;
import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.listing.Listing;
import dev.openpeople.people.person.ContactBodies;
import dev.openpeople.people.person.PeopleListings;
import dev.openpeople.people.person.PersonRequests;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.Json;
import dev.openpeople.server.Operation;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;
import dev.openpeople.token.ListToken;
import dev.openpeople.token.TokenSigner;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The {@code contactGroups} resource
 * (https://developers.google.com/people/api/rest/v1/contactGroups): list (paged and synced by
 * {@link Listing}), get, batchGet, create, update and delete.
 */
public record ContactGroupsRoutes(GroupService groups, ContactBodies bodies, Listing listing)
    implements Routes {
  static final int MAX_BATCH_GET = 200;

  /** The list's page tokens are bound to groupFields and pageSize. */
  public ContactGroupsRoutes(GroupService groups, ContactBodies bodies, TokenSigner signer) {
    this(
        groups,
        bodies,
        PeopleListings.listing(
            Operation.CONTACT_GROUPS_LIST.discoveryId(), signer, "groupFields and pageSize"));
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

  /** {@code people.contactGroups.list} */
  ApiReply list(ApiCall call) {
    Set<String> fields = readFields(call);
    int pageSize = call.pageSize(1000);
    String fieldList = String.join(",", new TreeSet<>(fields));
    // Every last page carries a nextSyncToken, as Google's do.
    Listing.Request request =
        new Listing.Request(
            pageSize == 0 ? 30 : pageSize,
            true,
            ListToken.fingerprint(List.of(fieldList)),
            ListToken.fingerprint(List.of(fieldList, Integer.toString(pageSize))),
            call.param("pageToken"),
            call.param("syncToken"));
    GroupService.GroupsPage result =
        groups.list(call.caller().email(), listing, request, fields.contains("memberCount"));
    return ApiReply.json(ContactGroups.page(result, fields));
  }

  /** {@code people.contactGroups.get} */
  ApiReply get(ApiCall call) {
    String id = ContactGroups.id("contactGroups/" + call.pathVar("contactGroupsId"));
    Set<String> fields = readFields(call);
    GroupService.GroupDetail found =
        groups.get(call.caller().email(), List.of(id), maxMembers(call)).get(id);
    if (found == null) {
      throw new ApiException(ApiError.NOT_FOUND);
    }
    return ApiReply.json(ContactGroups.render(id, found, fields));
  }

  /** {@code people.contactGroups.batchGet} */
  ApiReply batchGet(ApiCall call) {
    List<String> names = PersonRequests.resourceNames(call, MAX_BATCH_GET);
    List<String> ids = names.stream().map(ContactGroups::id).toList();
    Set<String> fields = readFields(call);
    Map<String, GroupService.GroupDetail> found =
        groups.get(call.caller().email(), ids, maxMembers(call));
    return ApiReply.json(ContactGroups.batchGetResponse(names, ids, found, fields));
  }

  /** {@code people.contactGroups.create} */
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

  /** {@code people.contactGroups.update} */
  ApiReply update(ApiCall call) {
    String name = "contactGroups/" + call.pathVar("contactGroupsId");
    String id = ContactGroups.id(name);
    ObjectNode body = call.bodyObject();
    JsonNode group = requireGroup(body, name);
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
    GroupService.Updated updated =
        groups.update(
            call.caller().email(),
            id,
            text(group, "etag"),
            mask.contains("name") ? requireName(group) : null,
            mask.contains("clientData")
                ? ContactGroups.clientData(group.path("clientData"))
                : null);
    return ApiReply.json(ContactGroups.user(updated.group(), fields, updated.memberCount(), null));
  }

  /** {@code people.contactGroups.delete} */
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

  /** The body's contactGroup, which must name the requested group if it names one. */
  private static JsonNode requireGroup(ObjectNode body, String name) {
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
    return group;
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

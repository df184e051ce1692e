// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.contactgroups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.ContactGroup;
import dev.openpeople.contact.ContactIds;
import dev.openpeople.contact.Etags;
import dev.openpeople.contact.GroupRows;
import dev.openpeople.contact.GroupService;
import dev.openpeople.contact.SystemGroups;
import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.listing.Listing;
import dev.openpeople.people.person.PeopleListings;
import dev.openpeople.people.person.PersonFields;
import dev.openpeople.people.person.Timestamps;
import dev.openpeople.server.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code ContactGroup} wire shape
 * (https://developers.google.com/people/api/rest/v1/contactGroups): group field masks, resource
 * names, client data, and rendering of system and user groups.
 */
public final class ContactGroups {
  /** groupFields of get, batchGet and list; also readGroupFields of update. */
  static final Set<String> READABLE =
      Set.of("clientData", "groupType", "memberCount", "metadata", "name");

  /** readGroupFields of create (no memberCount, per the discovery document). */
  static final Set<String> CREATE_READABLE = Set.of("clientData", "groupType", "metadata", "name");

  static final Set<String> UPDATABLE = Set.of("clientData", "name");
  static final Set<String> DEFAULT_READ = Set.of("groupType", "memberCount", "metadata", "name");
  static final Set<String> DEFAULT_WRITE_READ = Set.of("groupType", "metadata", "name");

  private static final String DOCS =
      "https://developers.google.com/people/api/rest/v1/contactGroups/get";

  private ContactGroups() {}

  /** A group mask: absent or empty means {@code fallback}; an unknown path is a 400. */
  static Set<String> mask(
      @Nullable String mask, String param, Set<String> valid, Set<String> fallback) {
    if (mask == null || mask.isBlank()) {
      return fallback;
    }
    Set<String> out = PersonFields.paths(mask, param, valid, "contactGroup.", DOCS);
    return out.isEmpty() ? fallback : out;
  }

  /**
   * The group id of {@code contactGroups/<id>}: a system group or a hex user group id, else 400.
   */
  static String id(String resourceName) {
    String id =
        resourceName.startsWith("contactGroups/")
            ? resourceName.substring("contactGroups/".length())
            : "";
    if (SystemGroups.byId(id).isEmpty() && !SystemGroups.isUserGroupId(id)) {
      throw ApiException.invalid("Contact group resource name \"%s\" is not valid.", resourceName);
    }
    return id;
  }

  /** Canonical clientData: an array of {key, value} strings, stored as JSON. */
  static String clientData(JsonNode items) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (JsonNode item : items) {
      ObjectNode entry = out.addObject();
      if (item.hasNonNull("key")) {
        entry.put("key", item.get("key").asText());
      }
      if (item.hasNonNull("value")) {
        entry.put("value", item.get("value").asText());
      }
    }
    return Json.writeString(out);
  }

  /**
   * A system group: no etag or metadata
   * (https://developers.google.com/people/api/rest/v1/contactGroups).
   */
  static ObjectNode system(
      SystemGroups group, Set<String> fields, long memberCount, @Nullable List<Long> members) {
    ObjectNode out = Json.object();
    out.put("resourceName", "contactGroups/" + group.id());
    if (fields.contains("groupType")) {
      out.put("groupType", "SYSTEM_CONTACT_GROUP");
    }
    if (fields.contains("name")) {
      out.put("name", group.id());
      out.put("formattedName", group.formattedName());
    }
    return counted(out, fields, memberCount, members);
  }

  /** A live user group. */
  static ObjectNode user(
      ContactGroup group, Set<String> fields, long memberCount, @Nullable List<Long> members) {
    ObjectNode out = Json.object();
    out.put("resourceName", group.resourceName());
    out.put("etag", Etags.group(group));
    if (fields.contains("metadata")) {
      out.putObject("metadata").put("updateTime", Timestamps.format(group.updated()));
    }
    if (fields.contains("groupType")) {
      out.put("groupType", "USER_CONTACT_GROUP");
    }
    if (fields.contains("name")) {
      out.put("name", group.name());
      out.put("formattedName", group.name());
    }
    counted(out, fields, memberCount, members);
    JsonNode clientData = Json.parse(group.clientData().getBytes(StandardCharsets.UTF_8));
    if (fields.contains("clientData") && !clientData.isEmpty()) {
      out.set("clientData", clientData);
    }
    return out;
  }

  /** A deleted group as an incremental list reports it. */
  static ObjectNode deleted(ContactGroup group) {
    ObjectNode out = Json.object();
    out.put("resourceName", group.resourceName());
    out.put("etag", Etags.group(group));
    ObjectNode metadata = out.putObject("metadata");
    metadata.put("updateTime", Timestamps.format(group.updated()));
    metadata.put("deleted", true);
    return out;
  }

  /** An existing group (system, or a live user group) as get and batchGet answer it. */
  static ObjectNode render(String id, GroupService.GroupDetail detail, Set<String> fields) {
    Optional<SystemGroups> system = SystemGroups.byId(id);
    if (system.isPresent()) {
      return system(system.get(), fields, detail.memberCount(), detail.members());
    }
    return user(detail.group().orElseThrow(), fields, detail.memberCount(), detail.members());
  }

  /** The batchGet response: one entry per requested name, NOT_FOUND for missing groups. */
  static ObjectNode batchGetResponse(
      List<String> names,
      List<String> ids,
      Map<String, GroupService.GroupDetail> found,
      Set<String> fields) {
    ObjectNode response = Json.object();
    ArrayNode responses = response.putArray("responses");
    for (int i = 0; i < names.size(); i++) {
      ObjectNode item = responses.addObject();
      item.put("requestedResourceName", names.get(i));
      GroupService.GroupDetail group = found.get(ids.get(i));
      if (group != null) {
        item.set("contactGroup", render(ids.get(i), group, fields));
        item.putObject("status");
      } else {
        ObjectNode status = item.putObject("status");
        status.put("code", ApiError.NOT_FOUND.rpcCode());
        status.put("message", "Requested entity was not found.");
      }
    }
    return response;
  }

  /** A page of contactGroups.list: its groups, its next page or sync token and its total. */
  static ObjectNode page(GroupService.GroupsPage result, Set<String> fields) {
    Listing.Page<GroupRows.Row> page = result.page();
    ObjectNode response = Json.object();
    if (!page.rows().isEmpty()) {
      ArrayNode out = response.putArray("contactGroups");
      for (GroupRows.Row row : page.rows()) {
        long count = result.memberCounts().getOrDefault(row.id(), 0L);
        out.add(
            switch (row) {
              case GroupRows.SystemRow system -> system(system.group(), fields, count, null);
              case GroupRows.UserRow user when user.group().deleted() -> deleted(user.group());
              case GroupRows.UserRow user -> user(user.group(), fields, count, null);
            });
      }
    }
    PeopleListings.putTokens(response, page);
    if (page.total() > 0) {
      response.put("totalItems", page.total());
    }
    return response;
  }

  private static ObjectNode counted(
      ObjectNode out, Set<String> fields, long memberCount, @Nullable List<Long> members) {
    addMembers(out, members);
    // proto3 JSON: a zero count is omitted (https://protobuf.dev/programming-guides/proto3/#json;
    // observed).
    if (fields.contains("memberCount") && memberCount > 0) {
      out.put("memberCount", memberCount);
    }
    return out;
  }

  private static void addMembers(ObjectNode out, @Nullable List<Long> members) {
    if (members != null && !members.isEmpty()) {
      ArrayNode names = out.putArray("memberResourceNames");
      members.forEach(id -> names.add(ContactIds.resourceName(id)));
    }
  }
}

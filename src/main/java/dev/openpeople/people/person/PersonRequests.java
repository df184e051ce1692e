// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.person;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.ContactIds;
import dev.openpeople.contact.TextKeys;
import dev.openpeople.error.ApiException;
import dev.openpeople.server.ApiCall;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The request parameters every Person method parses the same way: masks, sources, names. */
public final class PersonRequests {
  /** searchContacts and otherContacts.search: default and largest page. */
  private static final int DEFAULT_SEARCH_PAGE = 10;

  private static final int MAX_SEARCH_PAGE = 30;

  private PersonRequests() {}

  /**
   * The etag a client sent: person.etag, else the CONTACT source's etag
   * (https://developers.google.com/people/api/rest/v1/people/updateContact).
   */
  public static @Nullable String etagOf(ObjectNode person) {
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

  public static void checkBodyName(ObjectNode person, String name) {
    String inBody = person.path("resourceName").asText("");
    if (!inBody.isEmpty() && !inBody.equals(name)) {
      throw ApiException.invalid(
          "person.resourceName \"%s\" does not match the resource name \"%s\" of the request.",
          inBody, name);
    }
  }

  /** The {@code resourceNames} of a batch get: 1 to {@code max} of them, else 400. */
  public static List<String> resourceNames(ApiCall call, int max) {
    List<String> names = call.params("resourceNames");
    if (names.isEmpty()) {
      throw ApiException.invalid("resourceNames must not be empty.");
    }
    if (names.size() > max) {
      throw ApiException.invalid("resourceNames must have at most %d items.", max);
    }
    return names;
  }

  /**
   * A contact's id from a resource name; people/me and profiles cannot be modified
   * (https://developers.google.com/people/api/rest/v1/people/updateContact).
   */
  public static long requireContact(String name) {
    OptionalLong id = contactId(name);
    if (id.isEmpty()) {
      if (name.equals("people/me") || name.matches("people/\\d+")) {
        throw ApiException.invalid("Only contact-based people can be modified: %s.", name);
      }
      throw ApiException.invalid("Resource name \"%s\" is not valid.", name);
    }
    return id.getAsLong();
  }

  public static Set<String> readMask(ApiCall call) {
    String mask = call.param("personFields");
    if (mask == null) {
      mask = String.join(",", call.params("requestMask.includeField"));
    }
    return PersonFields.required(mask, "personFields", PersonFields.readable());
  }

  public static Set<ReadSources> sources(ApiCall call) {
    return ReadSources.parse(call.params("sources"), ReadSources.CONTACT_AND_PROFILE);
  }

  /** The pageSize rule of both search methods: default 10 when unset or 0, capped at 30. */
  public static int limit(ApiCall call) {
    int pageSize = call.intParam("pageSize", 0);
    if (pageSize < 0) {
      throw ApiException.invalid("pageSize must not be negative; got %d.", pageSize);
    }
    return pageSize == 0 ? DEFAULT_SEARCH_PAGE : Math.min(pageSize, MAX_SEARCH_PAGE);
  }

  /** The folded query ({@link TextKeys#fold}); empty for the warmup request. */
  public static String query(ApiCall call) {
    String raw = call.param("query");
    return TextKeys.fold(raw == null ? "" : raw);
  }

  /** The contact id of {@code people/c<id>}, if it is one. */
  public static OptionalLong contactId(String name) {
    return name.startsWith("people/") ? ContactIds.parse(name.substring(7)) : OptionalLong.empty();
  }
}

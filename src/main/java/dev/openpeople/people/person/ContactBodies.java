// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.person;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactIds;
import dev.openpeople.contact.ContactKeys;
import dev.openpeople.contact.ContactService.ContactDraft;
import dev.openpeople.contact.MembershipEditor;
import dev.openpeople.contact.PersonDrafts;
import dev.openpeople.contact.PhoneNumbers;
import dev.openpeople.contact.SystemGroups;
import dev.openpeople.contact.TextKeys;
import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.server.Discovery;
import dev.openpeople.server.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a Person from a request into the stored body of a contact: only contact-writable fields,
 * read-only parts dropped, singleton rules checked, computed parts (display names, formatted types,
 * item metadata, the default myContacts membership) filled in, and the index keys derived.
 */
public final class ContactBodies implements MembershipEditor {
  private static final Map<String, String> ITEM_SCHEMAS =
      Map.ofEntries(
          Map.entry("addresses", "Address"),
          Map.entry("biographies", "Biography"),
          Map.entry("birthdays", "Birthday"),
          Map.entry("calendarUrls", "CalendarUrl"),
          Map.entry("clientData", "ClientData"),
          Map.entry("emailAddresses", "EmailAddress"),
          Map.entry("events", "Event"),
          Map.entry("externalIds", "ExternalId"),
          Map.entry("genders", "Gender"),
          Map.entry("imClients", "ImClient"),
          Map.entry("interests", "Interest"),
          Map.entry("locales", "Locale"),
          Map.entry("locations", "Location"),
          Map.entry("memberships", "Membership"),
          Map.entry("miscKeywords", "MiscKeyword"),
          Map.entry("names", "Name"),
          Map.entry("nicknames", "Nickname"),
          Map.entry("occupations", "Occupation"),
          Map.entry("organizations", "Organization"),
          Map.entry("phoneNumbers", "PhoneNumber"),
          Map.entry("relations", "Relation"),
          Map.entry("sipAddresses", "SipAddress"),
          Map.entry("urls", "Url"),
          Map.entry("userDefined", "UserDefined"));

  private final Discovery discovery;
  private final PhoneNumbers phones;

  public ContactBodies(Discovery discovery, PhoneNumbers phones) {
    this.discovery = discovery;
    this.phones = phones;
  }

  public PhoneNumbers phones() {
    return phones;
  }

  /** The body of a new contact from a createContact person: every writable field it carries. */
  public ContactDraft create(long id, ObjectNode person) {
    return draft(newBody(id, person));
  }

  /**
   * {@link #create} with {@code card} stored under {@link PersonDrafts#CARD_FIELD}, written once;
   * the index keys come from the Person fields alone, as for any contact.
   */
  public ContactDraft create(long id, ObjectNode person, JsonNode card) {
    ObjectNode body = newBody(id, person);
    ContactKeys keys = keys(body);
    body.set(PersonDrafts.CARD_FIELD, card);
    return new ContactDraft(Json.writeString(body), keys);
  }

  private ObjectNode newBody(long id, ObjectNode person) {
    ObjectNode body = Json.object();
    for (String field : PersonFields.READABLE) {
      JsonNode value = person.get(field);
      if (PersonFields.WRITABLE.contains(field) && value != null && value.size() > 0) {
        setOrClear(body, field, canonical(id, field, (ArrayNode) value.deepCopy(), Set.of()));
      }
    }
    if (!body.has("memberships")) {
      body.set("memberships", memberships(id, Json.MAPPER.createArrayNode(), Set.of()));
    }
    return body;
  }

  /**
   * The body after an update: each field in {@code mask} is replaced by the request's value, or
   * cleared when the request lacks it
   * (https://developers.google.com/people/api/rest/v1/people/updateContact: "All fields specified
   * in the updateMask will be replaced").
   */
  public ContactDraft update(long id, ObjectNode current, ObjectNode person, Set<String> mask) {
    ObjectNode body = current.deepCopy();
    for (String field : mask) {
      JsonNode value = person.get(field);
      if (field.equals("memberships")) {
        if (value == null || !hasGroupMembership(value)) {
          // https://developers.google.com/people/api/rest/v1/people/updateContact: 400 when
          // memberships are updated without a contact group membership.
          throw ApiException.invalid(
              "Request must contain at least one contact group membership when updating"
                  + " memberships.");
        }
      }
      if (value == null || value.isEmpty()) {
        body.remove(field);
      } else {
        setOrClear(
            body,
            field,
            canonical(id, field, (ArrayNode) value.deepCopy(), Set.copyOf(groups(current))));
      }
    }
    return draft(reorder(body));
  }

  private static void setOrClear(ObjectNode body, String field, ArrayNode items) {
    if (items.isEmpty()) {
      body.remove(field);
    } else {
      body.set(field, items);
    }
  }

  private static boolean hasGroupMembership(JsonNode memberships) {
    for (JsonNode m : memberships) {
      if (m.has("contactGroupMembership")) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode reorder(ObjectNode body) {
    ObjectNode out = Json.object();
    for (String field : PersonFields.READABLE) {
      if (body.has(field)) {
        out.set(field, body.get(field));
      }
    }
    // What only CardDAV knows of the contact survives People API updates.
    if (body.has(PersonDrafts.CARD_FIELD)) {
      out.set(PersonDrafts.CARD_FIELD, body.get(PersonDrafts.CARD_FIELD));
    }
    return out;
  }

  @Override
  public List<String> groups(Contact contact) {
    return groups(Json.parseStored(contact.body()));
  }

  @Override
  public ContactDraft withGroups(Contact contact, List<String> groups) {
    ObjectNode body = Json.parseStored(contact.body());
    ArrayNode memberships = Json.MAPPER.createArrayNode();
    for (String group : groups) {
      memberships.add(membership(contact.id(), group));
    }
    body.set("memberships", memberships);
    return draft(reorder(body));
  }

  /** The ids of the contact groups a stored body is a member of. */
  private static List<String> groups(ObjectNode body) {
    List<String> out = new ArrayList<>();
    for (JsonNode item : body.path("memberships")) {
      String group = item.path("contactGroupMembership").path("contactGroupId").asText("");
      if (!group.isEmpty()) {
        out.add(group);
      }
    }
    return out;
  }

  private ArrayNode canonical(long id, String field, ArrayNode items, Set<String> groupsBefore) {
    return canonical(id, source(id), field, items, groupsBefore);
  }

  /** Canonical items of one field, each item's metadata naming {@code source}. */
  private ArrayNode canonical(
      long id, ObjectNode source, String field, ArrayNode items, Set<String> groupsBefore) {
    dropItemsOfOtherSources(items, source.path("type").asText());
    if (PersonFields.SINGLETONS.contains(field) && items.size() > 1) {
      throw ApiException.invalid(
          "Contact person resources may have at most one of field %s; got %d.",
          field, items.size());
    }
    if (field.equals("memberships")) {
      return memberships(id, items, groupsBefore);
    }
    // Empty values are not data: {"value": null}, {} and all-empty items are dropped.
    for (int i = items.size() - 1; i >= 0; i--) {
      if (!(items.get(i) instanceof ObjectNode item) || !stripEmpty(item)) {
        items.remove(i);
      }
    }
    String schema = ITEM_SCHEMAS.get(field);
    int primary = primaryIndex(items);
    for (int i = 0; i < items.size(); i++) {
      ObjectNode item = (ObjectNode) items.get(i);
      item.remove("metadata");
      if (schema != null) {
        stripReadOnly(item, schema);
      }
      Formatting.fill(field, item, phones);
      stripEmpty(item);
      // The metadata first, then the item's own members in their order.
      ObjectNode withMetadata = Json.object();
      withMetadata.set("metadata", itemMetadata(source, i == primary));
      withMetadata.setAll(item);
      items.set(i, withMetadata);
    }
    return items;
  }

  /**
   * https://developers.google.com/people/api/rest/v1/people/updateContact: "Any non-contact data in
   * the person to update will be ignored": items a client read from another source (a profile, say)
   * and sent back are dropped, not copied into this one.
   */
  private static void dropItemsOfOtherSources(ArrayNode items, String sourceType) {
    for (int i = items.size() - 1; i >= 0; i--) {
      String type = items.get(i).path("metadata").path("source").path("type").asText(sourceType);
      if (!type.equals(sourceType)) {
        items.remove(i);
      }
    }
  }

  private static int primaryIndex(ArrayNode items) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).path("metadata").path("primary").asBoolean(false)) {
        return i;
      }
    }
    return 0;
  }

  /**
   * Canonical memberships: contact-group memberships only (domain memberships are read-only), one
   * per group. Any membership may be kept or removed, but only user groups, myContacts and starred
   * take new members (discovery, ContactGroupMembership); user groups must exist, which {@code
   * ContactService} checks in the write's transaction. No membership at all means myContacts.
   */
  private static ArrayNode memberships(long id, ArrayNode items, Set<String> groupsBefore) {
    ArrayNode out = Json.MAPPER.createArrayNode();
    Set<String> seen = new LinkedHashSet<>();
    for (JsonNode item : items) {
      JsonNode group = item.path("contactGroupMembership");
      if (group.isMissingNode()) {
        continue;
      }
      String name = group.path("contactGroupResourceName").asText("");
      if (name.isEmpty() && group.has("contactGroupId")) {
        name = "contactGroups/" + group.get("contactGroupId").asText();
      }
      String groupId = name.startsWith("contactGroups/") ? name.substring(14) : "";
      Optional<SystemGroups> system = SystemGroups.byId(groupId);
      if (system.isEmpty() && !SystemGroups.isUserGroupId(groupId)) {
        throw ApiException.invalid("Contact group resource name \"%s\" is not valid.", name);
      }
      if (system.isPresent() && !system.get().acceptsMembers() && !groupsBefore.contains(groupId)) {
        throw new ApiException(ApiError.DEPRECATED_SYSTEM_GROUP);
      }
      if (seen.add(groupId)) {
        out.add(membership(id, groupId));
      }
    }
    if (out.isEmpty()) {
      out.add(membership(id, SystemGroups.MY_CONTACTS.id()));
    }
    return out;
  }

  private static ObjectNode membership(long id, String groupId) {
    ObjectNode item = Json.object();
    ObjectNode metadata = item.putObject("metadata");
    metadata.set("source", source(id));
    ObjectNode group = item.putObject("contactGroupMembership");
    group.put("contactGroupId", groupId);
    group.put("contactGroupResourceName", "contactGroups/" + groupId);
    return item;
  }

  private static ObjectNode itemMetadata(ObjectNode source, boolean primary) {
    ObjectNode metadata = Json.object();
    if (primary) {
      metadata.put("primary", true);
      metadata.put("sourcePrimary", true);
    }
    metadata.set("source", source.deepCopy());
    return metadata;
  }

  public static ObjectNode source(long id) {
    return source("CONTACT", ContactIds.sourceId(id));
  }

  public static ObjectNode source(String type, String id) {
    ObjectNode source = Json.object();
    source.put("type", type);
    source.put("id", id);
    return source;
  }

  /**
   * The body of an other contact: only the fields other contacts carry (names, e-mail addresses,
   * phone numbers), each item's source of type OTHER_CONTACT, no memberships.
   */
  public ContactDraft otherContact(long id, ObjectNode person) {
    ObjectNode body = Json.object();
    ObjectNode source = source("OTHER_CONTACT", ContactIds.sourceId(id));
    for (String field : PersonFields.READABLE) {
      JsonNode value = person.get(field);
      if (OTHER_CONTACT_FIELDS.contains(field) && value != null && value.size() > 0) {
        ArrayNode items = (ArrayNode) value.deepCopy();
        if (field.equals("names")) {
          items.forEach(ContactBodies::keepDisplayName);
        }
        setOrClear(body, field, canonical(id, source, field, items, Set.of()));
      }
    }
    return draft(body);
  }

  /**
   * An other contact's name often is only the display name an e-mail header carried; displayName is
   * output-only, so it is kept as the unstructuredName it is then derived from.
   */
  private static void keepDisplayName(JsonNode name) {
    if (name instanceof ObjectNode item
        && !item.path("displayName").asText("").isEmpty()
        && item.path("unstructuredName").asText("").isEmpty()
        && item.path("givenName").asText("").isEmpty()
        && item.path("familyName").asText("").isEmpty()) {
      item.put("unstructuredName", item.path("displayName").asText());
    }
  }

  /**
   * The fields an other contact stores (the CONTACT-source read mask of
   * https://developers.google.com/people/api/rest/v1/otherContacts/list minus photos).
   */
  public static final Set<String> OTHER_CONTACT_FIELDS =
      Set.of("emailAddresses", "names", "phoneNumbers");

  /** A user's own profile body: every contact-writable field, items of source type PROFILE. */
  public ObjectNode profile(String accountId, ObjectNode person) {
    ObjectNode body = Json.object();
    ObjectNode source = source("PROFILE", accountId);
    for (String field : PersonFields.READABLE) {
      JsonNode value = person.get(field);
      if (PersonFields.WRITABLE.contains(field)
          && !field.equals("memberships")
          && value != null
          && value.size() > 0) {
        setOrClear(
            body, field, canonical(0, source, field, (ArrayNode) value.deepCopy(), Set.of()));
      }
    }
    return body;
  }

  /** The lower-cased first e-mail address of a body, "" when it has none. */
  public static String emailKey(ObjectNode body) {
    return TextKeys.emailKey(body.path("emailAddresses").path(0).path("value").asText(""));
  }

  /**
   * Removes empty strings, and objects left empty, from {@code node} recursively; true when data (a
   * non-empty string, a number, a boolean or a non-empty list) is left outside {@code metadata}.
   */
  private static boolean stripEmpty(ObjectNode node) {
    boolean data = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      JsonNode value = member.getValue();
      boolean hasData;
      if (value instanceof ObjectNode object) {
        hasData = stripEmpty(object);
        if (object.isEmpty()) {
          it.remove();
          continue;
        }
      } else if (value.isNull() || (value.isTextual() && value.textValue().isEmpty())) {
        it.remove();
        continue;
      } else {
        hasData = !value.isArray() || !value.isEmpty();
      }
      if (hasData && !member.getKey().equals("metadata")) {
        data = true;
      }
    }
    return data;
  }

  /** Drops the properties the discovery document marks readOnly, recursively. */
  private void stripReadOnly(ObjectNode node, String schemaName) {
    JsonNode schema = discovery.schema(schemaName);
    JsonNode properties = schema == null ? null : schema.path("properties");
    if (properties == null) {
      return;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      JsonNode spec = properties.path(name);
      if (spec.path("readOnly").asBoolean(false)) {
        it.remove();
      } else if (spec.has("$ref") && node.get(name).isObject()) {
        stripReadOnly((ObjectNode) node.get(name), spec.get("$ref").asText());
      }
    }
  }

  private static ContactDraft draft(ObjectNode body) {
    return new ContactDraft(Json.writeString(body), keys(body));
  }

  /**
   * Sort keys and search terms (prefix-phrase matching on word starts:
   * https://developers.google.com/people/api/rest/v1/people/searchContacts).
   */
  public static ContactKeys keys(ObjectNode body) {
    JsonNode name = body.path("names").path(0);
    String display = name.path("displayName").asText("");
    String first = name.path("givenName").asText(display);
    String last = name.path("familyName").asText(display);
    Set<String> terms = new LinkedHashSet<>();
    for (String field : List.of("names", "nicknames", "organizations")) {
      for (JsonNode item : body.path(field)) {
        for (String key :
            List.of(
                "displayName",
                "givenName",
                "familyName",
                "middleName",
                "unstructuredName",
                "value",
                "name")) {
          addTerms(terms, item.path(key).asText(""), " ");
        }
      }
    }
    for (JsonNode email : body.path("emailAddresses")) {
      addTerms(terms, email.path("value").asText(""), " .@_-+");
    }
    for (JsonNode phone : body.path("phoneNumbers")) {
      String value = phone.path("value").asText("");
      addTerms(terms, value, " ");
      String digits = digits(value);
      addTerms(terms, digits, " ");
      // The E.164 digits, which every formatting of the same number shares (PhoneNumbers).
      addTerms(terms, phone.path("canonicalForm").asText("").replace("+", ""), " ");
    }
    return new ContactKeys(
        TextKeys.sortKey(first), TextKeys.sortKey(last), new ArrayList<>(terms), groups(body));
  }

  private static String digits(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Adds the terms of one value: its folded text ({@link TextKeys#fold}) from each word start in
   * its first {@value #TERM_STARTS} characters on, each at most {@value #TERM_CHARS} characters
   * long, so that neither the rows nor an index entry of a contact grow with its text.
   */
  private static void addTerms(Set<String> terms, String value, String separators) {
    if (value.isEmpty()) {
      return;
    }
    String text = TextKeys.fold(value);
    for (int i = 0; i < Math.min(text.length(), TERM_STARTS); i++) {
      if (i == 0 || separators.indexOf(text.charAt(i - 1)) >= 0) {
        String term = text.substring(i, Math.min(text.length(), i + TERM_CHARS));
        if (!term.isBlank()) {
          terms.add(term);
        }
      }
    }
  }

  private static final int TERM_STARTS = 1000;
  private static final int TERM_CHARS = 120;
}

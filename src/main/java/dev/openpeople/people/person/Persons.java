// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.person;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactIds;
import dev.openpeople.contact.Etags;
import dev.openpeople.contact.User;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.Json;
import dev.openpeople.token.TokenSigner;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Renders stored contacts and profiles as People API {@code Person} resources, restricted to the
 * requested fields and sources.
 */
public final class Persons {
  private final TokenSigner signer;

  public Persons(TokenSigner signer) {
    this.signer = signer;
  }

  /**
   * A contact a write method of {@code call} returns: {@code fields} from the request's {@code
   * sources} values (CONTACT and PROFILE when none).
   */
  public ObjectNode written(
      ApiCall call, Contact contact, Set<String> fields, List<String> sources) {
    return contact(
        contact,
        call.caller().email(),
        fields,
        ReadSources.parse(sources, ReadSources.CONTACT_AND_PROFILE),
        call.request().origin());
  }

  /** A live contact as a Person. */
  public ObjectNode contact(
      Contact contact, String email, Set<String> fields, Set<ReadSources> sources, String origin) {
    ObjectNode person = Json.object();
    person.put("resourceName", contact.resourceName());
    person.put("etag", Etags.person(contact));
    if (fields.contains("metadata")) {
      ObjectNode metadata = person.putObject("metadata");
      ObjectNode source = metadata.putArray("sources").addObject();
      source.put("type", "CONTACT");
      source.put("id", ContactIds.sourceId(contact.id()));
      source.put("etag", Etags.source(contact));
      source.put("updateTime", Timestamps.format(contact.updated()));
      metadata.put("objectType", "PERSON");
    }
    if (!sources.contains(ReadSources.READ_SOURCE_TYPE_CONTACT)) {
      return person;
    }
    // Stored values are copied as raw JSON, never parsed into trees: listings render 1,000 of
    // these per page, and parsing and re-serializing each body dominated their cost.
    Map<String, String> stored = Json.storedFields(contact.body(), fields);
    for (String field : PersonFields.READABLE) {
      if (!fields.contains(field)) {
        continue;
      }
      if (field.equals("photos")) {
        person.set("photos", photos(contact, email, origin));
        continue;
      }
      String value = stored.get(field);
      if (value != null) {
        person.putRawValue(field, new RawValue(value));
      }
    }
    return person;
  }

  /**
   * A deleted contact as it appears in an incremental sync (observed shape;
   * https://developers.google.com/people/api/rest/v1/people.connections/list).
   */
  public static ObjectNode deleted(Contact contact) {
    return deleted(contact, contact.resourceName(), "CONTACT");
  }

  /** A deleted contact or other contact, named {@code resourceName}, of source {@code type}. */
  public static ObjectNode deleted(Contact contact, String resourceName, String type) {
    ObjectNode person = Json.object();
    person.put("resourceName", resourceName);
    person.put("etag", Etags.person(contact));
    ObjectNode metadata = person.putObject("metadata");
    ObjectNode source = metadata.putArray("sources").addObject();
    source.put("type", type);
    source.put("id", ContactIds.sourceId(contact.id()));
    metadata.put("deleted", true);
    metadata.put("objectType", "PERSON");
    return person;
  }

  /** The resource name of an other contact: {@code otherContacts/c<unsigned decimal id>}. */
  public static String otherContactName(long id) {
    return "otherContacts/c" + Long.toUnsignedString(id);
  }

  /**
   * An other contact as a Person: its OTHER_CONTACT source, plus, when {@code profile} is the
   * server user its e-mail belongs to and PROFILE is among the sources, that user's profile data as
   * a PROFILE source, as Google merges people who have Google profiles.
   */
  public ObjectNode otherContact(
      Contact contact,
      Set<String> fields,
      Set<ReadSources> sources,
      @Nullable User profile,
      String origin) {
    ObjectNode person = Json.object();
    person.put("resourceName", otherContactName(contact.id()));
    person.put("etag", Etags.person(contact));
    User shown = sources.contains(ReadSources.READ_SOURCE_TYPE_PROFILE) ? profile : null;
    if (fields.contains("metadata")) {
      ObjectNode metadata = person.putObject("metadata");
      ArrayNode list = metadata.putArray("sources");
      ObjectNode source = list.addObject();
      source.put("type", "OTHER_CONTACT");
      source.put("id", ContactIds.sourceId(contact.id()));
      source.put("etag", Etags.source(contact));
      source.put("updateTime", Timestamps.format(contact.updated()));
      if (shown != null) {
        addProfileSource(list, shown);
      }
      metadata.put("objectType", "PERSON");
    }
    // Without a profile to merge, stored values are copied raw, as for contacts (see contact()).
    Map<String, String> raw = shown == null ? Json.storedFields(contact.body(), fields) : Map.of();
    ObjectNode body = shown == null ? Json.object() : Json.parseStored(contact.body());
    ObjectNode profileBody = shown == null ? Json.object() : profileBody(shown);
    for (String field : PersonFields.READABLE) {
      if (!fields.contains(field) || field.equals("metadata")) {
        continue;
      }
      String stored = raw.get(field);
      if (stored != null) {
        person.putRawValue(field, new RawValue(stored));
        continue;
      }
      ArrayNode items = Json.MAPPER.createArrayNode();
      if (field.equals("photos")) {
        ObjectNode photo = items.addObject();
        ObjectNode metadata = photo.putObject("metadata");
        metadata.put("primary", true);
        metadata.set(
            "source", ContactBodies.source("OTHER_CONTACT", ContactIds.sourceId(contact.id())));
        photo.put("url", origin + "/photos/default");
        photo.put("default", true);
      } else {
        body.path(field).forEach(items::add);
      }
      profileBody.path(field).forEach(items::add);
      if (!items.isEmpty()) {
        person.set(field, items);
      }
    }
    return person;
  }

  private ArrayNode photos(Contact contact, String email, String origin) {
    ArrayNode photos = Json.MAPPER.createArrayNode();
    ObjectNode photo = photos.addObject();
    ObjectNode metadata = photo.putObject("metadata");
    metadata.put("primary", true);
    metadata.set("source", ContactBodies.source(contact.id()));
    if (contact.photoVersion() == 0) {
      // Google shows a generated letter avatar marked default
      // (https://developers.google.com/people/api/rest/v1/people/deleteContactPhoto).
      photo.put("url", origin + "/photos/default");
      photo.put("default", true);
    } else {
      photo.put("url", origin + "/photos/" + photoToken(email, contact));
    }
    return photos;
  }

  /** An unguessable, signed photo path segment naming the user, contact and photo version. */
  public String photoToken(String email, Contact contact) {
    byte[] user = email.getBytes(StandardCharsets.UTF_8);
    ByteBuffer payload = ByteBuffer.allocate(16 + user.length);
    payload.putLong(contact.id()).putLong(contact.photoVersion()).put(user);
    return signer.sign(payload.array());
  }

  /** A {@code PROFILE} entry of {@code metadata.sources}: the user's Google profile. */
  private static void addProfileSource(ArrayNode sources, User user) {
    ObjectNode source = sources.addObject();
    source.put("type", "PROFILE");
    source.put("id", user.accountId());
    source.put("etag", "#" + Etags.profile(user).substring(1));
    ObjectNode profileMetadata = source.putObject("profileMetadata");
    profileMetadata.put("objectType", "PERSON");
    profileMetadata.putArray("userTypes").add("GOOGLE_USER");
  }

  /** The user's own profile ({@code people/me}); stored JSON or one derived from the address. */
  public static ObjectNode profile(User user, Set<String> fields, Set<ReadSources> sources) {
    ObjectNode person = Json.object();
    person.put("resourceName", "people/" + user.accountId());
    person.put("etag", Etags.profile(user));
    if (fields.contains("metadata")) {
      ObjectNode metadata = person.putObject("metadata");
      addProfileSource(metadata.putArray("sources"), user);
      metadata.put("objectType", "PERSON");
    }
    if (!sources.contains(ReadSources.READ_SOURCE_TYPE_PROFILE)) {
      return person;
    }
    ObjectNode body =
        user.profile() == null ? defaultProfile(user) : Json.parseStored(user.profile());
    for (String field : PersonFields.READABLE) {
      if (fields.contains(field) && body.has(field)) {
        person.set(field, body.get(field));
      }
    }
    return person;
  }

  private static ObjectNode profileBody(User user) {
    String stored = user.profile();
    return stored == null ? defaultProfile(user) : Json.parseStored(stored);
  }

  private static ObjectNode defaultProfile(User user) {
    ObjectNode body = Json.object();
    String given = user.defaultName();
    ObjectNode name = body.putArray("names").addObject();
    name.set("metadata", profileItemMetadata(user, "PROFILE"));
    name.put("displayName", given);
    name.put("givenName", given);
    name.put("displayNameLastFirst", given);
    name.put("unstructuredName", given);
    ObjectNode email = body.putArray("emailAddresses").addObject();
    ObjectNode emailMetadata = profileItemMetadata(user, "ACCOUNT");
    emailMetadata.put("verified", true);
    email.set("metadata", emailMetadata);
    email.put("value", user.email());
    return body;
  }

  private static ObjectNode profileItemMetadata(User user, String type) {
    ObjectNode metadata = Json.object();
    metadata.put("primary", true);
    ObjectNode source = metadata.putObject("source");
    source.put("type", type);
    source.put("id", user.accountId());
    return metadata;
  }

  /** A search response: {@code results[].person}, absent when nothing matched. */
  public static ObjectNode searchResults(
      List<Contact> found, Function<Contact, ObjectNode> render) {
    ObjectNode response = Json.object();
    if (!found.isEmpty()) {
      ArrayNode results = response.putArray("results");
      for (Contact contact : found) {
        results.addObject().set("person", render.apply(contact));
      }
    }
    return response;
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.person;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactIds;
import dev.openpeople.contact.Etags;
import dev.openpeople.contact.User;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.Json;
import dev.openpeople.token.TokenSigner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    Mask mask = new Mask(fields);
    return (ObjectNode)
        Json.toTree(out -> writeContact(out, contact, email, mask, sources, origin));
  }

  /**
   * The fields of a read mask in the order a Person's members are written (that of {@link
   * PersonFields#READABLE}), worked out once for a page of rows.
   */
  public static final class Mask {
    private final Set<String> fields;
    private final List<String> ordered;
    private final int[] bounds;

    public Mask(Set<String> fields) {
      this.fields = fields;
      this.ordered = PersonFields.READABLE.stream().filter(fields::contains).toList();
      this.bounds = new int[2 * ordered.size()];
    }

    boolean has(String field) {
      return fields.contains(field);
    }

    /** The stored members of {@code body} the mask selects, located in {@link #bounds}. */
    void locate(String body) {
      Json.storedMembers(body, ordered, bounds);
    }
  }

  /**
   * Writes a live contact as a Person. Stored values are copied as raw JSON, never parsed into
   * trees: listings render 1,000 of these per page, and parsing and re-serializing each body
   * dominated their cost.
   */
  public void writeContact(
      JsonGenerator out,
      Contact contact,
      String email,
      Mask mask,
      Set<ReadSources> sources,
      String origin)
      throws IOException {
    out.writeStartObject();
    out.writeStringField("resourceName", contact.resourceName());
    out.writeStringField("etag", Etags.person(contact));
    boolean stored = sources.contains(ReadSources.READ_SOURCE_TYPE_CONTACT);
    if (stored) {
      mask.locate(contact.body());
    }
    List<String> ordered = mask.ordered;
    int[] bounds = mask.bounds;
    if (mask.has("metadata")) {
      out.writeFieldName("metadata");
      int at = stored ? ordered.indexOf("metadata") : -1;
      if (at >= 0 && bounds[2 * at] >= 0) {
        // A stored body never has one; if it had, it took the computed one's place.
        writeRaw(out, contact.body(), bounds, at);
      } else {
        out.writeStartObject();
        out.writeArrayFieldStart("sources");
        writeSource(out, "CONTACT", contact);
        out.writeEndArray();
        out.writeStringField("objectType", "PERSON");
        out.writeEndObject();
      }
    }
    if (stored) {
      for (int i = 0; i < ordered.size(); i++) {
        String field = ordered.get(i);
        if (field.equals("photos")) {
          out.writeFieldName("photos");
          writePhotos(out, contact, email, origin);
        } else if (bounds[2 * i] >= 0 && !field.equals("metadata")) {
          out.writeFieldName(field);
          writeRaw(out, contact.body(), bounds, i);
        }
      }
    }
    out.writeEndObject();
  }

  /** A stored contact's entry of {@code metadata.sources}, of source {@code type}. */
  private static void writeSource(JsonGenerator out, String type, Contact contact)
      throws IOException {
    out.writeStartObject();
    out.writeStringField("type", type);
    out.writeStringField("id", ContactIds.sourceId(contact.id()));
    out.writeStringField("etag", Etags.source(contact));
    out.writeStringField("updateTime", Timestamps.format(contact.updated()));
    out.writeEndObject();
  }

  private static void writeRaw(JsonGenerator out, String body, int[] bounds, int i)
      throws IOException {
    out.writeRawValue(body, bounds[2 * i], bounds[2 * i + 1] - bounds[2 * i]);
  }

  /**
   * A deleted contact as it appears in an incremental sync (observed shape;
   * https://developers.google.com/people/api/rest/v1/people.connections/list).
   */
  public static void writeDeleted(JsonGenerator out, Contact contact) throws IOException {
    writeDeleted(out, contact, contact.resourceName(), "CONTACT");
  }

  /** A deleted contact or other contact, named {@code resourceName}, of source {@code type}. */
  public static void writeDeleted(
      JsonGenerator out, Contact contact, String resourceName, String type) throws IOException {
    out.writeStartObject();
    out.writeStringField("resourceName", resourceName);
    out.writeStringField("etag", Etags.person(contact));
    out.writeObjectFieldStart("metadata");
    out.writeArrayFieldStart("sources");
    out.writeStartObject();
    out.writeStringField("type", type);
    out.writeStringField("id", ContactIds.sourceId(contact.id()));
    out.writeEndObject();
    out.writeEndArray();
    out.writeBooleanField("deleted", true);
    out.writeStringField("objectType", "PERSON");
    out.writeEndObject();
    out.writeEndObject();
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
    Mask mask = new Mask(fields);
    return (ObjectNode)
        Json.toTree(out -> writeOtherContact(out, contact, mask, sources, profile, origin));
  }

  /** Writes an other contact as {@link #otherContact} returns it. */
  public void writeOtherContact(
      JsonGenerator out,
      Contact contact,
      Mask mask,
      Set<ReadSources> sources,
      @Nullable User profile,
      String origin)
      throws IOException {
    out.writeStartObject();
    out.writeStringField("resourceName", otherContactName(contact.id()));
    out.writeStringField("etag", Etags.person(contact));
    User shown = sources.contains(ReadSources.READ_SOURCE_TYPE_PROFILE) ? profile : null;
    if (mask.has("metadata")) {
      out.writeObjectFieldStart("metadata");
      out.writeArrayFieldStart("sources");
      writeSource(out, "OTHER_CONTACT", contact);
      if (shown != null) {
        writeProfileSource(out, shown);
      }
      out.writeEndArray();
      out.writeStringField("objectType", "PERSON");
      out.writeEndObject();
    }
    List<String> ordered = mask.ordered;
    int[] bounds = mask.bounds;
    // Without a profile to merge, stored values are copied raw, as for contacts (see
    // writeContact); with one, each field's items are the contact's then the profile's.
    if (shown == null) {
      mask.locate(contact.body());
    }
    ObjectNode body = shown == null ? Json.object() : Json.parseStored(contact.body());
    ObjectNode profileBody = shown == null ? Json.object() : profileBody(shown);
    for (int i = 0; i < ordered.size(); i++) {
      String field = ordered.get(i);
      if (field.equals("metadata")) {
        continue;
      }
      if (shown == null && bounds[2 * i] >= 0) {
        out.writeFieldName(field);
        writeRaw(out, contact.body(), bounds, i);
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
        out.writeFieldName(field);
        out.writeTree(items);
      }
    }
    out.writeEndObject();
  }

  private void writePhotos(JsonGenerator out, Contact contact, String email, String origin)
      throws IOException {
    out.writeStartArray();
    out.writeStartObject();
    out.writeObjectFieldStart("metadata");
    out.writeBooleanField("primary", true);
    out.writeObjectFieldStart("source");
    out.writeStringField("type", "CONTACT");
    out.writeStringField("id", ContactIds.sourceId(contact.id()));
    out.writeEndObject();
    out.writeEndObject();
    if (contact.photoVersion() == 0) {
      // Google shows a generated letter avatar marked default
      // (https://developers.google.com/people/api/rest/v1/people/deleteContactPhoto).
      out.writeStringField("url", origin + "/photos/default");
      out.writeBooleanField("default", true);
    } else {
      out.writeStringField("url", origin + "/photos/" + photoToken(email, contact));
    }
    out.writeEndObject();
    out.writeEndArray();
  }

  /** An unguessable, signed photo path segment naming the user, contact and photo version. */
  public String photoToken(String email, Contact contact) {
    byte[] user = email.getBytes(StandardCharsets.UTF_8);
    ByteBuffer payload = ByteBuffer.allocate(16 + user.length);
    payload.putLong(contact.id()).putLong(contact.photoVersion()).put(user);
    return signer.sign(payload.array());
  }

  private static void writeProfileSource(JsonGenerator out, User user) throws IOException {
    ArrayNode sources = Json.MAPPER.createArrayNode();
    addProfileSource(sources, user);
    out.writeTree(sources.get(0));
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

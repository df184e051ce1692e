// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactGroup;
import dev.openpeople.contact.ContactService.ContactDraft;
import dev.openpeople.contact.OtherContactService.OtherContactDraft;
import dev.openpeople.contact.OtherContactStore;
import dev.openpeople.contact.PersonDrafts;
import dev.openpeople.contact.Photo;
import dev.openpeople.contact.SharedContact;
import dev.openpeople.contact.SnapshotService;
import dev.openpeople.contact.User;
import dev.openpeople.server.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Whole-server snapshots as JSON Lines, streamed both ways. The first line is {@code
 * {"snapshot":"openpeople","version":1}}; then, per domain by name, a {@code domain} line (its
 * change sequence), each user ({@code user}: id, sequence, profile) followed by its {@code group},
 * {@code contact} (body, photo in base64) and {@code otherContact} lines, then the domain's {@code
 * sharedContact} lines. Ids, sequence numbers and times are kept, so etags, resource names and sync
 * positions are the same after a restore; index keys (sort keys, search terms) are derived again
 * from the bodies. A dump of a restored store is byte-identical to the dump restored.
 */
public record Snapshots(SnapshotService service, PersonDrafts drafts) {
  static final String MAGIC = "openpeople";
  static final int VERSION = 1;
  private static final int CHUNK = 1000;

  /** Writes the whole store to {@code out} (left open); returns how many lines. */
  public long dump(OutputStream out) throws IOException {
    Writer writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    SnapshotWriter lines = new SnapshotWriter(writer);
    try {
      lines.header();
      service.dump(lines);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    writer.flush();
    return lines.records;
  }

  /** A snapshot that cannot be restored: what is wrong and on which line. */
  public static final class InvalidSnapshotException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidSnapshotException(String message) {
      super(message);
    }
  }

  /**
   * Restores a snapshot into an empty store; returns how many lines it read. Throws {@link
   * InvalidSnapshotException} when the store is not empty or a line is not a snapshot record.
   */
  public long restore(InputStream in) throws IOException {
    if (!service.empty()) {
      throw new InvalidSnapshotException(
          "the store is not empty: a snapshot is restored only into an empty store");
    }
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    Restore restore = new Restore();
    long number =
        Json.eachLine(
            reader,
            (n, line) -> {
              try {
                JsonNode node = Json.MAPPER.readTree(line);
                if (!(node instanceof ObjectNode record)) {
                  throw new IllegalArgumentException("not a JSON object");
                }
                if (n == 1) {
                  header(record);
                } else {
                  restore.record(record);
                }
              } catch (JsonProcessingException e) {
                throw new InvalidSnapshotException(
                    "line " + n + ": not JSON: " + e.getOriginalMessage());
              } catch (IllegalArgumentException
                  | NullPointerException
                  | java.time.DateTimeException e) {
                throw new InvalidSnapshotException("line " + n + ": " + e.getMessage());
              }
            });
    if (number == 0) {
      throw new InvalidSnapshotException("the snapshot is empty");
    }
    restore.flush();
    return number;
  }

  private static void header(ObjectNode record) {
    if (!MAGIC.equals(record.path("snapshot").asText())) {
      throw new IllegalArgumentException("not an OpenPeople snapshot (no \"snapshot\" header)");
    }
    if (record.path("version").asInt() != VERSION) {
      throw new IllegalArgumentException(
          "snapshot version " + record.path("version") + " (this server reads " + VERSION + ")");
    }
  }

  /** The records of the user and domain being restored, written a chunk at a time. */
  private final class Restore {
    private @Nullable String user;
    private final List<ContactGroup> groups = new ArrayList<>();
    private final List<Contact> contacts = new ArrayList<>();
    private final Map<Long, Photo> photos = new LinkedHashMap<>();
    private final Map<Long, String> cardUids = new LinkedHashMap<>();
    private final List<OtherContactStore.Row> others = new ArrayList<>();
    private @Nullable String domain;
    private final List<SharedContact> shared = new ArrayList<>();
    private final Map<String, Photo> sharedPhotos = new LinkedHashMap<>();

    void record(ObjectNode r) {
      if (r.has("domain") && !r.has("sharedContact")) {
        flush();
        service.restoreDomain(text(r, "domain"), r.path("lastSeq").asLong());
      } else if (r.has("user") && r.has("id")) {
        flush();
        String email = text(r, "user");
        JsonNode profile = r.get("profile");
        service.restoreUser(
            new User(
                r.path("id").asLong(),
                email,
                r.path("lastSeq").asLong(),
                profile == null ? null : Json.writeString(profile),
                instant(r, "created")),
            r.path("domainSeq").asLong());
        user = email;
      } else if (r.has("group")) {
        group(r);
      } else if (r.has("contact")) {
        contact(r);
      } else if (r.has("otherContact")) {
        otherContact(r);
      } else if (r.has("sharedContact")) {
        sharedContact(r);
      } else {
        throw new IllegalArgumentException("not a snapshot record: " + r.fieldNames().next());
      }
      if (groups.size() + contacts.size() + others.size() + shared.size() >= CHUNK) {
        flush();
      }
    }

    private void group(ObjectNode r) {
      owned(r);
      groups.add(
          new ContactGroup(
              text(r, "group"),
              r.path("seq").asLong(),
              instant(r, "updated"),
              false,
              text(r, "name"),
              Json.writeString(r.path("clientData"))));
    }

    private void contact(ObjectNode r) {
      owned(r);
      long id = Long.parseUnsignedLong(text(r, "contact"));
      ObjectNode body = object(r, "body");
      ContactDraft draft = drafts.stored(Json.writeString(body));
      String uid = body.path(PersonDrafts.CARD_FIELD).path("uid").textValue();
      if (uid != null) {
        cardUids.put(id, uid);
      }
      contacts.add(
          new Contact(
              id,
              r.path("seq").asLong(),
              instant(r, "created"),
              instant(r, "updated"),
              false,
              draft.body(),
              draft.keys(),
              r.path("photoVersion").asLong()));
      Photo photo = photo(r);
      if (photo != null) {
        photos.put(id, photo);
      }
    }

    private void otherContact(ObjectNode r) {
      owned(r);
      OtherContactDraft draft = drafts.storedOtherContact(Json.writeString(object(r, "body")));
      others.add(
          new OtherContactStore.Row(
              new Contact(
                  Long.parseUnsignedLong(text(r, "otherContact")),
                  r.path("seq").asLong(),
                  instant(r, "created"),
                  instant(r, "updated"),
                  false,
                  draft.draft().body(),
                  draft.draft().keys(),
                  0),
              draft.emailKey()));
    }

    private void sharedContact(ObjectNode r) {
      String of = text(r, "domain");
      if (!of.equals(domain)) {
        flush();
        domain = of;
      }
      String id = text(r, "sharedContact");
      shared.add(
          new SharedContact(
              of,
              id,
              r.path("seq").asLong(),
              instant(r, "created"),
              instant(r, "updated"),
              false,
              Json.writeString(object(r, "entry")),
              Json.writeString(object(r, "person")),
              r.path("searchText").asText(""),
              r.path("photoVersion").asLong()));
      Photo photo = photo(r);
      if (photo != null) {
        sharedPhotos.put(id, photo);
      }
    }

    /** A user's record must follow that user's line. */
    private void owned(ObjectNode r) {
      if (!text(r, "user").equals(user)) {
        throw new IllegalArgumentException(
            "a record of " + text(r, "user") + " outside that user's lines");
      }
    }

    void flush() {
      String email = user;
      if (email != null && groups.size() + contacts.size() + others.size() > 0) {
        service.restore(email, groups, contacts, photos, cardUids, others);
      }
      groups.clear();
      contacts.clear();
      photos.clear();
      cardUids.clear();
      others.clear();
      String of = domain;
      if (of != null && !shared.isEmpty()) {
        service.restoreShared(of, shared, sharedPhotos);
      }
      shared.clear();
      sharedPhotos.clear();
    }
  }

  private static String text(ObjectNode r, String field) {
    JsonNode value = r.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("\"" + field + "\" must be a string");
    }
    return value.asText();
  }

  private static ObjectNode object(ObjectNode r, String field) {
    if (!(r.get(field) instanceof ObjectNode value)) {
      throw new IllegalArgumentException("\"" + field + "\" must be an object");
    }
    return value;
  }

  private static Instant instant(ObjectNode r, String field) {
    return Instant.parse(text(r, field));
  }

  private static @Nullable Photo photo(ObjectNode r) {
    JsonNode photo = r.get("photo");
    if (photo == null) {
      return null;
    }
    return new Photo(
        photo.path("contentType").asText(),
        Base64.getDecoder().decode(photo.path("data").asText()));
  }
}

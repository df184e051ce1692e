// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.transfer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.ContactIds;
import dev.openpeople.contact.PersonDrafts;
import dev.openpeople.contact.SystemGroups;
import dev.openpeople.server.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * People API {@code Person} objects, one per contact: read from a JSON array or JSON Lines, written
 * as a JSON array with one Person per line. Output-only fields (resourceName, etag, metadata,
 * photos) are ignored on import; memberships keep system groups and the user's own groups (by id);
 * their contactGroupResourceName of another account's group is left out.
 */
final class PersonJson {
  /** Fields a Person carries that an import does not write. */
  private static final List<String> OUTPUT_ONLY =
      List.of(
          "resourceName", "etag", "metadata", "photos", "coverPhotos", "ageRanges", "memberships");

  private PersonJson() {}

  /** Reads a JSON array of Persons or one Person per line. */
  static void read(BufferedReader in, Item.Sink sink) throws IOException {
    in.mark(1 << 16);
    int c;
    do {
      c = in.read();
    } while (c == '\uFEFF' || (c != -1 && Character.isWhitespace(c)));
    in.reset();
    if (c == '[') {
      readArray(in, sink);
    } else {
      readLines(in, sink);
    }
  }

  private static void readArray(BufferedReader in, Item.Sink sink) throws IOException {
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(in)) {
      JsonToken first = parser.nextToken();
      while (first != JsonToken.START_ARRAY) {
        first = parser.nextToken();
      }
      int number = 0;
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        number++;
        String where =
            "person " + number + " (line " + parser.currentTokenLocation().getLineNr() + ")";
        JsonNode node = Json.MAPPER.readTree(parser);
        sink.accept(item(where, node));
      }
    } catch (JsonProcessingException e) {
      sink.accept(
          Item.bad("line " + e.getLocation().getLineNr(), "not JSON: " + e.getOriginalMessage()));
    }
  }

  private static void readLines(BufferedReader in, Item.Sink sink) throws IOException {
    Json.eachLine(
        in,
        (number, line) -> {
          String where = "line " + number;
          try {
            sink.accept(item(where, Json.MAPPER.readTree(line)));
          } catch (JsonProcessingException e) {
            sink.accept(Item.bad(where, "not JSON: " + e.getOriginalMessage()));
          }
        });
  }

  private static Item item(String where, JsonNode node) {
    if (!(node instanceof ObjectNode person)) {
      return Item.bad(where, "not a Person object");
    }
    List<String> groupIds = new ArrayList<>();
    for (JsonNode m : person.path("memberships")) {
      JsonNode group = m.path("contactGroupMembership");
      String id = group.path("contactGroupId").asText("");
      if (id.isEmpty()) {
        id = group.path("contactGroupResourceName").asText("").replaceFirst("^contactGroups/", "");
      }
      if (!id.isEmpty() && !groupIds.contains(id)) {
        groupIds.add(id);
      }
    }
    if (!groupIds.contains(SystemGroups.MY_CONTACTS.id())) {
      groupIds.add(0, SystemGroups.MY_CONTACTS.id());
    }
    ObjectNode copy = person.deepCopy();
    OUTPUT_ONLY.forEach(copy::remove);
    copy.remove(PersonDrafts.CARD_FIELD);
    return new Item(where, copy, List.of(), groupIds, "{}", null, null);
  }

  /** A stored contact as the Person {@code people.get} returns with every field. */
  static ObjectNode person(long id, String etag, ObjectNode body) {
    ObjectNode person = Json.object();
    person.put("resourceName", ContactIds.resourceName(id));
    person.put("etag", etag);
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      if (!field.getKey().equals(PersonDrafts.CARD_FIELD)) {
        person.set(field.getKey(), field.getValue());
      }
    }
    return person;
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.Contact;
import dev.openpeople.server.Json;
import org.jspecify.annotations.Nullable;

/** How an interaction changes an other contact: the Person it becomes. */
final class Interactions {
  private Interactions() {}

  /**
   * The other contact after an interaction: its address, the display name when one is given (it
   * replaces the old name, as a newer message header would), and the phone number added unless
   * already known.
   */
  static ObjectNode merge(
      @Nullable Contact current,
      String email,
      @Nullable String displayName,
      @Nullable String phone) {
    ObjectNode person = current == null ? Json.object() : Json.parseStored(current.body());
    if (!person.has("emailAddresses")) {
      person.putArray("emailAddresses").addObject().put("value", email);
    }
    if (displayName != null && !displayName.isBlank()) {
      String name = displayName.trim().replaceAll("\\s+", " ");
      int space = name.indexOf(' ');
      ObjectNode item = Json.object();
      item.put("givenName", space < 0 ? name : name.substring(0, space));
      if (space > 0) {
        item.put("familyName", name.substring(space + 1));
      }
      item.put("unstructuredName", name);
      person.putArray("names").add(item);
    }
    if (phone != null && !phone.isBlank() && !knows(person.path("phoneNumbers"), phone)) {
      ArrayNode phones =
          person.has("phoneNumbers")
              ? (ArrayNode) person.get("phoneNumbers")
              : person.putArray("phoneNumbers");
      phones.addObject().put("value", phone.trim());
    }
    return person;
  }

  /** True when a stored body has {@code emailKey} (lower-cased) among its e-mail addresses. */
  static boolean hasAddress(String body, String emailKey) {
    for (JsonNode email : Json.parseStored(body).path("emailAddresses")) {
      if (email.path("value").asText("").trim().equalsIgnoreCase(emailKey)) {
        return true;
      }
    }
    return false;
  }

  private static boolean knows(JsonNode phones, String phone) {
    String digits = phone.replaceAll("[^0-9]", "");
    for (JsonNode known : phones) {
      String value = known.path("value").asText("");
      if (value.equals(phone.trim())
          || (!digits.isEmpty() && value.replaceAll("[^0-9]", "").equals(digits))) {
        return true;
      }
    }
    return false;
  }
}

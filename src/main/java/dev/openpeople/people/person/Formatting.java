// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.person;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.PhoneNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The read-only parts Google computes from what a client wrote: formattedType, display names,
 * canonical phone forms, formatted gender values and addresses
 * (https://developers.google.com/people/api/rest/v1/people#Person, as an en-US viewer sees them).
 */
public final class Formatting {
  private Formatting() {}

  public static void fill(String field, ObjectNode item, PhoneNumbers phones) {
    String type = item.path("type").asText("");
    if (!type.isEmpty() && !field.equals("nicknames") && !field.equals("miscKeywords")) {
      item.put("formattedType", formattedType(type));
    }
    switch (field) {
      case "names" -> names(item);
      case "phoneNumbers" -> phone(item, phones);
      case "genders" -> {
        String value = item.path("value").asText("");
        if (!value.isEmpty()) {
          item.put("formattedValue", formattedType(value));
        }
      }
      case "addresses" -> address(item);
      case "imClients" -> {
        String protocol = item.path("protocol").asText("");
        if (!protocol.isEmpty()) {
          item.put("formattedProtocol", protocolName(protocol));
        }
      }
      default -> {}
    }
  }

  /** Known types are capitalized words ("homeFax" -> "Home Fax"); custom ones echo unchanged. */
  public static String formattedType(String type) {
    if (type.isEmpty() || Character.isUpperCase(type.charAt(0))) {
      return type;
    }
    for (int i = 0; i < type.length(); i++) {
      if (!Character.isLetter(type.charAt(i))) {
        return type;
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < type.length(); i++) {
      char c = type.charAt(i);
      if (i == 0) {
        out.append(Character.toUpperCase(c));
      } else if (Character.isUpperCase(c)) {
        out.append(' ').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String protocolName(String protocol) {
    return switch (protocol) {
      case "aim" -> "AIM";
      case "msn" -> "MSN";
      case "qq" -> "QQ";
      case "icq" -> "ICQ";
      case "googleTalk" -> "Google Talk";
      case "netMeeting" -> "NetMeeting";
      default -> formattedType(protocol);
    };
  }

  private static void names(ObjectNode name) {
    String given = name.path("givenName").asText("");
    String middle = name.path("middleName").asText("");
    String family = name.path("familyName").asText("");
    String prefix = name.path("honorificPrefix").asText("");
    String suffix = name.path("honorificSuffix").asText("");
    String display = join(" ", prefix, given, middle, family);
    if (!suffix.isEmpty()) {
      display = display.isEmpty() ? suffix : display + ", " + suffix;
    }
    if (display.isEmpty()) {
      display = name.path("unstructuredName").asText("");
    }
    if (display.isEmpty()) {
      return;
    }
    name.put("displayName", display);
    String rest = join(" ", prefix, given, middle);
    String lastFirst = family.isEmpty() ? display : rest.isEmpty() ? family : family + ", " + rest;
    if (!suffix.isEmpty() && !family.isEmpty()) {
      lastFirst = lastFirst + ", " + suffix;
    }
    name.put("displayNameLastFirst", lastFirst);
    if (!name.has("unstructuredName")) {
      name.put("unstructuredName", display);
    }
  }

  private static void phone(ObjectNode phone, PhoneNumbers phones) {
    phones
        .canonicalForm(phone.path("value").asText(""))
        .ifPresent(e164 -> phone.put("canonicalForm", e164));
  }

  private static void address(ObjectNode address) {
    if (address.has("formattedValue")) {
      return;
    }
    String cityLine =
        join(
            " ",
            join(", ", address.path("city").asText(""), address.path("region").asText("")),
            address.path("postalCode").asText(""));
    String formatted =
        join(
            "\n",
            address.path("poBox").asText(""),
            address.path("streetAddress").asText(""),
            address.path("extendedAddress").asText(""),
            cityLine,
            address.path("country").asText(""));
    if (!formatted.isEmpty()) {
      address.put("formattedValue", formatted);
    }
  }

  private static String join(String separator, String... parts) {
    List<String> kept = new ArrayList<>();
    for (String part : parts) {
      if (!part.isBlank()) {
        kept.add(part.trim());
      }
    }
    return String.join(separator, kept);
  }

  public static String lower(String value) {
    return value.toLowerCase(Locale.ROOT);
  }
}

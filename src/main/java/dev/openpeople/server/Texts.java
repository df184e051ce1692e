// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.error.ApiException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Text the server refuses at the door, before any handler runs: a NUL character (PostgreSQL cannot
 * store it in text, so the backends would disagree) and an unpaired UTF-16 surrogate (it has no
 * UTF-8 form, so the reply could not be written, although a JSON escape can carry it, RFC 8259
 * §8.2). Either is a 400 INVALID_ARGUMENT and nothing is written.
 */
public final class Texts {
  private Texts() {}

  /** Why {@code value} is refused, or null when it is acceptable text. */
  public static @Nullable String problem(CharSequence value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\0') {
        return "contains the character U+0000 (NUL)";
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "contains an unpaired UTF-16 surrogate";
      }
    }
    return null;
  }

  /** Throws a 400 naming {@code where} when {@code value} is not acceptable text. */
  public static void require(String where, CharSequence value) {
    String problem = problem(value);
    if (problem != null) {
      throw ApiException.invalid("Invalid value at '%s': the text %s.", where, problem);
    }
  }

  /** Checks every decoded query parameter name and value. */
  public static void requireQuery(Map<String, List<String>> query) {
    for (Map.Entry<String, List<String>> entry : query.entrySet()) {
      require(entry.getKey(), entry.getKey());
      for (String value : entry.getValue()) {
        require(entry.getKey(), value);
      }
    }
  }

  /** Checks every member name and string value of a parsed JSON body. */
  public static void requireJson(JsonNode node, String path) {
    if (node.isTextual()) {
      require(path, node.textValue());
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        requireJson(node.get(i), path + "[" + i + "]");
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        require(child, field.getKey());
        requireJson(field.getValue(), child);
      }
    }
  }
}

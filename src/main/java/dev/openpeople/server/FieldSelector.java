// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.error.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Google's {@code fields} partial-response selector ({@code a,b/c,d(e,f)}), parsed into a tree and
 * applied to a JSON response. Arrays are filtered element by element.
 */
public final class FieldSelector {
  private final Map<String, FieldSelector> children = new LinkedHashMap<>();

  private FieldSelector() {}

  /** Parses a selector; malformed syntax is a 400. */
  public static FieldSelector parse(String spec) {
    FieldSelector root = new FieldSelector();
    int end = root.parseList(spec, 0);
    if (end != spec.length()) {
      throw invalid(spec);
    }
    return root;
  }

  private int parseList(String spec, int start) {
    int i = start;
    while (true) {
      i = parseTerm(spec, i);
      if (i < spec.length() && spec.charAt(i) == ',') {
        i++;
        continue;
      }
      return i;
    }
  }

  private int parseTerm(String spec, int start) {
    FieldSelector node = this;
    int i = start;
    while (true) {
      int nameStart = i;
      while (i < spec.length() && "/,()".indexOf(spec.charAt(i)) < 0) {
        i++;
      }
      String name = spec.substring(nameStart, i).trim();
      if (name.isEmpty()) {
        throw invalid(spec);
      }
      node = node.children.computeIfAbsent(name, n -> new FieldSelector());
      if (i < spec.length() && spec.charAt(i) == '/') {
        i++;
        continue;
      }
      if (i < spec.length() && spec.charAt(i) == '(') {
        i = node.parseList(spec, i + 1);
        if (i >= spec.length() || spec.charAt(i) != ')') {
          throw invalid(spec);
        }
        i++;
      }
      return i;
    }
  }

  private static ApiException invalid(String spec) {
    return ApiException.invalid("Invalid field selection %s", spec);
  }

  /** Applies the selector; a selector with no children keeps the whole value. */
  public JsonNode apply(JsonNode node) {
    if (children.isEmpty()) {
      return node;
    }
    node = Json.tree(node);
    if (node.isArray()) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      node.forEach(element -> out.add(apply(element)));
      return out;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode out = Json.object();
    for (Map.Entry<String, FieldSelector> entry : children.entrySet()) {
      if (entry.getKey().equals("*")) {
        node.properties().forEach(f -> out.set(f.getKey(), f.getValue()));
        continue;
      }
      JsonNode child = node.get(entry.getKey());
      if (child != null) {
        out.set(entry.getKey(), entry.getValue().apply(child));
      }
    }
    return out;
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.error.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a JSON request body against the discovery schemas the way Google's proto3 JSON parser
 * does: unknown fields and wrong types are 400s, snake_case names are accepted and renamed, {@code
 * null} means "unset", integers may arrive as strings and booleans as {@code "true"}/{@code
 * "false"} (https://protobuf.dev/programming-guides/json/).
 */
public final class SchemaValidator {
  private final Discovery discovery;

  public SchemaValidator(Discovery discovery) {
    this.discovery = discovery;
  }

  /** Validates and normalizes {@code body} in place; returns the normalized node. */
  public JsonNode validate(JsonNode body, String schemaName, String rootName) {
    return value(body, Json.object().put("$ref", schemaName), rootName);
  }

  private JsonNode value(JsonNode node, JsonNode spec, String path) {
    JsonNode ref = spec.get("$ref");
    if (ref != null) {
      JsonNode schema = discovery.schema(ref.asText());
      if (schema == null) {
        return node;
      }
      return object(node, schema, path);
    }
    String type = spec.path("type").asText();
    switch (type) {
      case "string" -> {
        if (!node.isTextual()) {
          throw bad(path, "TYPE_STRING", node);
        }
        List<String> enums = new ArrayList<>();
        spec.path("enum").forEach(e -> enums.add(e.asText()));
        if (!enums.isEmpty() && !enums.contains(node.asText())) {
          throw bad(path, "enum", node);
        }
        return node;
      }
      case "integer" -> {
        return integer(node, path);
      }
      case "number" -> {
        if (!node.isNumber()) {
          throw bad(path, "TYPE_DOUBLE", node);
        }
        return node;
      }
      case "boolean" -> {
        return bool(node, path);
      }
      case "array" -> {
        return array(node, spec.path("items"), path);
      }
      case "object" -> {
        return object(node, spec, path);
      }
      default -> {
        return node;
      }
    }
  }

  /**
   * Protobuf JSON accepts {@code "true"} and {@code "false"} for a bool; output stays canonical.
   */
  private static JsonNode bool(JsonNode node, String path) {
    if (node.isBoolean()) {
      return node;
    }
    if (node.isTextual() && node.asText().equals("true")) {
      return BooleanNode.TRUE;
    }
    if (node.isTextual() && node.asText().equals("false")) {
      return BooleanNode.FALSE;
    }
    throw bad(path, "TYPE_BOOL", node);
  }

  private static JsonNode integer(JsonNode node, String path) {
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node;
    }
    if (node.isTextual()) {
      try {
        return IntNode.valueOf(Integer.parseInt(node.asText().trim()));
      } catch (NumberFormatException e) {
        throw bad(path, "TYPE_INT32", node);
      }
    }
    throw bad(path, "TYPE_INT32", node);
  }

  private JsonNode array(JsonNode node, JsonNode items, String path) {
    if (!node.isArray()) {
      throw ApiException.invalid(
          "Invalid JSON payload received. Proto field is not repeating, cannot start list at"
              + " '%s'.",
          path);
    }
    ArrayNode array = (ArrayNode) node;
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).isNull()) {
        throw ApiException.invalid("Invalid JSON payload received. null in list at '%s'.", path);
      }
      array.set(i, value(array.get(i), items, path + "[" + i + "]"));
    }
    return array;
  }

  private JsonNode object(JsonNode node, JsonNode schema, String path) {
    if (!node.isObject()) {
      throw bad(path, "object", node);
    }
    ObjectNode object = (ObjectNode) node;
    JsonNode additional = schema.get("additionalProperties");
    JsonNode properties = schema.path("properties");
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode child = object.get(name);
      if (child.isNull()) {
        object.remove(name);
        continue;
      }
      if (additional != null) {
        object.set(name, value(child, additional, path + "." + name));
        continue;
      }
      String key = name;
      if (!properties.has(key) && properties.has(Names.camel(name))) {
        key = Names.camel(name);
        object.remove(name);
      }
      JsonNode propertySpec = properties.get(key);
      if (propertySpec == null) {
        throw ApiException.invalid(
            "Invalid JSON payload received. Unknown name \"%s\" at '%s': Cannot find field.",
            name, path);
      }
      object.set(key, value(child, propertySpec, path + "." + key));
    }
    return object;
  }

  private static ApiException bad(String path, String type, JsonNode node) {
    return ApiException.invalid(
        "Invalid value at '%s' (%s), %s", path, type, Json.writeString(node));
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.error.ApiException;
import java.io.IOException;

/** The one Jackson setup of the server: tree reading, compact or Google-style pretty writing. */
public final class Json {
  /** Shared mapper; trees only, so no data-binding configuration matters. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(100)
                .maxStringLength(50_000_000)
                .build());
  }

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Parses a request body; malformed JSON is a 400 in Google's words. */
  public static JsonNode parse(byte[] body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        return MAPPER.createObjectNode();
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiException.invalid(
          "Invalid JSON payload received. %s",
          e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw ApiException.invalid("Invalid JSON payload received. %s", e.getMessage());
    }
  }

  public static byte[] write(JsonNode node, boolean pretty) {
    try {
      return pretty
          ? MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(node)
          : MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String writeString(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses JSON this server wrote itself (stored bodies); failure is a bug, not bad input. */
  public static ObjectNode parseStored(String json) {
    try {
      return (ObjectNode) MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is corrupt", e);
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.openpeople.error.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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

  /** The writers of {@link #write}, built once (a writer is immutable and thread-safe). */
  private static final ObjectWriter PRETTY = MAPPER.writer(SerializationFeature.INDENT_OUTPUT);

  private static final ObjectWriter COMPACT = MAPPER.writer();

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** What {@link #eachLine} calls with each non-blank line and its 1-based number. */
  @FunctionalInterface
  public interface LineHandler {
    void line(long number, String line) throws IOException;
  }

  /**
   * Reads JSON Lines (https://jsonlines.org/): hands each non-blank line with its number to {@code
   * handler}; returns how many lines there were, blank ones included.
   */
  public static long eachLine(BufferedReader in, LineHandler handler) throws IOException {
    long number = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      number++;
      if (!line.isBlank()) {
        handler.line(number, line);
      }
    }
    return number;
  }

  /** Parses a request body; malformed JSON is a 400 in Google's words. */
  public static JsonNode parse(byte[] body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        return MAPPER.createObjectNode();
      }
      Texts.requireJson(node, "");
      return node;
    } catch (JsonProcessingException e) {
      throw ApiException.invalid(
          "Invalid JSON payload received. %s",
          e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw ApiException.invalid("Invalid JSON payload received. %s", e.getMessage());
    }
  }

  /**
   * Writes a reply. Text that has no UTF-8 form (an unpaired surrogate, refused on input by {@link
   * Texts} but possibly stored by an older version) is written as a JSON escape instead of failing,
   * so a write that has been applied is never answered with an error.
   */
  public static byte[] write(JsonNode node, boolean pretty) {
    ObjectWriter writer = pretty ? PRETTY : COMPACT;
    try {
      return writer.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      try {
        return writer.with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsBytes(node);
      } catch (JsonProcessingException again) {
        again.addSuppressed(e);
        throw new IllegalStateException(again);
      }
    }
  }

  public static String writeString(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The raw JSON text of the {@code wanted} top-level members of a stored JSON object; members
   * absent from the object are absent here. The members' boundaries are found by a scan of the text
   * that only tracks strings and brackets (stored JSON is this server's own output, and list
   * methods cut 1,000 bodies a page, where tokenizing every body was the main cost); anything the
   * scan does not expect (a scalar member, an escaped name, text after the object) goes to
   * Jackson's streaming parser, which also reports corrupt JSON.
   */
  public static Map<String, String> storedFields(String json, Set<String> wanted) {
    Map<String, String> scanned = scanMembers(json, wanted);
    return scanned != null ? scanned : parseMembers(json, wanted);
  }

  /** {@link #storedFields} by the scan, or null when the text is not of the expected shape. */
  private static @Nullable Map<String, String> scanMembers(String json, Set<String> wanted) {
    Map<String, String> out = new HashMap<>();
    int n = json.length();
    int i = skipSpace(json, 0);
    if (i >= n || json.charAt(i) != '{') {
      return null;
    }
    i = skipSpace(json, i + 1);
    if (i < n && json.charAt(i) == '}') {
      return skipSpace(json, i + 1) == n ? out : null;
    }
    while (i < n && json.charAt(i) == '"') {
      int nameEnd = json.indexOf('"', i + 1);
      if (nameEnd < 0 || json.indexOf('\\', i + 1, nameEnd) >= 0) {
        return null;
      }
      String name = json.substring(i + 1, nameEnd);
      i = skipSpace(json, nameEnd + 1);
      if (i >= n || json.charAt(i) != ':') {
        return null;
      }
      int start = skipSpace(json, i + 1);
      int end = start < n ? skipComposite(json, start) : -1;
      if (end < 0) {
        return null;
      }
      if (wanted.contains(name)) {
        out.put(name, json.substring(start, end));
      }
      i = skipSpace(json, end);
      if (i < n && json.charAt(i) == ',') {
        i = skipSpace(json, i + 1);
      } else if (i < n && json.charAt(i) == '}') {
        return skipSpace(json, i + 1) == n ? out : null;
      } else {
        return null;
      }
    }
    return null;
  }

  /**
   * The end (exclusive) of the array or object starting at {@code start}, skipping strings with
   * their escapes; -1 when there is none there or it does not close.
   */
  private static int skipComposite(String json, int start) {
    char first = json.charAt(start);
    if (first != '[' && first != '{') {
      return -1;
    }
    int depth = 0;
    int n = json.length();
    for (int i = start; i < n; i++) {
      char c = json.charAt(i);
      if (c == '"') {
        i = endOfString(json, i);
        if (i < 0) {
          return -1;
        }
      } else if (c == '[' || c == '{') {
        depth++;
      } else if ((c == ']' || c == '}') && --depth == 0) {
        return i + 1;
      }
    }
    return -1;
  }

  /**
   * The index of the quote that closes the string opened at {@code open}, -1 if none: the next
   * quote not escaped (preceded by an even number of backslashes), found with {@code indexOf}.
   */
  private static int endOfString(String json, int open) {
    int i = open;
    while (true) {
      i = json.indexOf('"', i + 1);
      if (i < 0) {
        return -1;
      }
      int backslashes = 0;
      for (int j = i - 1; json.charAt(j) == '\\'; j--) {
        backslashes++;
      }
      if (backslashes % 2 == 0) {
        return i;
      }
    }
  }

  private static int skipSpace(String json, int from) {
    int i = from;
    while (i < json.length() && isSpace(json.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  /** {@link #storedFields} by Jackson's streaming parser (no tree is built). */
  private static Map<String, String> parseMembers(String json, Set<String> wanted) {
    Map<String, String> out = new HashMap<>();
    try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalStateException("stored JSON is not an object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!wanted.contains(name)) {
          parser.skipChildren();
          continue;
        }
        int start = (int) parser.currentTokenLocation().getCharOffset();
        if (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT) {
          parser.skipChildren();
        }
        int end = (int) parser.currentLocation().getCharOffset();
        out.put(name, json.substring(start, end));
      }
    } catch (IOException e) {
      throw new IllegalStateException("stored JSON is corrupt", e);
    }
    return out;
  }

  /** A raw JSON value (see {@link #storedFields}) as a tree, for code that must look inside. */
  public static JsonNode tree(JsonNode node) {
    if (node instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw) {
      try {
        return MAPPER.readTree(String.valueOf(raw.rawValue()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("raw JSON is corrupt", e);
      }
    }
    return node;
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

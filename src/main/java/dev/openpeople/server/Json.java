// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.openpeople.error.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

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

  /**
   * A JSON body written straight to Jackson's streaming generator: list methods write a page of
   * 1,000 people this way instead of building a tree and then serializing it.
   */
  @FunctionalInterface
  public interface Body {
    void write(JsonGenerator out) throws IOException;
  }

  /**
   * Writes {@code body} as {@link #write(JsonNode, boolean)} writes the same content as a tree: the
   * generator is configured by the same writer (the same pretty printer and features), and text
   * without a UTF-8 form is escaped in a second attempt.
   */
  public static byte[] write(Body body, boolean pretty) {
    ObjectWriter writer = pretty ? PRETTY : COMPACT;
    try {
      return write(body, writer);
    } catch (IOException e) {
      try {
        return write(body, writer.with(JsonWriteFeature.ESCAPE_NON_ASCII));
      } catch (IOException again) {
        again.addSuppressed(e);
        throw new IllegalStateException(again);
      }
    }
  }

  private static byte[] write(Body body, ObjectWriter writer) throws IOException {
    // Jackson's builder, as writeValueAsBytes uses: blocks, copied once at the end.
    try (ByteArrayBuilder bytes = new ByteArrayBuilder()) {
      try (JsonGenerator out = writer.createGenerator(bytes)) {
        body.write(out);
      }
      return bytes.toByteArray();
    }
  }

  /**
   * {@code body} as a tree, for code that must select from it or nest it: raw values stay raw
   * ({@link RawValue} nodes), so the tree is written with the same bytes as the body.
   */
  public static JsonNode toTree(Body body) {
    try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
      body.write(buffer);
      try (JsonParser parser = buffer.asParser()) {
        return MAPPER.readTree(parser);
      }
    } catch (IOException e) {
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

  /**
   * Where the raw JSON text of the {@code wanted} top-level members of a stored JSON object lies:
   * for each {@code wanted.get(i)} present, its value spans {@code bounds[2 * i]} (inclusive) to
   * {@code bounds[2 * i + 1]} (exclusive) of {@code json}; both are -1 for a member absent from the
   * object. The members' boundaries are found by a scan of the text that only tracks strings and
   * brackets (stored JSON is this server's own output, and list methods cut 1,000 bodies a page,
   * where tokenizing every body was the main cost); anything the scan does not expect (a scalar
   * member, an escaped name, text after the object) goes to Jackson's streaming parser, which also
   * reports corrupt JSON.
   */
  public static void storedMembers(String json, List<String> wanted, int[] bounds) {
    Arrays.fill(bounds, 0, 2 * wanted.size(), -1);
    if (!scanMembers(json, wanted, bounds)) {
      Arrays.fill(bounds, 0, 2 * wanted.size(), -1);
      parseMembers(json, wanted, bounds);
    }
  }

  /**
   * The index in {@code wanted} of the name {@code json} holds from {@code start} to {@code end}.
   */
  private static int indexOf(List<String> wanted, String json, int start, int end) {
    int length = end - start;
    for (int k = 0; k < wanted.size(); k++) {
      String name = wanted.get(k);
      if (name.length() == length && json.startsWith(name, start)) {
        return k;
      }
    }
    return -1;
  }

  /** {@link #storedMembers} by the scan; false when the text is not of the expected shape. */
  private static boolean scanMembers(String json, List<String> wanted, int[] bounds) {
    int n = json.length();
    int i = skipSpace(json, 0);
    if (i >= n || json.charAt(i) != '{') {
      return false;
    }
    i = skipSpace(json, i + 1);
    if (i < n && json.charAt(i) == '}') {
      return skipSpace(json, i + 1) == n;
    }
    while (i < n && json.charAt(i) == '"') {
      int nameEnd = json.indexOf('"', i + 1);
      if (nameEnd < 0 || json.indexOf('\\', i + 1, nameEnd) >= 0) {
        return false;
      }
      int index = indexOf(wanted, json, i + 1, nameEnd);
      i = skipSpace(json, nameEnd + 1);
      if (i >= n || json.charAt(i) != ':') {
        return false;
      }
      int start = skipSpace(json, i + 1);
      int end = start < n ? skipComposite(json, start) : -1;
      if (end < 0) {
        return false;
      }
      if (index >= 0) {
        // A repeated member: the last one counts, as for Jackson's parser below.
        bounds[2 * index] = start;
        bounds[2 * index + 1] = end;
      }
      i = skipSpace(json, end);
      if (i < n && json.charAt(i) == ',') {
        i = skipSpace(json, i + 1);
      } else if (i < n && json.charAt(i) == '}') {
        return skipSpace(json, i + 1) == n;
      } else {
        return false;
      }
    }
    return false;
  }

  /**
   * The end (exclusive) of the array or object starting at {@code start}, skipping strings with
   * their escapes (a backslash and the character after it); -1 when there is none there or it does
   * not close. One pass over the characters: most strings of a stored body are a few characters
   * long, where a search for each closing quote cost more than it saved.
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
        for (i++; i < n; i++) {
          char inString = json.charAt(i);
          if (inString == '"') {
            break;
          }
          if (inString == '\\') {
            i++;
          }
        }
      } else if (c == '[' || c == '{') {
        depth++;
      } else if ((c == ']' || c == '}') && --depth == 0) {
        return i + 1;
      }
    }
    return -1;
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

  /** {@link #storedMembers} by Jackson's streaming parser (no tree is built). */
  private static void parseMembers(String json, List<String> wanted, int[] bounds) {
    try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalStateException("stored JSON is not an object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        int index = wanted.indexOf(parser.currentName());
        JsonToken value = parser.nextToken();
        if (index < 0) {
          parser.skipChildren();
          continue;
        }
        int start = (int) parser.currentTokenLocation().getCharOffset();
        if (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT) {
          parser.skipChildren();
        }
        bounds[2 * index] = start;
        bounds[2 * index + 1] = (int) parser.currentLocation().getCharOffset();
      }
    } catch (IOException e) {
      throw new IllegalStateException("stored JSON is corrupt", e);
    }
  }

  /** A raw JSON value (see {@link #storedMembers}) as a tree, for code that must look inside. */
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

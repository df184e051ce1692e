// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An answer before it is written: either JSON, as a tree or as a {@link Json.Body} written straight
 * to the generator (partial-response selection and pretty printing still apply), or raw bytes of a
 * content type.
 */
public final class ApiReply {
  public static final String JSON_TYPE = "application/json; charset=UTF-8";

  private final int status;
  private @Nullable JsonNode json;
  private final Json.@Nullable Body body;
  private final byte[] bytes;
  private final String contentType;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private ApiReply(
      int status,
      @Nullable JsonNode json,
      Json.@Nullable Body body,
      byte[] bytes,
      String contentType) {
    this.status = status;
    this.json = json;
    this.body = body;
    this.bytes = bytes;
    this.contentType = contentType;
  }

  public static ApiReply json(JsonNode node) {
    return new ApiReply(200, node, null, new byte[0], JSON_TYPE);
  }

  public static ApiReply json(int status, JsonNode node) {
    return new ApiReply(status, node, null, new byte[0], JSON_TYPE);
  }

  /** A 200 whose JSON is written by {@code body} when the reply is serialized. */
  public static ApiReply json(Json.Body body) {
    return new ApiReply(200, null, body, new byte[0], JSON_TYPE);
  }

  public static ApiReply bytes(int status, String contentType, byte[] body) {
    return new ApiReply(status, null, null, body, contentType);
  }

  public static ApiReply text(int status, String body) {
    return bytes(status, "text/plain; charset=UTF-8", body.getBytes(StandardCharsets.UTF_8));
  }

  public ApiReply header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  /** The JSON as a tree (built from the {@link #body} when there is one), or null for bytes. */
  public @Nullable JsonNode json() {
    if (json == null && body != null) {
      json = Json.toTree(body);
    }
    return json;
  }

  /** The JSON as a writer, when the reply was made from one. */
  public Json.@Nullable Body body() {
    return body;
  }

  public byte[] bytes() {
    return bytes;
  }

  public String contentType() {
    return contentType;
  }

  public Map<String, String> headers() {
    return headers;
  }
}

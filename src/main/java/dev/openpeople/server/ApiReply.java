// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An answer before it is written: either a JSON tree (partial-response selection and pretty
 * printing still apply) or raw bytes of a content type.
 */
public final class ApiReply {
  public static final String JSON_TYPE = "application/json; charset=UTF-8";

  private final int status;
  private final @Nullable JsonNode json;
  private final byte[] bytes;
  private final String contentType;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private ApiReply(int status, @Nullable JsonNode json, byte[] bytes, String contentType) {
    this.status = status;
    this.json = json;
    this.bytes = bytes;
    this.contentType = contentType;
  }

  public static ApiReply json(JsonNode node) {
    return new ApiReply(200, node, new byte[0], JSON_TYPE);
  }

  public static ApiReply json(int status, JsonNode node) {
    return new ApiReply(status, node, new byte[0], JSON_TYPE);
  }

  public static ApiReply bytes(int status, String contentType, byte[] body) {
    return new ApiReply(status, null, body, contentType);
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

  public @Nullable JsonNode json() {
    return json;
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

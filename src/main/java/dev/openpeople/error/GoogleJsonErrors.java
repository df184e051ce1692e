// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.error;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;

/** Renders an {@link ApiException} as Google's JSON error body (google.rpc.Status over HTTP). */
public final class GoogleJsonErrors {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GoogleJsonErrors() {}

  /** The whole body: {@code {"error": {code, message, status, details}}}. */
  public static ObjectNode body(ApiException e) {
    ObjectNode root = NODES.objectNode();
    ObjectNode error = root.putObject("error");
    error.put("code", e.error().httpStatus());
    error.put("message", e.getMessage());
    error.put("status", e.error().status());
    addDetails(error, e);
    return root;
  }

  /** The google.rpc.Status used inside batch responses, where {@code code} is the rpc code. */
  public static ObjectNode rpcStatus(ApiException e) {
    ObjectNode status = NODES.objectNode();
    status.put("code", e.error().rpcCode());
    status.put("message", e.getMessage());
    addDetails(status, e);
    return status;
  }

  private static void addDetails(ObjectNode target, ApiException e) {
    String reason = e.error().reason();
    if (reason == null) {
      return;
    }
    ArrayNode details = target.putArray("details");
    ObjectNode info = details.addObject();
    info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
    info.put("reason", reason);
    String domain = e.error().domain();
    info.put("domain", domain == null ? "people.googleapis.com" : domain);
    ObjectNode meta = info.putObject("metadata");
    meta.put("service", "people.googleapis.com");
    for (Map.Entry<String, String> entry : e.metadata().entrySet()) {
      meta.put(entry.getKey(), entry.getValue());
    }
    Duration retryDelay = e.retryDelay();
    if (retryDelay != null) {
      // https://cloud.google.com/apis/design/errors#error_details: RetryInfo.retry_delay, a
      // google.protobuf.Duration, which JSON writes as seconds with an "s" suffix.
      ObjectNode retry = details.addObject();
      retry.put("@type", "type.googleapis.com/google.rpc.RetryInfo");
      retry.put("retryDelay", retryDelay.toSeconds() + "s");
    }
  }
}

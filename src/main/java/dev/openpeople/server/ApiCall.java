// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request after routing, authentication and validation: what a handler method reads.
 *
 * @param pathVars path variables by their discovery flatPath names, e.g. {@code peopleId}
 * @param principal the caller, or null on routes that need no credentials
 * @param body the validated JSON body, or null when the method takes none
 */
public record ApiCall(
    ApiRequest request,
    Map<String, String> pathVars,
    @Nullable Principal principal,
    @Nullable JsonNode body) {

  /** The authenticated caller; only routes with an {@link Operation} have one. */
  public Principal caller() {
    if (principal == null) {
      throw new ApiException(ApiError.CREDENTIALS_MISSING);
    }
    return principal;
  }

  public String pathVar(String name) {
    String value = pathVars.get(name);
    if (value == null) {
      throw new IllegalStateException("no path variable " + name);
    }
    return value;
  }

  public @Nullable String param(String name) {
    return request.param(name);
  }

  public List<String> params(String name) {
    return request.params(name);
  }

  /** An integer query parameter (already validated against the discovery type), or a default. */
  public int intParam(String name, int defaultValue) {
    String value = request.param(name);
    return value == null || value.isEmpty() ? defaultValue : Integer.parseInt(value.trim());
  }

  public boolean boolParam(String name) {
    String value = request.param(name);
    return value != null && (value.equalsIgnoreCase("true") || value.equals("1"));
  }

  /** The JSON body as an object; an absent body reads as {@code {}}. */
  public ObjectNode bodyObject() {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return Json.object();
    }
    if (!body.isObject()) {
      throw ApiException.invalid(
          "Invalid JSON payload received. Expected an object, got %s.", body.getNodeType());
    }
    return (ObjectNode) body;
  }
}

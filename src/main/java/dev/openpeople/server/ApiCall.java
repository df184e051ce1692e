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

  /**
   * The {@code pageSize} parameter (0 when unset): negative is a 400, above {@code max} reads as
   * {@code max}, as Google's list methods do (https://google.aip.dev/158: "If the user specifies a
   * value greater than the maximum permitted value, the API should coerce the value to the
   * maximum").
   */
  public int pageSize(int max) {
    int pageSize = intParam("pageSize", 0);
    if (pageSize < 0) {
      throw ApiException.invalid("pageSize must not be negative; got %d.", pageSize);
    }
    return Math.min(pageSize, max);
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

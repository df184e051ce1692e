// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import dev.openpeople.error.ApiException;
import java.util.List;
import java.util.Map;

/**
 * Checks query parameters against the discovery document: unknown names, repeated singular
 * parameters, integers, booleans and enum values, with Google's messages.
 */
final class QueryValidator {
  private final Map<String, Discovery.Param> systemParams;

  QueryValidator(Discovery discovery) {
    this.systemParams = discovery.systemParams();
  }

  void validate(Discovery.Method method, Map<String, List<String>> query) {
    for (Map.Entry<String, List<String>> entry : query.entrySet()) {
      String name = entry.getKey();
      Discovery.Param param = method.queryParams().get(name);
      if (param == null) {
        param = systemParams.get(name);
      }
      if (param == null) {
        // Observed Google text for an unknown query parameter.
        throw ApiException.invalid(
            "Invalid JSON payload received. Unknown name \"%s\": Cannot bind query parameter."
                + " Field '%s' could not be found in request message.",
            name, name);
      }
      List<String> values = entry.getValue();
      if (!param.repeated() && values.size() > 1 && !systemParams.containsKey(name)) {
        throw ApiException.invalid(
            "Invalid JSON payload received. Repeated values for field \"%s\".", name);
      }
      for (String value : values) {
        check(param, value);
      }
    }
  }

  private static void check(Discovery.Param param, String value) {
    switch (param.type()) {
      case "integer" -> {
        try {
          Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
          throw badValue(param, "TYPE_INT32", value);
        }
      }
      case "boolean" -> {
        if (!value.equals("true")
            && !value.equals("false")
            && !value.equals("1")
            && !value.equals("0")) {
          throw badValue(param, "TYPE_BOOL", value);
        }
      }
      default -> {
        if (!param.enumValues().isEmpty() && !param.enumValues().contains(value)) {
          throw badValue(param, "enum", value);
        }
      }
    }
  }

  private static ApiException badValue(Discovery.Param param, String type, String value) {
    return ApiException.invalid(
        "Invalid value at '%s' (%s), \"%s\"", Names.snake(param.name()), type, value);
  }
}

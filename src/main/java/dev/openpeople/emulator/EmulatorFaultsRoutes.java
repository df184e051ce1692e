// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.error.ApiException;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.Emails;
import dev.openpeople.server.FaultInjector;
import dev.openpeople.server.Json;
import dev.openpeople.server.Operation;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;
import java.util.Arrays;

/**
 * {@code /emulator/v1/faults}: arm, list and clear injected faults ({@link FaultInjector}), e.g.
 * {@code {"method": "people.otherContacts.list", "error": "RESOURCE_EXHAUSTED", "count": 2}}.
 */
public record EmulatorFaultsRoutes(FaultInjector faults) implements Routes {
  static final int MAX_COUNT = 10_000;

  @Override
  public void define(Router router) {
    router
        .on("POST", "/emulator/v1/faults", this::addFault)
        .on("GET", "/emulator/v1/faults", this::listFaults)
        .on("DELETE", "/emulator/v1/faults", this::clearFaults);
  }

  ApiReply addFault(ApiCall call) {
    JsonNode body = Json.parse(call.request().body());
    Operation operation = operation(body.path("method").asText(""));
    FaultInjector.Kind kind = kind(body.path("error").asText(""));
    JsonNode count = body.path("count");
    if (!count.isMissingNode()
        && (!count.isIntegralNumber() || count.asLong() < 1 || count.asLong() > MAX_COUNT)) {
      throw ApiException.invalid("count must be an integer from 1 to %d.", MAX_COUNT);
    }
    String user = null;
    if (body.hasNonNull("user")) {
      user = body.get("user").asText("");
      if (!Emails.isValid(user)) {
        throw ApiException.invalid("user must be an e-mail address; got \"%s\".", user);
      }
      user = Emails.normalize(user);
    }
    faults.add(operation, user, kind, count.isMissingNode() ? 1 : count.asInt());
    return listFaults(call);
  }

  private static Operation operation(String method) {
    return Arrays.stream(Operation.values())
        .filter(o -> o.discoveryId().equals(method))
        .findFirst()
        .orElseThrow(
            () ->
                ApiException.invalid(
                    "method must be a discovery method id such as"
                        + " people.otherContacts.list; got \"%s\".",
                    method));
  }

  private static FaultInjector.Kind kind(String error) {
    try {
      return FaultInjector.Kind.valueOf(error);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          "error must be one of %s; got \"%s\".",
          Arrays.toString(FaultInjector.Kind.values()), error);
    }
  }

  ApiReply listFaults(ApiCall call) {
    ObjectNode response = Json.object();
    ArrayNode list = response.putArray("faults");
    for (FaultInjector.Fault fault : faults.list()) {
      ObjectNode item = list.addObject();
      item.put("method", fault.method());
      if (fault.user() != null) {
        item.put("user", fault.user());
      }
      item.put("error", fault.kind().name());
      item.put("count", fault.remaining());
    }
    return ApiReply.json(response);
  }

  ApiReply clearFaults(ApiCall call) {
    faults.clear();
    return ApiReply.json(Json.object());
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.ContactService;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.Json;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;
import java.time.Duration;

/**
 * {@code /emulator/v1/users/{email}/propagationDelay}: how long the user's writes take to reach
 * connections.list syncs, searchContacts and otherContacts.search ({@code contact.Propagation}),
 * read with GET and set with PUT {@code {"seconds": N}}; 0 makes writes visible at once. Without a
 * delay of their own a user has {@code serve --propagation-delay}'s.
 */
public record EmulatorPropagationRoutes(ContactService contacts) implements Routes {
  private static final String PATH = "/emulator/v1/users/([^/]+)/propagationDelay";

  @Override
  public void define(Router router) {
    router.on("GET", PATH, this::get).on("PUT", PATH, this::set);
  }

  ApiReply get(ApiCall call) {
    return reply(contacts.propagationDelay(EmulatorUsersRoutes.user(call)));
  }

  ApiReply set(ApiCall call) {
    Duration delay = Seconds.parse(call.request().body());
    String user = EmulatorUsersRoutes.user(call);
    contacts.setPropagationDelay(user, delay);
    return reply(delay);
  }

  private static ApiReply reply(Duration delay) {
    ObjectNode body = Json.object();
    body.put("seconds", delay.toSeconds());
    return ApiReply.json(body);
  }
}

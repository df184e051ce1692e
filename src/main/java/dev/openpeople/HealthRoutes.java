// SPDX-License-Identifier: Apache-2.0
package dev.openpeople;

import dev.openpeople.contact.Storage;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.Json;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;

/** {@code /healthz} (the process answers) and {@code /readyz} (the database answers too). */
final class HealthRoutes implements Routes {
  private final Storage storage;

  HealthRoutes(Storage storage) {
    this.storage = storage;
  }

  @Override
  public void define(Router router) {
    router.on("GET", "/healthz", this::healthz).on("GET", "/readyz", this::readyz);
  }

  ApiReply healthz(ApiCall call) {
    return ApiReply.json(Json.object().put("status", "ok"));
  }

  ApiReply readyz(ApiCall call) {
    boolean ready = storage.ready();
    return ApiReply.json(
        ready ? 200 : 503, Json.object().put("status", ready ? "ok" : "unavailable"));
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.Storage;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.Json;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;
import java.time.Instant;

/**
 * Emulator-only controls under {@code /emulator/v1/}: reset and the clock. They exist only in
 * emulator mode; production mode never registers them.
 */
public final class EmulatorRoutes implements Routes {
  private final Storage storage;
  private final EmulatorClock clock;

  public EmulatorRoutes(Storage storage, EmulatorClock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  @Override
  public void define(Router router) {
    router
        .on("POST", "/emulator/v1:reset", this::reset)
        .on("GET", "/emulator/v1/clock", this::getClock)
        .on("POST", "/emulator/v1/clock:advance", this::advanceClock);
  }

  ApiReply reset(ApiCall call) {
    storage.reset();
    return ApiReply.json(Json.object());
  }

  ApiReply getClock(ApiCall call) {
    return ApiReply.json(clockBody());
  }

  ApiReply advanceClock(ApiCall call) {
    clock.advance(Seconds.parse(call.request().body()));
    return ApiReply.json(clockBody());
  }

  private ObjectNode clockBody() {
    ObjectNode body = Json.object();
    Instant now = clock.instant();
    body.put("now", now.toString());
    body.put("offsetSeconds", clock.offset().toSeconds());
    return body;
  }
}

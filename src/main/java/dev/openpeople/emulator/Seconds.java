// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.error.ApiException;
import dev.openpeople.server.Json;
import java.time.Duration;

/** The {@code {"seconds": N}} body of the emulator's time controls. */
final class Seconds {
  /** Ten years: beyond that a clock or a delay is a mistake, not a test. */
  static final long MAX = 10L * 366 * 24 * 3600;

  private Seconds() {}

  /** N as a duration; 400 unless N is a whole number from 0 to {@link #MAX} (or its string). */
  static Duration parse(byte[] body) {
    JsonNode seconds = Json.parse(body).path("seconds");
    long value = -1;
    if (seconds.isIntegralNumber() && seconds.canConvertToLong()) {
      value = seconds.asLong();
    } else if (seconds.isTextual()) {
      try {
        value = Long.parseLong(seconds.asText());
      } catch (NumberFormatException e) {
        value = -1;
      }
    }
    if (value < 0 || value > MAX) {
      throw ApiException.invalid(
          "Body must be {\"seconds\": N} with N a whole number from 0 to %d.", MAX);
    }
    return Duration.ofSeconds(value);
  }
}

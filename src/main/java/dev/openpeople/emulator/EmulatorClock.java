// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's clock: real time plus an offset the emulator can move forward, so token expiry and
 * {@code updated-min} are testable without waiting. Every time read goes through it.
 */
public final class EmulatorClock implements InstantSource {
  private final InstantSource base;
  private final AtomicLong offsetMillis = new AtomicLong();

  public EmulatorClock(InstantSource base) {
    this.base = base;
  }

  @Override
  public Instant instant() {
    return base.instant().plusMillis(offsetMillis.get());
  }

  /** Moves the clock forward; it never goes back. */
  public Instant advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward");
    }
    offsetMillis.addAndGet(by.toMillis());
    return instant();
  }

  public Duration offset() {
    return Duration.ofMillis(offsetMillis.get());
  }
}

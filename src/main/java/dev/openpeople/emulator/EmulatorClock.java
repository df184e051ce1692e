// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.emulator;

import dev.openpeople.contact.ServerState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The server's clock: real time plus an offset the emulator can move forward, so token expiry and
 * {@code updated-min} are testable without waiting. Every time read goes through it. With a shared
 * {@link ServerState} the offset lives in the database: {@link #advance} moves it there and {@link
 * #catchUp} (once per request, see {@link SharedEmulatorState}) brings this node up to date.
 */
public final class EmulatorClock implements InstantSource {
  private final InstantSource base;
  private final AtomicLong offsetMillis = new AtomicLong();
  private final @Nullable ServerState shared;

  /** A clock whose offset lives in this process only. */
  public EmulatorClock(InstantSource base) {
    this(base, null);
  }

  /** A clock whose offset lives in {@code shared}, read from it now. */
  public EmulatorClock(InstantSource base, @Nullable ServerState shared) {
    this.base = base;
    this.shared = shared;
    if (shared != null) {
      catchUp(shared.snapshot().clockOffsetMillis());
    }
  }

  /** Takes an offset read from the shared state; the clock never goes back. */
  void catchUp(long sharedOffsetMillis) {
    offsetMillis.accumulateAndGet(sharedOffsetMillis, Math::max);
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
    if (shared == null) {
      offsetMillis.addAndGet(by.toMillis());
    } else {
      catchUp(shared.advanceClock(by.toMillis()));
    }
    return instant();
  }

  public Duration offset() {
    return Duration.ofMillis(offsetMillis.get());
  }
}

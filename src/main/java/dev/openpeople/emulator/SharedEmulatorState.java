// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.emulator;

import dev.openpeople.contact.ServerState;
import dev.openpeople.server.FaultInjector;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The emulator state every node on one database shares ({@link ServerState}): once per request
 * {@link #refresh} reads its one row, moving this node's {@link EmulatorClock} to the shared offset
 * and dropping the cached fault list when the faults changed. A request consults the database for
 * faults only when a cached fault matches it, so unarmed requests cost that one row read.
 */
public final class SharedEmulatorState implements FaultInjector.Store {
  private final ServerState state;
  private final EmulatorClock clock;
  private final AtomicLong seenVersion = new AtomicLong(-1);
  private volatile @Nullable Cache cache;

  /** The armed faults as read when the shared version was at least {@code version}. */
  private record Cache(long version, List<ServerState.Fault> faults) {}

  public SharedEmulatorState(ServerState state, EmulatorClock clock) {
    this.state = state;
    this.clock = clock;
  }

  @Override
  public void refresh() {
    ServerState.Snapshot now = state.snapshot();
    clock.catchUp(now.clockOffsetMillis());
    seenVersion.accumulateAndGet(now.faultsVersion(), Math::max);
  }

  @Override
  public List<FaultInjector.Fault> list() {
    return state.faults().stream()
        .map(
            f ->
                new FaultInjector.Fault(
                    f.method(), f.user(), FaultInjector.Kind.valueOf(f.kind()), f.remaining()))
        .toList();
  }

  @Override
  public void add(String method, @Nullable String user, FaultInjector.Kind kind, int count) {
    state.addFault(method, user, kind.name(), count);
  }

  @Override
  public void clear() {
    state.clearFaults();
  }

  @Override
  public FaultInjector.@Nullable Kind consume(String method, String user) {
    long version = seenVersion.get();
    Cache known = cache;
    if (known == null || known.version() < version) {
      known = new Cache(version, state.faults());
      cache = known;
    }
    List<ServerState.Fault> faults = known.faults();
    boolean armed =
        faults.stream()
            .anyMatch(
                f -> f.method().equals(method) && (f.user() == null || f.user().equals(user)));
    if (!armed) {
      return null;
    }
    return state
        .consumeFault(method, user)
        .map(f -> FaultInjector.Kind.valueOf(f.kind()))
        .orElse(null);
  }
}

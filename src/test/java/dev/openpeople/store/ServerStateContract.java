// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.contact.ServerState;
import dev.openpeople.contact.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every backend's {@link ServerState} must do: the state all nodes share. */
interface ServerStateContract {
  Storage storage();

  @Test
  default void clockOffsetOnlyAccumulates() {
    ServerState state = storage().serverState();
    long before = state.snapshot().clockOffsetMillis();
    assertThat(state.advanceClock(1500)).isEqualTo(before + 1500);
    assertThat(state.advanceClock(500)).isEqualTo(before + 2000);
    assertThat(state.snapshot().clockOffsetMillis()).isEqualTo(before + 2000);
  }

  @Test
  default void faultsAreConsumedInArmingOrderPerUserAndDisarmed() {
    ServerState state = storage().serverState();
    state.clearFaults();
    long version = state.snapshot().faultsVersion();
    state.addFault("people.otherContacts.list", "a@example.com", "UNAVAILABLE", 1);
    state.addFault("people.otherContacts.list", null, "RESOURCE_EXHAUSTED", 2);
    assertThat(state.snapshot().faultsVersion()).isGreaterThan(version);
    assertThat(state.faults())
        .extracting(ServerState.Fault::kind)
        .containsExactly("UNAVAILABLE", "RESOURCE_EXHAUSTED");

    assertThat(state.consumeFault("people.people.get", "a@example.com")).isEmpty();
    assertThat(state.consumeFault("people.otherContacts.list", "b@example.com"))
        .map(ServerState.Fault::kind)
        .hasValue("RESOURCE_EXHAUSTED");
    assertThat(state.consumeFault("people.otherContacts.list", "a@example.com"))
        .map(ServerState.Fault::kind)
        .hasValue("UNAVAILABLE");
    assertThat(state.faults())
        .singleElement()
        .satisfies(f -> assertThat(f.remaining()).isEqualTo(1));
    assertThat(state.consumeFault("people.otherContacts.list", "a@example.com"))
        .map(ServerState.Fault::kind)
        .hasValue("RESOURCE_EXHAUSTED");
    assertThat(state.consumeFault("people.otherContacts.list", "a@example.com")).isEmpty();
    assertThat(state.faults()).isEmpty();

    state.addFault("people.people.get", null, "UNAVAILABLE", 5);
    state.clearFaults();
    assertThat(state.faults()).isEmpty();
  }

  @Test
  default void concurrentConsumersTakeEachArmedRequestOnce() throws Exception {
    ServerState state = storage().serverState();
    state.clearFaults();
    state.addFault("people.people.get", null, "UNAVAILABLE", 20);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> tries = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        tries.add(
            pool.submit(() -> state.consumeFault("people.people.get", "x@y.org").isPresent()));
      }
      int consumed = 0;
      for (Future<Boolean> f : tries) {
        consumed += f.get() ? 1 : 0;
      }
      assertThat(consumed).isEqualTo(20);
      assertThat(state.faults()).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  default void countersCountPerPeriodAndMarksHoldValues() {
    ServerState state = storage().serverState();
    assertThat(state.count("quota:a", 7)).isEqualTo(1);
    assertThat(state.count("quota:a", 7)).isEqualTo(2);
    assertThat(state.count("quota:b", 7)).isEqualTo(1);
    assertThat(state.count("quota:a", 8)).isEqualTo(1);
    assertThat(state.mark("warm:a")).isEmpty();
    state.mark("warm:a", 42);
    state.mark("warm:a", 43);
    assertThat(state.mark("warm:a")).hasValue(43);
    storage().reset();
    assertThat(state.mark("warm:a")).as("reset wipes per-user counters").isEmpty();
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * State of the server itself, not of any user's data, kept in the database so that every node on
 * one database shares it: the emulator clock offset, armed emulator faults, and named counters
 * (per-user quota windows, search warm-up marks). {@link #snapshot()} is the one read a node makes
 * per request; everything else is read only when the snapshot says it changed or when used.
 */
public interface ServerState {
  /**
   * The per-request row.
   *
   * @param clockOffsetMillis how far the emulator clock is ahead of real time
   * @param faultsVersion changes with every change of the armed faults
   */
  record Snapshot(long clockOffsetMillis, long faultsVersion) {}

  /**
   * One armed fault.
   *
   * @param method a discovery method id
   * @param user the lower-cased e-mail it is limited to, or null for every user
   * @param kind the error it answers, by name
   * @param remaining how many more matching requests it fails
   */
  record Fault(long id, String method, @Nullable String user, String kind, int remaining) {}

  Snapshot snapshot();

  /** Moves the clock offset forward by {@code millis}; returns the new offset. */
  long advanceClock(long millis);

  /** The armed faults in arming order. */
  List<Fault> faults();

  void addFault(String method, @Nullable String user, String kind, int count);

  void clearFaults();

  /**
   * Consumes one request of the first armed fault (in arming order) of {@code method} for {@code
   * user}, atomically across nodes; a fault whose last request this was is disarmed.
   */
  Optional<Fault> consumeFault(String method, String user);

  /**
   * Counts one event of {@code name} in {@code period} and returns the count so far; a different
   * period starts again at 1 (a fixed-window rate counter).
   */
  default long count(String name, long period) {
    return count(name, period, 1);
  }

  /**
   * Adds {@code amount} to {@code name} in {@code period} and returns the total so far; a different
   * period starts again from {@code amount}.
   */
  long count(String name, long period, long amount);

  /** Records a value under {@code name}. */
  void mark(String name, long value);

  /** The value last recorded under {@code name}. */
  OptionalLong mark(String name);
}

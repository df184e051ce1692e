// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.transfer;

import java.util.ArrayList;
import java.util.List;

/** What an import did: how many contacts it wrote, and which it skipped and why. */
public final class Report {
  /** A skipped card, row or line: where it was and why it was skipped. */
  public record Skipped(String where, String reason) {}

  /** How many skipped entries a report lists (it counts them all). */
  static final int MAX_LISTED = 1000;

  private long imported;
  private long skippedCount;
  private final List<Skipped> skipped = new ArrayList<>();

  synchronized void imported(long count) {
    imported += count;
  }

  synchronized void skip(String where, String reason) {
    skippedCount++;
    if (skipped.size() < MAX_LISTED) {
      skipped.add(new Skipped(where, reason));
    }
  }

  public synchronized long imported() {
    return imported;
  }

  public synchronized long skippedCount() {
    return skippedCount;
  }

  /** The first {@link #MAX_LISTED} skipped entries, in file order. */
  public synchronized List<Skipped> skipped() {
    return List.copyOf(skipped);
  }

  /** One line: "imported N contacts, skipped M". */
  public synchronized String summary() {
    return "imported " + imported + " contacts, skipped " + skippedCount;
  }
}

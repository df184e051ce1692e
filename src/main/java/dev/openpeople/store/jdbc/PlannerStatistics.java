// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the planner's statistics of the tables fresh after writes, when the dialect names the stale
 * ones ({@link Dialect#staleStatistics}). A PostgreSQL table that was never analyzed (autovacuum
 * off, or a bulk load read before autovacuum's next round) is planned with default selectivities: a
 * keyset page, {@code ORDER BY seq LIMIT 1000} on a user's rows, becomes a bitmap scan and sort of
 * every later row, so each page costs the rest of the listing
 * (https://www.postgresql.org/docs/current/routine-vacuuming.html#VACUUM-FOR-STATISTICS).
 *
 * <p>After a write, at most once per {@link #MIN_INTERVAL_NANOS}, a virtual thread asks for the
 * stale tables and analyzes them; the write does not wait for it.
 */
final class PlannerStatistics {
  private static final Logger LOG = LoggerFactory.getLogger(PlannerStatistics.class);
  private static final long MIN_INTERVAL_NANOS = 1_000_000_000L;

  private final DataSource pool;
  private final String staleQuery;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong lastCheck = new AtomicLong(System.nanoTime() - MIN_INTERVAL_NANOS);

  PlannerStatistics(DataSource pool, String staleQuery) {
    this.pool = pool;
    this.staleQuery = staleQuery;
  }

  /** Called after each committed write: starts a check when one is due and none is running. */
  void afterWrite() {
    if (staleQuery.isEmpty()) {
      return;
    }
    long now = System.nanoTime();
    long last = lastCheck.get();
    if (now - last < MIN_INTERVAL_NANOS
        || !lastCheck.compareAndSet(last, now)
        || !running.compareAndSet(false, true)) {
      return;
    }
    Thread.ofVirtual()
        .name("openpeople-analyze")
        .start(
            () -> {
              try {
                refresh();
              } finally {
                running.set(false);
              }
            });
  }

  /** Analyzes the stale tables now; returns their names. */
  List<String> refresh() {
    List<String> analyzed = new ArrayList<>();
    if (staleQuery.isEmpty()) {
      return analyzed;
    }
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery(staleQuery)) {
        while (rs.next()) {
          analyzed.add(rs.getString(1));
        }
      }
      for (String table : analyzed) {
        // Names come from the catalog; quoted all the same.
        statement.execute("ANALYZE \"" + table.replace("\"", "\"\"") + "\"");
      }
    } catch (SQLException | RuntimeException e) {
      // Stale statistics make reads slower, never wrong: the next write tries again.
      LOG.warn("Refreshing planner statistics failed: {}", e.toString());
    }
    return analyzed;
  }
}

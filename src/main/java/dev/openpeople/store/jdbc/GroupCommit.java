// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Group commit: write transactions that queue up behind one another on the same lane run in one
 * database transaction, each inside its own savepoint, and share one commit — one fsync for many
 * acknowledged writes. A transaction that fails rolls back to its savepoint and fails alone; the
 * others still commit. Nothing is acknowledged before the commit that makes it durable.
 *
 * <p>Lanes are chosen by key (the user's e-mail): SQLite has one lane (one writer), PostgreSQL one
 * per lock stripe, since writes of one user serialize on that user's row anyway.
 */
final class GroupCommit {
  /** One write transaction's work on the shared connection. */
  @FunctionalInterface
  interface Tx<T extends @Nullable Object> {
    T run(Connection connection) throws SQLException;
  }

  private static final int MAX_BATCH = 64;

  private static final class Pending<T extends @Nullable Object> {
    final Tx<T> tx;
    @Nullable T result;
    @Nullable Throwable failure;
    boolean done;

    Pending(Tx<T> tx) {
      this.tx = tx;
    }
  }

  private record Lane(ReentrantLock lock, Queue<Pending<?>> queue) {}

  private final DataSource pool;
  private final Lane[] lanes;
  private final Timer commitTime;
  private final DistributionSummary batchSize;

  /** One lane per lock; a dialect that serializes writes passes its single write lock. */
  GroupCommit(DataSource pool, List<ReentrantLock> locks, MeterRegistry meters) {
    this.pool = pool;
    this.commitTime =
        Timer.builder("openpeople.storage.group.commit")
            .description("One shared commit: connection, every transaction of the batch, commit")
            .register(meters);
    this.batchSize =
        DistributionSummary.builder("openpeople.storage.group.commit.transactions")
            .description("Write transactions sharing one commit")
            .register(meters);
    this.lanes = new Lane[locks.size()];
    for (int i = 0; i < lanes.length; i++) {
      lanes[i] = new Lane(locks.get(i), new ConcurrentLinkedQueue<>());
    }
  }

  <T extends @Nullable Object> T run(String key, Tx<T> tx) {
    Nesting.refuse();
    Lane lane = lanes[Math.floorMod(key.hashCode(), lanes.length)];
    Pending<T> mine = new Pending<>(tx);
    lane.queue().add(mine);
    lane.lock().lock();
    try {
      if (!mine.done) {
        List<Pending<?>> batch = new ArrayList<>();
        for (Pending<?> next; batch.size() < MAX_BATCH && (next = lane.queue().poll()) != null; ) {
          batch.add(next);
        }
        runBatch(batch);
      }
    } finally {
      lane.lock().unlock();
    }
    return outcome(mine);
  }

  // Once failure is null, result holds what the work returned: a T, null only if T allows it.
  @SuppressWarnings("NullAway")
  private static <T extends @Nullable Object> T outcome(Pending<T> pending) {
    Throwable failure = pending.failure;
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure instanceof SQLException e) {
      throw Sql.failure(e);
    }
    return pending.result;
  }

  private void runBatch(List<Pending<?>> batch) {
    long start = System.nanoTime();
    Nesting.enter();
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try {
        if (batch.size() == 1) {
          if (!runOne(batch.get(0), connection)) {
            connection.rollback();
            return;
          }
        } else {
          for (Pending<?> pending : batch) {
            Savepoint savepoint = connection.setSavepoint();
            if (runOne(pending, connection)) {
              connection.releaseSavepoint(savepoint);
            } else {
              connection.rollback(savepoint);
            }
          }
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        failAll(batch, e);
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      failAll(batch, e);
    } finally {
      Nesting.leave();
      for (Pending<?> pending : batch) {
        pending.done = true;
      }
      commitTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      batchSize.record(batch.size());
    }
  }

  /** Runs one transaction's work; false when it failed (its failure is recorded). */
  private static <T extends @Nullable Object> boolean runOne(
      Pending<T> pending, Connection connection) {
    try {
      pending.result = pending.tx.run(connection);
      return true;
    } catch (SQLException | RuntimeException | Error e) {
      pending.failure = e;
      return false;
    }
  }

  private static void failAll(List<Pending<?>> batch, Exception e) {
    for (Pending<?> pending : batch) {
      if (pending.failure == null) {
        pending.failure = e;
        pending.result = null;
      }
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.cli;

import ch.qos.logback.core.OutputStreamAppender;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The log appender of {@code serve}: whole lines to standard error through a buffer, written out
 * {@link #FLUSH_DELAY_MILLIS} after the first line of a burst, when the buffer fills, and when
 * logging stops or the JVM exits. Logback's {@code ConsoleAppender} writes every line with its own
 * system call, a measurable share of a small request's CPU; here a burst of access-log lines costs
 * one write per buffer. Each line is encoded and copied under the appender's lock, and a buffer
 * that cannot take a line is written out before it, so lines are never split or interleaved.
 *
 * <p>Standard error is the stream {@link System#err} names when the appender starts.
 */
public final class BufferedStderrAppender<E> extends OutputStreamAppender<E> {
  /** How long after the first buffered line the buffer is written out at the latest. */
  static final long FLUSH_DELAY_MILLIS = 200;

  private static final int BUFFER_BYTES = 32 * 1024;

  private final AtomicBoolean flushPending = new AtomicBoolean();
  private @Nullable ScheduledExecutorService flusher;
  private @Nullable Thread exitHook;

  @Override
  public void start() {
    setImmediateFlush(false);
    // close() leaves standard error open: stopping the appender only writes out the buffer.
    OutputStream stderr =
        new FilterOutputStream(System.err) {
          @Override
          public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
          }

          @Override
          public void close() throws IOException {
            flush();
          }
        };
    setOutputStream(new BufferedOutputStream(stderr, BUFFER_BYTES));
    flusher =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "log-flush");
              thread.setDaemon(true);
              return thread;
            });
    Thread hook = new Thread(this::flush, "log-flush-at-exit");
    Runtime.getRuntime().addShutdownHook(hook);
    exitHook = hook;
    super.start();
  }

  @Override
  protected void subAppend(E event) {
    super.subAppend(event);
    ScheduledExecutorService scheduler = flusher;
    if (scheduler != null && flushPending.compareAndSet(false, true)) {
      // flush() reports its own failures; the future has nothing to tell.
      var unused = scheduler.schedule(this::flush, FLUSH_DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** Writes out the buffered lines now. */
  public void flush() {
    flushPending.set(false);
    streamWriteLock.lock();
    try {
      OutputStream out = getOutputStream();
      if (out != null) {
        out.flush();
      }
    } catch (IOException e) {
      addError("cannot write the log to standard error", e);
    } finally {
      streamWriteLock.unlock();
    }
  }

  @Override
  public void stop() {
    if (!isStarted()) {
      return;
    }
    super.stop();
    ScheduledExecutorService scheduler = flusher;
    if (scheduler != null) {
      scheduler.shutdownNow();
      flusher = null;
    }
    Thread hook = exitHook;
    if (hook != null) {
      exitHook = null;
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running or has run already.
      }
    }
  }
}

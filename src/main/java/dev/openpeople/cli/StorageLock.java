// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * The lock that keeps {@code serve} and the bulk commands (import, export, dump, restore) from
 * working on one SQLite file at once: an operating-system lock on {@code FILE.lock} beside the
 * database, which the system releases when the process ends, however it ends. SQLite itself lets
 * several processes share a file, but a bulk import would hold its write lock for long stretches
 * and a server's writes would wait or fail. PostgreSQL and in-memory storage take no lock.
 */
final class StorageLock implements AutoCloseable {
  private final @Nullable FileChannel channel;
  private final @Nullable FileLock lock;

  private StorageLock(@Nullable FileChannel channel, @Nullable FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Thrown when another process (or command) holds the storage. */
  static final class HeldException extends Exception {
    private static final long serialVersionUID = 1L;

    HeldException(String message) {
      super(message);
    }
  }

  /** The lock file of a storage URL, or null when the storage takes no lock. */
  static @Nullable Path lockFile(String storageUrl) {
    if (!storageUrl.startsWith("sqlite:") || storageUrl.equals("sqlite::memory:")) {
      return null;
    }
    String path = storageUrl.substring("sqlite:".length());
    int query = path.indexOf('?');
    return Path.of((query < 0 ? path : path.substring(0, query)) + ".lock");
  }

  /** Takes the lock of {@code storageUrl}, or throws {@link HeldException} when it is held. */
  static StorageLock acquire(String storageUrl) throws HeldException, IOException {
    Path file = lockFile(storageUrl);
    if (file == null) {
      return new StorageLock(null, null);
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new HeldException(
          "Another process is using "
              + storageUrl
              + " (it holds "
              + file
              + "): stop it first (an openpeople serve imports and exports through its HTTP"
              + " routes, POST /emulator/v1/users/EMAIL:import and GET .../EMAIL:export).");
    }
    return new StorageLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    if (lock != null) {
      lock.release();
    }
    if (channel != null) {
      channel.close();
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import dev.openpeople.contact.Storage;
import dev.openpeople.store.jdbc.JdbcStorage;
import dev.openpeople.store.postgres.PostgresDialect;
import dev.openpeople.store.sqlite.SqliteDialect;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a {@link Storage} from a URL: {@code sqlite::memory:}, {@code sqlite:/path/file.db} or
 * {@code postgresql://host:port/db?user=...}.
 */
public final class Storages {
  private Storages() {}

  public static Storage open(String url) {
    return open(url, new CompositeMeterRegistry());
  }

  /** Opens the storage of {@code url}, timing its transactions into {@code meters}. */
  public static Storage open(String url, MeterRegistry meters) {
    if (url.equals("sqlite::memory:")) {
      return new JdbcStorage(SqliteDialect.memory(), meters);
    }
    if (url.startsWith("sqlite:")) {
      Path path = Path.of(url.substring("sqlite:".length()));
      try {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new JdbcStorage(SqliteDialect.file(path.toString()), meters);
    }
    if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
      return new JdbcStorage(
          new PostgresDialect(url.replaceFirst("^postgres://", "postgresql://")), meters);
    }
    throw new IllegalArgumentException(
        "unknown storage URL "
            + url
            + " (expected sqlite::memory:, sqlite:PATH or postgresql://...)");
  }
}

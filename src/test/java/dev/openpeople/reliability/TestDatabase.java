// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.reliability;

import dev.openpeople.OpenPeopleServerExtension;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh, durable database on the backend under test that outlives one server process: a SQLite
 * file in a temp directory (the SQLite run) or a new PostgreSQL database (the PostgreSQL run). It
 * is deleted on close.
 */
public final class TestDatabase implements AutoCloseable {
  private final String storageUrl;
  private final String jdbcUrl;
  private final Path directory;
  private final String adminUrl;
  private final String database;

  private TestDatabase(
      String storageUrl, String jdbcUrl, Path directory, String adminUrl, String database) {
    this.storageUrl = storageUrl;
    this.jdbcUrl = jdbcUrl;
    this.directory = directory;
    this.adminUrl = adminUrl;
    this.database = database;
  }

  public static boolean postgres() {
    return OpenPeopleServerExtension.storageUnderTest().startsWith("postgresql://");
  }

  public static TestDatabase create() throws IOException, SQLException {
    if (!postgres()) {
      Path directory = Files.createTempDirectory("openpeople-reliability");
      Path file = directory.resolve("openpeople.db");
      return new TestDatabase("sqlite:" + file, "jdbc:sqlite:" + file, directory, null, null);
    }
    URI uri = URI.create(OpenPeopleServerExtension.storageUnderTest());
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String hostPort = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    String adminUrl = "jdbc:postgresql://" + hostPort + "/postgres" + query;
    String database = "openpeople_r_" + UUID.randomUUID().toString().replace("-", "").substring(16);
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
    return new TestDatabase(
        "postgresql://" + hostPort + "/" + database + query,
        "jdbc:postgresql://" + hostPort + "/" + database + query,
        null,
        adminUrl,
        database);
  }

  /** The URL for {@code serve --storage} and {@code Storages.open}. */
  public String storageUrl() {
    return storageUrl;
  }

  /** The JDBC URL of the same database, for tests that prepare it by hand. */
  String jdbcUrl() {
    return jdbcUrl;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl);
  }

  @Override
  public void close() throws IOException, SQLException {
    if (database != null) {
      try (Connection c = DriverManager.getConnection(adminUrl);
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    }
    if (directory != null) {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }
}

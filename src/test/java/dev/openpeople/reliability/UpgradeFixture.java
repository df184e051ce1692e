// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.server.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * The database of a previous release as rows (one JSON object per line: table and row), written by
 * {@link UpgradeFixtureGenerator} from SQLite and loaded into either backend at the same schema
 * version. Binary values are {@code {"base64": ...}}; booleans are stored as numbers by SQLite and
 * converted by the target column's type.
 */
final class UpgradeFixture {
  /** Where the fixture of each previous schema version lives, under test resources. */
  static final String RESOURCE = "/upgrade/v6/";

  /** The schema version the fixture was written at (its Flyway target). */
  static final String SCHEMA_VERSION = "6";

  private UpgradeFixture() {}

  /** Writes every row of every table but Flyway's history, table by table, in key order. */
  static void dump(Connection connection, Writer out) throws SQLException, IOException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs =
        connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        if (!name.startsWith("flyway") && !name.startsWith("sqlite_")) {
          tables.add(name);
        }
      }
    }
    tables.sort(null);
    for (String table : tables) {
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          ObjectNode line = Json.object();
          line.put("table", table);
          ObjectNode row = line.putObject("row");
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            String column = meta.getColumnName(i);
            switch (value) {
              case null -> row.putNull(column);
              case byte[] bytes ->
                  row.putObject(column).put("base64", Base64.getEncoder().encodeToString(bytes));
              case Number n -> row.put(column, n.longValue());
              default -> row.put(column, value.toString());
            }
          }
          out.write(Json.MAPPER.writeValueAsString(line));
          out.write('\n');
        }
      }
    }
  }

  /** Writes every row of the SQLite database {@code file} to {@code directory}/rows.jsonl. */
  static void dump(Path file, Path directory) throws SQLException, IOException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Writer writer =
            Files.newBufferedWriter(directory.resolve("rows.jsonl"), StandardCharsets.UTF_8)) {
      dump(c, writer);
    }
  }

  /** Migrates {@code db} to schema {@code version}, as the release of a fixture left it. */
  static void migrate(TestDatabase db, String version) {
    Flyway.configure()
        .dataSource(db.jdbcUrl(), null, null)
        .locations("classpath:db/migration/" + (TestDatabase.postgres() ? "postgresql" : "sqlite"))
        .target(version)
        .load()
        .migrate();
  }

  /** Inserts the fixture's rows into a database migrated to {@link #SCHEMA_VERSION}. */
  static int load(Connection connection) throws SQLException, IOException {
    return load(connection, RESOURCE);
  }

  /**
   * Inserts the rows of the fixture under {@code resource} into a database migrated to the schema
   * version that fixture was written at.
   */
  static int load(Connection connection, String resource) throws SQLException, IOException {
    connection.setAutoCommit(false);
    Map<String, Map<String, Integer>> types = new HashMap<>();
    int rows = 0;
    List<JsonNode> all = new ArrayList<>();
    try (InputStream in = UpgradeFixture.class.getResourceAsStream(resource + "rows.jsonl");
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String text;
      while ((text = lines.readLine()) != null) {
        all.add(Json.MAPPER.readTree(text));
      }
    }
    // Users first: the other tables reference them (PostgreSQL enforces the foreign keys).
    all.sort(java.util.Comparator.comparing(l -> !l.path("table").asText().equals("users")));
    for (JsonNode line : all) {
      String table = line.path("table").asText();
      if (!types.containsKey(table)) {
        // The rows a migration seeds (server_state's one row) come from the fixture instead.
        try (Statement s = connection.createStatement()) {
          s.executeUpdate("DELETE FROM " + table);
        }
      }
      Map<String, Integer> columns = types.computeIfAbsent(table, t -> columnTypes(connection, t));
      insert(connection, table, line.path("row"), columns);
      rows++;
    }
    if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
      try (Statement s = connection.createStatement()) {
        s.execute(
            "SELECT setval(pg_get_serial_sequence('users', 'id'),"
                + " (SELECT COALESCE(MAX(id), 0) + 1 FROM users), false)");
      }
    }
    connection.commit();
    connection.setAutoCommit(true);
    return rows;
  }

  private static Map<String, Integer> columnTypes(Connection connection, String table) {
    Map<String, Integer> out = new HashMap<>();
    try {
      DatabaseMetaData meta = connection.getMetaData();
      try (ResultSet rs = meta.getColumns(null, null, table, "%")) {
        while (rs.next()) {
          out.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static void insert(
      Connection connection, String table, JsonNode row, Map<String, Integer> types)
      throws SQLException {
    List<String> names = new ArrayList<>();
    row.fieldNames().forEachRemaining(names::add);
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", names)
            + ") VALUES ("
            + String.join(", ", names.stream().map(n -> "?").toList())
            + ")";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      Iterator<String> it = names.iterator();
      for (int i = 1; it.hasNext(); i++) {
        String column = it.next();
        JsonNode value = row.get(column);
        Integer type = types.get(column);
        if (type == null) {
          throw new IllegalStateException("no column " + table + "." + column);
        }
        if (value.isNull()) {
          insert.setNull(i, type);
        } else if (value.has("base64")) {
          insert.setBytes(i, Base64.getDecoder().decode(value.path("base64").asText()));
        } else if (type == Types.BOOLEAN || type == Types.BIT) {
          insert.setBoolean(i, value.asLong() != 0);
        } else if (value.isNumber()) {
          insert.setLong(i, value.asLong());
        } else {
          insert.setString(i, value.asText());
        }
      }
      insert.executeUpdate();
    }
  }
}

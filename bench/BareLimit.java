// SPDX-License-Identifier: Apache-2.0

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * What the hardware allows, measured beside the API benchmarks on the same database: the floor
 * the server's figures are compared with. No HTTP, no server code, only JDBC and Jackson.
 *
 * <ul>
 *   <li>read: the contacts of the user with the most contacts, in keyset pages of 1,000 in the
 *       order connections.list uses, each stored body cut to names, emailAddresses and
 *       phoneNumbers with Jackson's streaming parser and written as a People API page with its
 *       streaming writer (pretty-printed, as the API answers by default) to a byte counter;
 *   <li>insert: the same bodies inserted again, 200 rows per transaction, into a scratch table
 *       with the contacts table's shape and primary key.
 * </ul>
 *
 * Usage: java -cp target/openpeople.jar bench/BareLimit.java STORAGE_URL [API_FULL_SYNC_MS
 * API_BATCH_CREATE_PER_S] — the storage URL as {@code openpeople serve --storage} takes it; with
 * the API figures it also prints the ratios.
 */
public final class BareLimit {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Set<String> FIELDS = Set.of("names", "emailAddresses", "phoneNumbers");

  public static void main(String[] args) throws Exception {
    String storage = args[0];
    try (Connection c = DriverManager.getConnection(jdbcUrl(storage))) {
      if (storage.startsWith("sqlite:")) {
        try (Statement s = c.createStatement()) {
          // The server's settings (store/sqlite/SqliteDialect): WAL, and fsync at every commit.
          s.execute("PRAGMA journal_mode = WAL");
          s.execute("PRAGMA synchronous = FULL");
        }
      }
      long user = biggestUser(c);
      List<Double> reads = new ArrayList<>();
      long rows = 0;
      long bytes = 0;
      // Two unmeasured passes first, as the server is warm when the API benchmark measures it.
      for (int i = 0; i < 2; i++) {
        readAll(c, user, new CountingStream());
      }
      for (int i = 0; i < 3; i++) {
        CountingStream out = new CountingStream();
        long t = System.nanoTime();
        rows = readAll(c, user, out);
        reads.add((System.nanoTime() - t) / 1e6);
        bytes = out.count;
      }
      double readMs = median(reads);
      report(
          "bare read+serialise",
          "median %.0f ms over 3 runs %s (%d contacts, %d MB of JSON)",
          readMs,
          reads,
          rows,
          bytes / 1_000_000);
      double insertPerSecond = insertAll(c, user);
      report("bare batched insert", "%.0f rows/s (200 per transaction)", insertPerSecond);
      if (args.length >= 3) {
        double apiSync = Double.parseDouble(args[1]);
        double apiCreate = Double.parseDouble(args[2]);
        report("ratio full sync", "API %.0f ms / bare %.0f ms = %.1fx", apiSync, readMs, apiSync / readMs);
        report(
            "ratio batch create",
            "bare %.0f/s / API %.0f/s = %.1fx",
            insertPerSecond,
            apiCreate,
            insertPerSecond / apiCreate);
      }
    }
  }

  private static String jdbcUrl(String storage) {
    if (storage.startsWith("sqlite:")) {
      return "jdbc:sqlite:" + storage.substring("sqlite:".length()).replaceFirst("\\?.*$", "");
    }
    if (storage.startsWith("postgresql:")) {
      return "jdbc:" + storage;
    }
    throw new IllegalArgumentException("storage URL: sqlite:PATH or postgresql://...");
  }

  private static long biggestUser(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT user_id FROM contacts WHERE deleted = FALSE GROUP BY user_id"
                    + " ORDER BY COUNT(*) DESC LIMIT 1")) {
      if (!rs.next()) {
        throw new IllegalStateException("no contacts in " + c.getMetaData().getURL());
      }
      return rs.getLong(1);
    }
  }

  /** One full listing in pages of 1,000; returns the rows read. */
  private static long readAll(Connection c, long user, OutputStream sink) throws Exception {
    String key = "";
    long id = Long.MIN_VALUE;
    long rows = 0;
    try (PreparedStatement page =
        c.prepareStatement(
            // A row-value comparison, as the server's keyset pages use: both backends seek the
            // (user_id, first_key, id) index with it (an OR of the two cases makes PostgreSQL scan).
            "SELECT first_key, id, seq, body FROM contacts WHERE user_id = ? AND deleted = FALSE"
                + " AND (first_key, id) > (?, ?) ORDER BY first_key, id LIMIT 1000")) {
      while (true) {
        page.setLong(1, user);
        page.setString(2, key);
        page.setLong(3, id);
        int n = 0;
        try (ResultSet rs = page.executeQuery();
            JsonGenerator out = JSON.createGenerator(sink)) {
          out.useDefaultPrettyPrinter();
          out.writeStartObject();
          out.writeArrayFieldStart("connections");
          while (rs.next()) {
            key = rs.getString(1);
            id = rs.getLong(2);
            writePerson(out, id, rs.getLong(3), rs.getString(4));
            n++;
          }
          out.writeEndArray();
          out.writeEndObject();
        }
        rows += n;
        if (n < 1000) {
          return rows;
        }
      }
    }
  }

  private static void writePerson(JsonGenerator out, long id, long seq, String body)
      throws Exception {
    out.writeStartObject();
    out.writeStringField("resourceName", "people/c" + Long.toUnsignedString(id));
    out.writeStringField("etag", "%EgUBAi43PRoEAQIFByIM" + Long.toHexString(seq));
    try (JsonParser in = JSON.createParser(body)) {
      in.nextToken();
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String name = in.currentName();
        in.nextToken();
        if (FIELDS.contains(name)) {
          out.writeFieldName(name);
          out.copyCurrentStructure(in);
        } else {
          in.skipChildren();
        }
      }
    }
    out.writeEndObject();
  }

  /** Inserts the user's bodies again into a scratch table; returns rows per second. */
  private static double insertAll(Connection c, long user) throws Exception {
    List<String> bodies = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement("SELECT body FROM contacts WHERE user_id = ? AND deleted = FALSE")) {
      select.setLong(1, user);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          bodies.add(rs.getString(1));
        }
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bare_limit_insert");
      s.execute(
          "CREATE TABLE bare_limit_insert (user_id BIGINT NOT NULL, id BIGINT NOT NULL,"
              + " seq BIGINT NOT NULL, updated_at BIGINT NOT NULL, body TEXT NOT NULL,"
              + " first_key TEXT NOT NULL, PRIMARY KEY (user_id, id))");
    }
    c.setAutoCommit(false);
    long t = System.nanoTime();
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO bare_limit_insert (user_id, id, seq, updated_at, body, first_key)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < bodies.size(); i++) {
        insert.setLong(1, user);
        insert.setLong(2, i);
        insert.setLong(3, i);
        insert.setLong(4, System.currentTimeMillis());
        insert.setString(5, bodies.get(i));
        insert.setString(6, "k" + i);
        insert.addBatch();
        if (i % 200 == 199 || i == bodies.size() - 1) {
          insert.executeBatch();
          c.commit();
        }
      }
    }
    double seconds = (System.nanoTime() - t) / 1e9;
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE bare_limit_insert");
    }
    return bodies.size() / seconds;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static void report(String what, String format, Object... args) {
    System.out.printf("%-22s %s%n", what, String.format(format, args));
  }

  /** Where the JSON goes: counted, not kept, as a socket would take it. */
  private static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}

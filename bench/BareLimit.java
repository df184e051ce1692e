// SPDX-License-Identifier: Apache-2.0

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * What the hardware allows, measured beside the API benchmarks on the same database: the floor
 * the server's figures are compared with. No HTTP, no server code, only JDBC and Jackson.
 *
 * <ul>
 *   <li>read ({@code contacts}, the default, and {@code otherContacts}): the rows of the user with
 *       the most of them, in keyset pages of 1,000 in the order the list methods use by default
 *       (the change sequence, LAST_MODIFIED_ASCENDING), each stored body cut to names,
 *       emailAddresses and phoneNumbers with Jackson's streaming parser and written as the API
 *       writes them (raw stored values in a pretty-printed page, as the API answers by default)
 *       by its streaming writer to a byte counter;
 *   <li>read ({@code gdata}): the shared contacts of the domain with the most of them, in keyset
 *       pages of 1,000 by id (the feed's default order), each stored entry turned from its stored
 *       JSON into the Atom entry (its id, times, category, photo, self and edit links, title,
 *       content and elements) with the streaming parser and a string builder, UTF-8 encoded;
 *   <li>insert ({@code contacts} only): the same bodies inserted again, 200 rows per transaction,
 *       into a scratch table with the contacts table's shape and primary key.
 * </ul>
 *
 * Usage: java -cp target/openpeople.jar bench/BareLimit.java [contacts|otherContacts|gdata]
 * STORAGE_URL [API_FULL_READ_MS [API_BATCH_CREATE_PER_S]] — the storage URL as {@code openpeople
 * serve --storage} takes it; with the API figures it also prints the ratios, and with the
 * environment variable API_CPU_MS (the server's CPU per full read) the ratio of CPU times.
 */
public final class BareLimit {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Set<String> FIELDS = Set.of("names", "emailAddresses", "phoneNumbers");
  private static final int PAGE = 1000;

  public static void main(String[] args) throws Exception {
    String what = args[0].contains(":") ? "contacts" : args[0];
    String[] rest = args[0].contains(":") ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
    String storage = rest[0];
    try (Connection c = DriverManager.getConnection(jdbcUrl(storage))) {
      if (storage.startsWith("sqlite:")) {
        try (Statement s = c.createStatement()) {
          // The server's settings (store/sqlite/SqliteDialect): WAL, and fsync at every commit.
          s.execute("PRAGMA journal_mode = WAL");
          s.execute("PRAGMA synchronous = FULL");
        }
      } else {
        try (Statement s = c.createStatement()) {
          // The floor reads with the plan fresh statistics give (an index seek per page); a table
          // PostgreSQL has never analyzed gets a bitmap scan and sort of every later row instead.
          s.execute("ANALYZE contacts, other_contacts, shared_contacts");
        }
      }
      Reader reader =
          switch (what) {
            case "contacts" -> new PeopleReader(c, "contacts", "connections", "people/c");
            case "otherContacts" ->
                new PeopleReader(c, "other_contacts", "otherContacts", "otherContacts/c");
            case "gdata" -> new FeedReader(c);
            default -> throw new IllegalArgumentException("contacts, otherContacts or gdata: " + what);
          };
      List<Double> reads = new ArrayList<>();
      List<Double> cpus = new ArrayList<>();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long rows = 0;
      long bytes = 0;
      // Two unmeasured passes first, as the server is warm when the API benchmark measures it.
      for (int i = 0; i < 2; i++) {
        reader.readAll(new CountingStream());
      }
      for (int i = 0; i < 3; i++) {
        CountingStream out = new CountingStream();
        long t = System.nanoTime();
        // This thread's CPU: the reading, the JDBC driver (SQLite runs in it) and the writing.
        long cpu = threads.getCurrentThreadCpuTime();
        rows = reader.readAll(out);
        reads.add((System.nanoTime() - t) / 1e6);
        cpus.add((threads.getCurrentThreadCpuTime() - cpu) / 1e6);
        bytes = out.count;
      }
      double readMs = median(reads);
      report(
          "bare read+serialise",
          "%s: median %.0f ms over 3 runs %s (%d rows, %d pages, %d MB written)",
          what,
          readMs,
          reads,
          rows,
          (rows + PAGE - 1) / PAGE,
          bytes / 1_000_000);
      double cpuMs = median(cpus);
      report("bare CPU", "%s: median %.0f ms of CPU per full read %s", what, cpuMs, cpus);
      String apiCpu = System.getenv("API_CPU_MS");
      if (apiCpu != null && !apiCpu.isEmpty()) {
        double api = Double.parseDouble(apiCpu);
        report(
            "ratio CPU",
            "%s: API server %.0f ms / bare %.0f ms = %.1fx (the client's CPU not counted)",
            what,
            api,
            cpuMs,
            api / cpuMs);
      }
      if (rest.length >= 2) {
        double api = Double.parseDouble(rest[1]);
        report(
            "ratio full read",
            "%s: API %.0f ms / bare %.0f ms = %.1fx",
            what,
            api,
            readMs,
            api / readMs);
      }
      if (what.equals("contacts")) {
        double insertPerSecond = insertAll(c, ((PeopleReader) reader).owner);
        report("bare batched insert", "%.0f rows/s (200 per transaction)", insertPerSecond);
        if (rest.length >= 3) {
          double apiCreate = Double.parseDouble(rest[2]);
          report(
              "ratio batch create",
              "bare %.0f/s / API %.0f/s = %.1fx",
              insertPerSecond,
              apiCreate,
              insertPerSecond / apiCreate);
        }
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

  /** One full read of a listing, written to {@code sink}; returns the rows read. */
  private interface Reader {
    long readAll(OutputStream sink) throws Exception;
  }

  /** A People API list (connections or otherContacts) of the user with the most live rows. */
  private static final class PeopleReader implements Reader {
    private final Connection c;
    private final String table;
    private final String items;
    private final String prefix;
    final long owner;

    PeopleReader(Connection c, String table, String items, String prefix) throws Exception {
      this.c = c;
      this.table = table;
      this.items = items;
      this.prefix = prefix;
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT user_id FROM "
                      + table
                      + " WHERE deleted = FALSE GROUP BY user_id ORDER BY COUNT(*) DESC LIMIT 1")) {
        if (!rs.next()) {
          throw new IllegalStateException("no rows in " + table);
        }
        owner = rs.getLong(1);
      }
    }

    @Override
    public long readAll(OutputStream sink) throws Exception {
      long seq = Long.MIN_VALUE;
      long rows = 0;
      // The server's keyset page in LAST_MODIFIED_ASCENDING order, the list methods' default: a
      // seek of the (user_id, seq) index. (This floor used to read in first_key order, which reads
      // the table in random order, and on PostgreSQL without statistics.)
      try (PreparedStatement page =
          c.prepareStatement(
              "SELECT id, seq, body FROM "
                  + table
                  + " WHERE user_id = ? AND deleted = FALSE AND seq <= ? AND seq > ? ORDER BY seq"
                  + " LIMIT "
                  + PAGE)) {
        while (true) {
          // The server's query has the same snapshot bound (the user's last change).
          page.setLong(1, owner);
          page.setLong(2, Long.MAX_VALUE);
          page.setLong(3, seq);
          int n = 0;
          try (ResultSet rs = page.executeQuery();
              JsonGenerator out = JSON.createGenerator(sink)) {
            out.useDefaultPrettyPrinter();
            out.writeStartObject();
            out.writeArrayFieldStart(items);
            while (rs.next()) {
              long id = rs.getLong(1);
              seq = rs.getLong(2);
              writePerson(out, prefix, id, seq, rs.getString(3));
              n++;
            }
            out.writeEndArray();
            out.writeEndObject();
          }
          rows += n;
          if (n < PAGE) {
            return rows;
          }
        }
      }
    }
  }

  /** A Person as the list methods write it: the requested members' stored JSON, raw. */
  private static void writePerson(
      JsonGenerator out, String prefix, long id, long seq, String body) throws Exception {
    out.writeStartObject();
    out.writeStringField("resourceName", prefix + Long.toUnsignedString(id));
    out.writeStringField("etag", "%" + etag(id ^ 0x5bd1e995L, seq));
    try (JsonParser in = JSON.createParser(body)) {
      in.nextToken();
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String name = in.currentName();
        JsonToken value = in.nextToken();
        if (FIELDS.contains(name)) {
          int start = (int) in.currentTokenLocation().getCharOffset();
          if (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT) {
            in.skipChildren();
          }
          int end = (int) in.currentLocation().getCharOffset();
          out.writeFieldName(name);
          out.writeRawValue(body, start, end - start);
        } else {
          in.skipChildren();
        }
      }
    }
    out.writeEndObject();
  }

  private static String etag(long a, long b) {
    return Base64.getEncoder()
        .encodeToString(ByteBuffer.allocate(16).putLong(a).putLong(b).array());
  }

  /**
   * The GData feed of the domain with the most live shared contacts: Atom pages of 1,000 entries
   * by id, each entry's stored JSON (title, content, elements of namespace, name, attributes,
   * text and children) written as XML with the feed's prefixes.
   */
  private static final class FeedReader implements Reader {
    private static final String GD = "http://schemas.google.com/g/2005";
    private static final String GCONTACT = "http://schemas.google.com/contact/2008";
    private final Connection c;
    private final String domain;
    private final String base;

    FeedReader(Connection c) throws Exception {
      this.c = c;
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT domain FROM shared_contacts WHERE deleted = FALSE GROUP BY domain"
                      + " ORDER BY COUNT(*) DESC LIMIT 1")) {
        if (!rs.next()) {
          throw new IllegalStateException("no shared contacts");
        }
        domain = rs.getString(1);
      }
      base = "http://127.0.0.1:8080/m8/feeds/contacts/" + domain;
    }

    @Override
    public long readAll(OutputStream sink) throws Exception {
      String after = "";
      long rows = 0;
      try (PreparedStatement page =
          c.prepareStatement(
              "SELECT id, seq, updated_at, entry FROM shared_contacts WHERE domain = ?"
                  + " AND deleted = FALSE AND seq <= ? AND id > ? ORDER BY id LIMIT "
                  + PAGE)) {
        while (true) {
          page.setString(1, domain);
          page.setLong(2, Long.MAX_VALUE);
          page.setString(3, after);
          int n = 0;
          StringBuilder xml = new StringBuilder(1 << 20);
          xml.append("<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom'")
              .append(" xmlns:gd='" + GD + "' xmlns:gContact='" + GCONTACT + "' xmlns:app='http://www.w3.org/2007/app'>");
          try (ResultSet rs = page.executeQuery()) {
            while (rs.next()) {
              after = rs.getString(1);
              String updated = Instant.ofEpochMilli(rs.getLong(3)).toString();
              xml.append("<entry gd:etag='&quot;")
                  .append(etag(after.hashCode() ^ 0x2f8a3c1dL, rs.getLong(2)))
                  .append("&quot;'><id>")
                  .append(base)
                  .append("/base/")
                  .append(after)
                  .append("</id><updated>")
                  .append(updated)
                  .append("</updated><app:edited>")
                  .append(updated)
                  .append("</app:edited>");
              xml.append("<category scheme='http://schemas.google.com/g/2005#kind' term='")
                  .append("http://schemas.google.com/contact/2008#contact'/>");
              xml.append("<link rel='http://schemas.google.com/contacts/2008/rel#photo'")
                  .append(" type='image/*' href='http://127.0.0.1:8080/m8/feeds/photos/media/")
                  .append(domain)
                  .append('/')
                  .append(after)
                  .append("'/>");
              xml.append("<link rel='self' type='application/atom+xml' href='")
                  .append(base)
                  .append("/full/")
                  .append(after)
                  .append("'/><link rel='edit' type='application/atom+xml' href='")
                  .append(base)
                  .append("/full/")
                  .append(after)
                  .append("'/>");
              writeEntry(xml, rs.getString(4));
              xml.append("</entry>");
              n++;
            }
          }
          sink.write(xml.append("</feed>").toString().getBytes(StandardCharsets.UTF_8));
          rows += n;
          if (n < PAGE) {
            return rows;
          }
        }
      }
    }

    private static void writeEntry(StringBuilder xml, String json) throws Exception {
      try (JsonParser in = JSON.createParser(json)) {
        in.nextToken();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
          String name = in.currentName();
          JsonToken value = in.nextToken();
          if (name.equals("title") && value == JsonToken.VALUE_STRING) {
            escape(xml.append("<title>"), in.getText()).append("</title>");
          } else if (name.equals("content") && value == JsonToken.VALUE_STRING) {
            escape(xml.append("<content type='text'>"), in.getText()).append("</content>");
          } else if (name.equals("elements") && value == JsonToken.START_ARRAY) {
            while (in.nextToken() == JsonToken.START_OBJECT) {
              writeElement(xml, in);
            }
          } else {
            in.skipChildren();
          }
        }
      }
    }

    /** One stored element; the parser is on its START_OBJECT and ends on its END_OBJECT. */
    private static void writeElement(StringBuilder xml, JsonParser in) throws Exception {
      String ns = "";
      String name = "";
      String text = "";
      StringBuilder attributes = new StringBuilder();
      StringBuilder children = new StringBuilder();
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String field = in.currentName();
        in.nextToken();
        switch (field) {
          case "ns" -> ns = in.getText();
          case "n" -> name = in.getText();
          case "t" -> text = in.getText();
          case "a" -> {
            while (in.nextToken() == JsonToken.FIELD_NAME) {
              attributes.append(' ').append(in.currentName()).append("='");
              in.nextToken();
              escape(attributes, in.getText()).append('\'');
            }
          }
          case "c" -> {
            while (in.nextToken() == JsonToken.START_OBJECT) {
              writeElement(children, in);
            }
          }
          default -> in.skipChildren();
        }
      }
      String qname =
          ns.equals(GD) ? "gd:" + name : ns.equals(GCONTACT) ? "gContact:" + name : name;
      xml.append('<').append(qname).append(attributes);
      if (text.isEmpty() && children.isEmpty()) {
        xml.append("/>");
        return;
      }
      escape(xml.append('>'), text).append(children).append("</").append(qname).append('>');
    }

    private static StringBuilder escape(StringBuilder out, String text) {
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        switch (ch) {
          case '<' -> out.append("&lt;");
          case '>' -> out.append("&gt;");
          case '&' -> out.append("&amp;");
          case '\'' -> out.append("&apos;");
          case '"' -> out.append("&quot;");
          default -> out.append(ch);
        }
      }
      return out;
    }
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

// SPDX-License-Identifier: Apache-2.0

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The other contacts benchmark: loads N other contacts of one user through the emulator
 * API, then times otherContacts.list full and incremental syncs and otherContacts.search over HTTP.
 * Usage: java -cp target/openpeople.jar bench/OtherContactsBench.java BASE_URL N SERVER_PID
 */
public final class OtherContactsBench {
  /**
   * Full reads per figure, the median reported: the first ones after the bulk load still pay for
   * the JIT and for collecting the load's garbage (FULL_READS overrides).
   */
  private static final int FULL_READS =
      Integer.parseInt(System.getenv().getOrDefault("FULL_READS", "5"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String MASK = "names,emailAddresses,phoneNumbers";
  private static String base;
  private static String user;

  public static void main(String[] args) throws Exception {
    base = args[0].replaceAll("/$", "");
    int total = Integer.parseInt(args[1]);
    String pid = args[2];
    user = "obench-" + System.nanoTime() + "@example.com";

    long start = System.nanoTime();
    load(total);
    double seconds = (System.nanoTime() - start) / 1e9;
    report("load (emulator)", "%.0f other contacts/s (%d, 1000 per call, 2 clients)", total / seconds, total);

    List<Double> fullSyncs = new ArrayList<>();
    List<Double> cpus = new ArrayList<>();
    String syncToken = null;
    for (int i = 0; i < FULL_READS; i++) {
      long cpu = cpuMillis(pid);
      long t = System.nanoTime();
      syncToken = fullSync(total);
      fullSyncs.add((System.nanoTime() - t) / 1e6);
      cpus.add((double) (cpuMillis(pid) - cpu));
    }
    report("full sync", "median %.0f ms over %d runs (%s; pageSize 1000, %s)", median(fullSyncs), FULL_READS, fullSyncs, MASK);
    report("full sync CPU", "median %.0f ms of server CPU per full sync (%s)", median(cpus), cpus);

    Random random = new Random(7);
    for (int i = 0; i < 100; i++) {
      // 100 changes: interactions that update existing other contacts (distinct addresses).
      int n = i * (total / 100) + random.nextInt(Math.max(1, total / 100));
      ObjectNode body = JSON.createObjectNode();
      body.put("email", "other" + n + "@example.com").put("displayName", "Renamed " + n);
      send("/emulator/v1/users/" + user + "/interactions", body, false);
    }
    List<Double> incrementals = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      long t = System.nanoTime();
      int changed = get("/v1/otherContacts?pageSize=1000&requestSyncToken=true&readMask=" + MASK
          + "&syncToken=" + enc(syncToken)).path("otherContacts").size();
      incrementals.add((System.nanoTime() - t) / 1e6);
      if (changed != 100) {
        throw new IllegalStateException("incremental sync returned " + changed + " changes");
      }
    }
    report("incremental sync", "median %.1f ms, max %.1f ms over 11 runs (100 changes)",
        median(incrementals), Collections.max(incrementals));

    get("/v1/otherContacts:search?query=&readMask=names");
    // 500 unmeasured searches with other queries first: the figure is that of a warm server (the
    // first searches of a fresh JVM run interpreted code while the JIT compiles it).
    Random warm = new Random(11);
    for (int i = 0; i < 500; i++) {
      get("/v1/otherContacts:search?readMask=names,emailAddresses&query=given" + warm.nextInt(Math.max(1, total / 10)));
    }
    List<Double> searches = new ArrayList<>();
    long searchCpu = cpuMillis(pid);
    long searchDbCpu = databaseCpuMillis();
    for (int i = 0; i < 500; i++) {
      String query = "given" + random.nextInt(Math.max(1, total / 10));
      long t = System.nanoTime();
      get("/v1/otherContacts:search?readMask=names,emailAddresses&query=" + enc(query));
      searches.add((System.nanoTime() - t) / 1e6);
    }
    searchCpu = cpuMillis(pid) - searchCpu;
    searchDbCpu = databaseCpuMillis() - searchDbCpu;
    Collections.sort(searches);
    report("otherContacts.search", "p50 %.2f ms, p99 %.2f ms over 500 queries"
            + " (server CPU %.0f us, database CPU %.0f us per query)",
        searches.get(searches.size() / 2), searches.get((int) (searches.size() * 0.99)),
        searchCpu * 1000 / 500.0, searchDbCpu * 1000 / 500.0);
    report("server RSS", "%s", rss(pid));
  }

  private static void load(int total) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> futures = new ArrayList<>();
    for (int offset = 0; offset < total; offset += 1000) {
      int from = offset;
      int count = Math.min(1000, total - offset);
      futures.add(pool.submit(() -> {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode people = body.putArray("people");
        for (int i = from; i < from + count; i++) {
          ObjectNode p = people.addObject();
          p.putArray("names").addObject().put("givenName", "given" + (i / 10)).put("familyName", "family" + i);
          p.putArray("emailAddresses").addObject().put("value", "other" + i + "@example.com");
          p.putArray("phoneNumbers").addObject().put("value", "+1 555 " + (1_000_000 + i));
        }
        send("/emulator/v1/users/" + user + "/otherContacts:batchCreate", body, false);
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
  }

  private static String fullSync(int expected) throws Exception {
    String pageToken = null;
    int seen = 0;
    while (true) {
      JsonNode page = get("/v1/otherContacts?pageSize=1000&requestSyncToken=true&readMask=" + MASK
          + (pageToken == null ? "" : "&pageToken=" + enc(pageToken)));
      seen += page.path("otherContacts").size();
      if (page.hasNonNull("nextPageToken")) {
        pageToken = page.get("nextPageToken").asText();
      } else {
        if (seen != expected) {
          throw new IllegalStateException("full sync saw " + seen + " of " + expected);
        }
        return page.get("nextSyncToken").asText();
      }
    }
  }

  private static JsonNode get(String path) throws Exception {
    return send(path, null, true);
  }

  private static JsonNode send(String path, JsonNode body, boolean auth) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (body == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }
    if (auth) {
      request.header("Authorization", "Bearer " + user);
    }
    HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
    }
    return JSON.readTree(response.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static String rss(String pid) throws Exception {
    String current = "?";
    String peak = "?";
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        current = line.substring(6).trim();
      } else if (line.startsWith("VmHWM:")) {
        peak = line.substring(6).trim();
      }
    }
    return "current " + current + ", peak " + peak;
  }

  private static void report(String what, String format, Object... args) {
    System.out.printf("%-22s %s%n", what, String.format(format, args));
  }

  /** The server process's CPU time so far (user + system, from /proc), in milliseconds. */
  private static long cpuMillis(String pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // utime and stime are fields 14 and 15 of stat(5), 12 and 13 after the command name.
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / 100;
  }

  /**
   * CPU time (user + system, milliseconds) so far of the PostgreSQL server processes serving the
   * benchmark's database ({@code BENCH_DB}, set by bench/run.sh; backends are named
   * "postgres: USER DB ..."), or 0 on SQLite. Connections live as long as the pool keeps them, so
   * a difference over a phase is that phase's database CPU.
   */
  static long databaseCpuMillis() throws Exception {
    String db = System.getenv("BENCH_DB");
    if (db == null || db.isEmpty()) {
      return 0;
    }
    long ticks = 0;
    try (var procs = Files.list(Path.of("/proc"))) {
      for (Path proc : (Iterable<Path>) procs::iterator) {
        if (!proc.getFileName().toString().matches("[0-9]+")) {
          continue;
        }
        try {
          String cmd = new String(Files.readAllBytes(proc.resolve("cmdline")));
          if (!cmd.startsWith("postgres: ") || !cmd.contains(" " + db + " ")) {
            continue;
          }
          String stat = Files.readString(proc.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
          ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (java.io.IOException gone) {
          // The process ended while being read.
        }
      }
    }
    return ticks * 10;
  }
}

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
 * The People API benchmark: drives a running OpenPeople server over HTTP and prints one line per
 * measure. Usage: java -cp target/openpeople.jar bench/Bench.java BASE_URL CONTACTS SERVER_PID
 * With BENCH_ONLY=create it stops after the createContact measure (for quick runs of the write
 * path); CREATES=N then sets the number of measured createContact calls (default min(2000, N/5)).
 * WARMUP_CREATES=N sets the unmeasured createContact calls of the warm-up (default 4000).
 */
public final class Bench {
  /**
   * Full reads per figure, the median reported: the first ones after the bulk load still pay for
   * the JIT and for collecting the load's garbage (FULL_READS overrides).
   */
  private static final int FULL_READS =
      Integer.parseInt(System.getenv().getOrDefault("FULL_READS", "5"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String FIELDS = "names,emailAddresses,phoneNumbers";
  private static String base;
  private static String user;

  public static void main(String[] args) throws Exception {
    base = args[0].replaceAll("/$", "");
    int total = Integer.parseInt(args[1]);
    String pid = args[2];
    // Warm-up, unmeasured, as another user: the JIT compiles the write paths first (a cold JVM
    // spends most of its first seconds compiling, which would be measured as request time).
    user = "warmup-" + System.nanoTime() + "@example.com";
    loadWithBatchCreate(10_000);
    createSingles(Integer.parseInt(System.getenv().getOrDefault("WARMUP_CREATES", "4000")), 8);
    user = "bench-" + System.nanoTime() + "@example.com";

    long cpu = cpuMicros(pid);
    long start = System.nanoTime();
    loadWithBatchCreate(total);
    double seconds = (System.nanoTime() - start) / 1e9;
    report("batchCreateContacts", "%.0f contacts/s (%d contacts, 200 per call, 2 clients;"
        + " server CPU %.0f us per contact)", total / seconds, total,
        (cpuMicros(pid) - cpu) / (double) total);

    boolean createOnly = "create".equals(System.getenv("BENCH_ONLY"));
    int singles = createOnly && System.getenv("CREATES") != null
        ? Integer.parseInt(System.getenv("CREATES")) : Math.min(2000, total / 5);
    java.util.Map<String, Long> threadsBefore = createOnly ? threadCpu(pid) : java.util.Map.of();
    cpu = cpuMicros(pid);
    start = System.nanoTime();
    createSingles(singles, 8);
    seconds = (System.nanoTime() - start) / 1e9;
    report("createContact", "%.0f contacts/s (%d calls, 8 clients; server CPU %.0f us per request)",
        singles / seconds, singles, (cpuMicros(pid) - cpu) / (double) singles);
    if (createOnly) {
      // The window of the measure, for `java bench/JfrSummary.java FILE.jfr TOP FROM TO`.
      System.out.printf("createContact window %d %d (epoch ms)%n",
          System.currentTimeMillis() - (System.nanoTime() - start) / 1_000_000,
          System.currentTimeMillis());
      // Where the server's CPU went, by thread (names without their numbers), user + system; a
      // thread started during the measure counts from zero.
      java.util.Map<String, Long> threads = new java.util.TreeMap<>();
      threadCpu(pid).forEach((task, micros) -> threads.merge(task.substring(task.indexOf(' ') + 1),
          micros - threadsBefore.getOrDefault(task, 0L), Long::sum));
      threads.entrySet().stream()
          .filter(e -> e.getValue() > 0)
          .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(8)
          .forEach(e -> System.out.printf("  %-28s %4.0f us per request%n", e.getKey(),
              e.getValue() / (double) singles));
      return;
    }

    List<Double> fullSyncs = new ArrayList<>();
    List<Double> cpus = new ArrayList<>();
    String syncToken = null;
    for (int i = 0; i < FULL_READS; i++) {
      cpu = cpuMicros(pid);
      long t = System.nanoTime();
      syncToken = fullSync(total + singles);
      fullSyncs.add((System.nanoTime() - t) / 1e6);
      cpus.add((cpuMicros(pid) - cpu) / 1e3);
    }
    report("full sync", "median %.0f ms over %d runs (%s; pageSize 1000, %s)", median(fullSyncs), FULL_READS, fullSyncs, FIELDS);
    report("full sync CPU", "median %.0f ms of server CPU per full sync (%s)", median(cpus), cpus);

    createSingles(100, 1);
    List<Double> incrementals = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      long t = System.nanoTime();
      int changed = incrementalSync(syncToken);
      incrementals.add((System.nanoTime() - t) / 1e6);
      if (changed != 100) {
        throw new IllegalStateException("incremental sync returned " + changed + " changes");
      }
    }
    report("incremental sync", "median %.1f ms, max %.1f ms over 11 runs (100 changes)",
        median(incrementals), Collections.max(incrementals));

    get("/v1/people:searchContacts?query=&readMask=names");
    // 500 unmeasured searches with other queries first: the figure is that of a warm server (the
    // first searches of a fresh JVM run interpreted code while the JIT compiles it).
    Random warm = new Random(7);
    for (int i = 0; i < 500; i++) {
      get("/v1/people:searchContacts?readMask=names,emailAddresses&query=given" + warm.nextInt(total / 10));
    }
    List<Double> searches = new ArrayList<>();
    Random random = new Random(42);
    long searchCpu = cpuMicros(pid);
    long searchDbCpu = databaseCpuMillis();
    for (int i = 0; i < 500; i++) {
      String query = "given" + random.nextInt(total / 10);
      long t = System.nanoTime();
      get("/v1/people:searchContacts?readMask=names,emailAddresses&query=" + enc(query));
      searches.add((System.nanoTime() - t) / 1e6);
    }
    searchCpu = cpuMicros(pid) - searchCpu;
    searchDbCpu = databaseCpuMillis() - searchDbCpu;
    Collections.sort(searches);
    report("searchContacts", "p50 %.2f ms, p99 %.2f ms over 500 queries"
            + " (server CPU %.0f us, database CPU %.0f us per query)",
        searches.get(searches.size() / 2), searches.get((int) (searches.size() * 0.99)),
        searchCpu / 500.0, searchDbCpu * 1000 / 500.0);

    mixed(8, 10);
    report("server RSS", "%s", rss(pid));
  }

  /**
   * {@code clients} clients for {@code seconds}, each in turn creating a contact, searching,
   * reading a page of 1,000 connections and a page of 100: the load the RSS figure is taken under.
   */
  private static void mixed(int clients, int seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      futures.add(pool.submit(() -> {
        Random random = new Random(client);
        for (int i = 0; System.nanoTime() < end; i++) {
          switch (i % 4) {
            case 0 -> post("/v1/people:createContact?personFields=names", person(20_000_000 + client * 1_000_000 + i));
            case 1 -> get("/v1/people:searchContacts?readMask=names&query=given" + random.nextInt(10_000));
            case 2 -> get("/v1/people/me/connections?pageSize=1000&personFields=" + FIELDS);
            default -> get("/v1/people/me/connections?pageSize=100&personFields=names");
          }
          calls.incrementAndGet();
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    report("mixed load", "%.0f calls/s (%d clients: create, search, list 1000, list 100)",
        calls.get() / (double) seconds, clients);
  }

  private static void loadWithBatchCreate(int total) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> futures = new ArrayList<>();
    for (int offset = 0; offset < total; offset += 200) {
      int from = offset;
      int count = Math.min(200, total - offset);
      futures.add(pool.submit(() -> {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode contacts = body.putArray("contacts");
        for (int i = from; i < from + count; i++) {
          contacts.addObject().set("contactPerson", person(i));
        }
        post("/v1/people:batchCreateContacts", body);
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
  }

  private static void createSingles(int count, int clients) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = 10_000_000 + i + (int) (System.nanoTime() % 1000) * 10_000;
      futures.add(pool.submit(() -> post("/v1/people:createContact?personFields=names", person(n))));
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
      String path = "/v1/people/me/connections?pageSize=1000&requestSyncToken=true&personFields=" + FIELDS
          + (pageToken == null ? "" : "&pageToken=" + enc(pageToken));
      JsonNode page = get(path);
      seen += page.path("connections").size();
      if (page.hasNonNull("nextPageToken")) {
        pageToken = page.get("nextPageToken").asText();
      } else {
        if (seen < expected) {
          throw new IllegalStateException("full sync saw " + seen + " of " + expected);
        }
        return page.get("nextSyncToken").asText();
      }
    }
  }

  private static int incrementalSync(String syncToken) throws Exception {
    JsonNode page = get("/v1/people/me/connections?pageSize=1000&requestSyncToken=true&personFields="
        + FIELDS + "&syncToken=" + enc(syncToken));
    return page.path("connections").size();
  }

  private static ObjectNode person(int i) {
    ObjectNode p = JSON.createObjectNode();
    p.putArray("names").addObject().put("givenName", "given" + (i / 10)).put("familyName", "family" + i);
    p.putArray("emailAddresses").addObject().put("value", "person" + i + "@example.com").put("type", "work");
    // Seven digits after the area code for every i, as in a North American number (the single
    // creates' i of 10,000,000 and more once made eleven-digit numbers, which took another path).
    p.putArray("phoneNumbers").addObject().put("value", "+1 555 " + (1_000_000 + i % 9_000_000))
        .put("type", "mobile");
    return p;
  }

  private static JsonNode get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  private static JsonNode post(String path, JsonNode body) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
  }

  private static JsonNode send(HttpRequest.Builder request) throws Exception {
    HttpResponse<byte[]> response = HTTP.send(
        request.header("Authorization", "Bearer " + user).build(), HttpResponse.BodyHandlers.ofByteArray());
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

  /**
   * The server's CPU time (user + system) so far in microseconds: fields 14 and 15 of
   * /proc/PID/stat, in clock ticks of 10 ms (USER_HZ is 100 on Linux).
   */
  private static long cpuMicros(String pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    // The command name (field 2) may hold spaces; the fields after it start past its ')'.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000L;
  }

  /** CPU so far (us) of each of the server's threads, keyed "TID NAME" (digits of NAME as #). */
  private static java.util.Map<String, Long> threadCpu(String pid) throws Exception {
    java.util.Map<String, Long> out = new java.util.HashMap<>();
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
              .replaceAll("[0-9]+", "#");
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
          out.put(task.getFileName() + " " + name,
              (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000L);
        } catch (java.io.IOException gone) {
          // The thread ended.
        }
      }
    }
    return out;
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

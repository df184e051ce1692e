// SPDX-License-Identifier: Apache-2.0

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Domain Shared Contacts (GData) benchmark: drives a running OpenPeople server over HTTP and
 * prints one line per measure. Usage: java bench/GDataBench.java BASE_URL CONTACTS SERVER_PID
 */
public final class GDataBench {
  /**
   * Full reads per figure, the median reported: the first ones after the bulk load still pay for
   * the JIT and for collecting the load's garbage (FULL_READS overrides).
   */
  private static final int FULL_READS =
      Integer.parseInt(System.getenv().getOrDefault("FULL_READS", "5"));
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern NEXT =
      Pattern.compile("rel='next' type='application/atom\\+xml' href='([^']+)'");
  private static final Pattern ID = Pattern.compile("/base/([0-9a-f]+)</id>");
  private static final Pattern UPDATED = Pattern.compile("<updated>([^<]+)</updated>");
  private static String base;
  private static String feed;
  private static final String ADMIN = "admin@bench.example.com";

  public static void main(String[] args) throws Exception {
    base = args[0].replaceAll("/$", "");
    int total = Integer.parseInt(args[1]);
    String pid = args[2];
    feed = "/m8/feeds/contacts/bench.example.com/full";

    List<Double> batchTimes = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    load(total, batchTimes);
    double seconds = (System.nanoTime() - start) / 1e9;
    report("batch insert x100", "median %.0f ms per batch of 100; load %.0f contacts/s (%d contacts, 2 clients)",
        median(batchTimes), total / seconds, total);

    List<Double> reads = new ArrayList<>();
    List<Double> cpus = new ArrayList<>();
    List<String> ids = null;
    for (int i = 0; i < FULL_READS; i++) {
      long cpu = cpuMillis(pid);
      long t = System.nanoTime();
      ids = fullRead(total);
      reads.add((System.nanoTime() - t) / 1e6);
      cpus.add((double) (cpuMillis(pid) - cpu));
    }
    report("full feed read", "median %.0f ms over %d runs (%s; max-results=1000, %d pages)",
        median(reads), FULL_READS, reads, (total + 999) / 1000);
    report("full read CPU", "median %.0f ms of server CPU per full read (%s)", median(cpus), cpus);

    String before = updatedOf(get(feed + "?max-results=0"));
    Thread.sleep(5);
    for (int i = 0; i < 100; i++) {
      String id = ids.get((int) ((long) i * ids.size() / 100));
      send("PUT", feed + "/" + id, entry("Changed " + i), "If-Match", "*");
    }
    List<Double> incrementals = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      long t = System.nanoTime();
      String delta = get(feed + "?max-results=1000&showdeleted=true&orderby=lastmodified&sortorder=ascending"
          + "&updated-min=" + URLEncoder.encode(before, StandardCharsets.UTF_8));
      incrementals.add((System.nanoTime() - t) / 1e6);
      int changed = count(ID, delta);
      if (changed != 100) {
        throw new IllegalStateException("incremental read returned " + changed + " entries");
      }
    }
    report("updated-min read", "median %.1f ms, max %.1f ms over 11 runs (100 changes of %d)",
        median(incrementals), Collections.max(incrementals), total);

    // searchDirectoryPeople over the same domain: its shared contacts and its users' profiles.
    // Each user becomes a domain profile with its first request; the queries are word prefixes
    // ("1234" finds Person 1234 and Person 12340-12349, by name and e-mail).
    int users = 1000;
    for (int i = 0; i < users; i++) {
      directorySearch("user" + i + "@bench.example.com", "x");
    }
    directorySearch(ADMIN, "");
    // 500 unmeasured searches with other queries first: the figure is that of a warm server.
    java.util.Random warm = new java.util.Random(7);
    for (int i = 0; i < 500; i++) {
      directorySearch(ADMIN, Integer.toString(warm.nextInt(total / 10)));
    }
    List<Double> searches = new ArrayList<>();
    java.util.Random random = new java.util.Random(42);
    long searchCpu = cpuMillis(pid);
    long searchDbCpu = databaseCpuMillis();
    for (int i = 0; i < 500; i++) {
      String query = Integer.toString(random.nextInt(total / 10));
      long t = System.nanoTime();
      String found = directorySearch(ADMIN, query);
      searches.add((System.nanoTime() - t) / 1e6);
      if (!found.contains("\"totalSize\"")) {
        throw new IllegalStateException("searchDirectoryPeople: " + found);
      }
    }
    searchCpu = cpuMillis(pid) - searchCpu;
    searchDbCpu = databaseCpuMillis() - searchDbCpu;
    Collections.sort(searches);
    report("searchDirectoryPeople", "p50 %.2f ms, p99 %.2f ms over 500 queries (%d shared contacts, %d profiles;"
            + " server CPU %.0f us, database CPU %.0f us per query)",
        searches.get(searches.size() / 2), searches.get((int) (searches.size() * 0.99)), total, users,
        searchCpu * 1000 / 500.0, searchDbCpu * 1000 / 500.0);
    report("server RSS", "%s", rss(pid));
  }

  /** A People API searchDirectoryPeople call as {@code user}: both sources, names and e-mails. */
  private static String directorySearch(String user, String query) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base
            + "/v1/people:searchDirectoryPeople?readMask=names,emailAddresses"
            + "&sources=DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT&sources=DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE"
            + "&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
        .header("Authorization", "Bearer " + user).GET().build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  private static String entry(String name) {
    return "<entry xmlns='http://www.w3.org/2005/Atom' xmlns:gd='http://schemas.google.com/g/2005'>"
        + "<category scheme='http://schemas.google.com/g/2005#kind'"
        + " term='http://schemas.google.com/contact/2008#contact'/>"
        + "<gd:name><gd:fullName>" + name + "</gd:fullName></gd:name>"
        + "<gd:email rel='http://schemas.google.com/g/2005#work' address='"
        + name.replace(' ', '.').toLowerCase() + "@vendor.test'/>"
        + "<gd:phoneNumber rel='http://schemas.google.com/g/2005#work'>+1 555 0100</gd:phoneNumber>"
        + "</entry>";
  }

  private static void load(int total, List<Double> batchTimes) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> futures = new ArrayList<>();
    for (int offset = 0; offset < total; offset += 100) {
      int from = offset;
      int n = Math.min(100, total - offset);
      futures.add(pool.submit(() -> {
        StringBuilder body = new StringBuilder("<feed xmlns='http://www.w3.org/2005/Atom'"
            + " xmlns:gd='http://schemas.google.com/g/2005' xmlns:batch='http://schemas.google.com/gdata/batch'>");
        for (int i = from; i < from + n; i++) {
          body.append(entry("Person " + i).replace("<entry xmlns='http://www.w3.org/2005/Atom' xmlns:gd='http://schemas.google.com/g/2005'>",
              "<entry><batch:id>" + i + "</batch:id><batch:operation type='insert'/>"));
        }
        body.append("</feed>");
        long t = System.nanoTime();
        String response = send("POST", feed + "/batch", body.toString());
        batchTimes.add((System.nanoTime() - t) / 1e6);
        if (count(Pattern.compile("code='201'"), response) != n) {
          throw new IllegalStateException("batch failed: " + response.substring(0, 500));
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
  }

  private static List<String> fullRead(int expected) throws Exception {
    List<String> ids = new ArrayList<>(expected);
    String url = base + feed + "?max-results=1000";
    while (url != null) {
      String page = send("GET", url.substring(base.length()), null);
      Matcher id = ID.matcher(page);
      while (id.find()) {
        ids.add(id.group(1));
      }
      Matcher next = NEXT.matcher(page);
      url = next.find() ? next.group(1).replace("&amp;", "&") : null;
    }
    if (ids.size() != expected) {
      throw new IllegalStateException("full read saw " + ids.size() + " of " + expected);
    }
    return ids;
  }

  private static String updatedOf(String xml) {
    Matcher m = UPDATED.matcher(xml);
    m.find();
    return m.group(1);
  }

  private static int count(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static String get(String path) throws Exception {
    return send("GET", path, null);
  }

  private static String send(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .header("Authorization", "Bearer " + ADMIN)
        .header("GData-Version", "3.0")
        .header("Content-Type", "application/atom+xml; charset=UTF-8");
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return response.body();
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

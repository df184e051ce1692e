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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scale benchmark: loads USERS x PER_USER contacts through batchCreateContacts (200 per call, 4
 * clients; stops loading when BUDGET_SECONDS have passed and says how far it got), then measures on
 * up to 20 of the users spread over the set: the time of each connections.list page (pageSize
 * 1000), a full sync, an incremental sync of 100 changes and searchContacts. bench/run-scale.sh runs
 * it at a reference size and at the full size and prints the ratios.
 * Usage: java -cp target/openpeople.jar bench/ScaleBench.java BASE_URL USERS PER_USER SERVER_PID
 * [BUDGET_SECONDS]
 */
public final class ScaleBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String FIELDS = "names,emailAddresses,phoneNumbers";
  private static final int BATCH = 200;
  private static String base;

  public static void main(String[] args) throws Exception {
    base = args[0].replaceAll("/$", "");
    int users = Integer.parseInt(args[1]);
    int perUser = Integer.parseInt(args[2]);
    String pid = args[3];
    long budgetNanos = (long) (Double.parseDouble(args.length > 4 ? args[4] : "900") * 1e9);
    String run = Long.toString(System.nanoTime(), 36);

    // Warm-up, unmeasured, as another user: a cold JIT would be measured as request time.
    String warmup = "warmup-" + run + "@example.com";
    load(List.of(warmup), 10_000, Long.MAX_VALUE);
    for (int i = 0; i < 3; i++) {
      fullSync(warmup, 10_000, new ArrayList<>());
    }
    for (int i = 0; i < 200; i++) {
      get(warmup, "/v1/people:searchContacts?readMask=names,emailAddresses&query=given" + i);
    }

    List<String> all = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      all.add("u" + u + "-" + run + "@example.com");
    }
    long start = System.nanoTime();
    int loaded = load(all, perUser, budgetNanos);
    double seconds = (System.nanoTime() - start) / 1e9;
    report("load", "%d of %d contacts in %.1f s, %.0f contacts/s (batchCreateContacts, 200 per call, 4 clients)%s",
        loaded, users * perUser, seconds, loaded / seconds,
        loaded < users * perUser ? "; stopped at the time budget" : "");

    // Users to measure: up to 20, spread over the set, among those fully loaded.
    int complete = loaded / perUser;
    List<String> sample = new ArrayList<>();
    int step = Math.max(1, complete / 20);
    for (int u = 0; u < complete && sample.size() < 20; u += step) {
      sample.add(all.get(u));
    }
    if (sample.isEmpty()) {
      throw new IllegalStateException("no user was fully loaded within the budget");
    }

    List<Double> pages = new ArrayList<>();
    List<Double> syncs = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    for (String user : sample) {
      long t = System.nanoTime();
      tokens.add(fullSync(user, perUser, pages));
      syncs.add((System.nanoTime() - t) / 1e6);
    }
    report("list page", "median %.2f ms, p90 %.2f ms over %d pages of 1000 (%s)",
        percentile(pages, 50), percentile(pages, 90), pages.size(), FIELDS);
    report("full sync", "median %.0f ms per user of %d contacts (%d users)", percentile(syncs, 50), perUser, sample.size());

    List<Double> incrementals = new ArrayList<>();
    int changed = Math.min(sample.size(), 5);
    for (int s = 0; s < changed; s++) {
      String user = sample.get(s);
      for (int i = 0; i < 100; i++) {
        post(user, "/v1/people:createContact?personFields=names", person(20_000_000 + i));
      }
      for (int i = 0; i < 11; i++) {
        long t = System.nanoTime();
        JsonNode page = get(user, "/v1/people/me/connections?pageSize=1000&requestSyncToken=true&personFields="
            + FIELDS + "&syncToken=" + enc(tokens.get(s)));
        incrementals.add((System.nanoTime() - t) / 1e6);
        if (page.path("connections").size() != 100) {
          throw new IllegalStateException("incremental sync returned " + page.path("connections").size());
        }
      }
    }
    report("incremental sync", "median %.2f ms, p90 %.2f ms (100 changes; %d users x 11)",
        percentile(incrementals, 50), percentile(incrementals, 90), changed);

    Random random = new Random(42);
    for (String user : sample) {
      get(user, "/v1/people:searchContacts?query=&readMask=names");
    }
    List<Double> searches = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String user = sample.get(i % sample.size());
      String query = "given" + random.nextInt(Math.max(1, perUser / 10));
      long t = System.nanoTime();
      get(user, "/v1/people:searchContacts?readMask=names,emailAddresses&query=" + enc(query));
      searches.add((System.nanoTime() - t) / 1e6);
    }
    report("searchContacts", "p50 %.2f ms, p99 %.2f ms over 500 queries", percentile(searches, 50), percentile(searches, 99));
    report("server RSS", "%s", rss(pid));
  }

  /** Loads perUser contacts for each user, until the budget is spent; returns how many were made. */
  private static int load(List<String> users, int perUser, long budgetNanos) throws Exception {
    long deadline = System.nanoTime() + budgetNanos;
    AtomicInteger made = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (String user : users) {
      for (int offset = 0; offset < perUser; offset += BATCH) {
        int from = offset;
        int count = Math.min(BATCH, perUser - offset);
        futures.add(pool.submit(() -> {
          if (System.nanoTime() > deadline) {
            return null;
          }
          ObjectNode body = JSON.createObjectNode();
          ArrayNode contacts = body.putArray("contacts");
          for (int i = from; i < from + count; i++) {
            contacts.addObject().set("contactPerson", person(i));
          }
          post(user, "/v1/people:batchCreateContacts", body);
          made.addAndGet(count);
          return null;
        }));
      }
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return made.get();
  }

  private static String fullSync(String user, int expected, List<Double> pages) throws Exception {
    String pageToken = null;
    int seen = 0;
    while (true) {
      long t = System.nanoTime();
      JsonNode page = get(user, "/v1/people/me/connections?pageSize=1000&requestSyncToken=true&personFields=" + FIELDS
          + (pageToken == null ? "" : "&pageToken=" + enc(pageToken)));
      pages.add((System.nanoTime() - t) / 1e6);
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

  private static ObjectNode person(int i) {
    ObjectNode p = JSON.createObjectNode();
    p.putArray("names").addObject().put("givenName", "given" + (i / 10)).put("familyName", "family" + i);
    p.putArray("emailAddresses").addObject().put("value", "person" + i + "@example.com").put("type", "work");
    p.putArray("phoneNumbers").addObject().put("value", "+1 555 " + (1_000_000 + i)).put("type", "mobile");
    return p;
  }

  private static JsonNode get(String user, String path) throws Exception {
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  private static JsonNode post(String user, String path, JsonNode body) throws Exception {
    return send(user, HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
  }

  private static JsonNode send(String user, HttpRequest.Builder request) throws Exception {
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

  private static double percentile(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
  }

  private static String rss(String pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return line.substring(6).trim();
      }
    }
    return "?";
  }

  private static void report(String what, String format, Object... args) {
    System.out.printf("%-18s %s%n", what, String.format(format, args));
  }
}

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The web console's own requests against a user with many contacts: the contacts view's pages in
 * each order, paging deep by tokens, search, and the change log's sync point. Usage: java -cp
 * target/openpeople.jar bench/ConsoleBench.java BASE_URL CONTACTS SERVER_PID
 */
public final class ConsoleBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** What contacts.js asks for (LIST_FIELDS). */
  private static final String LIST = "/v1/people/me/connections?pageSize=25&personFields="
      + enc("names,emailAddresses,phoneNumbers,organizations,metadata");
  private static String base;
  private static final String USER = "console-" + System.nanoTime() + "@example.com";

  public static void main(String[] args) throws Exception {
    base = args[0].replaceAll("/$", "");
    int total = Integer.parseInt(args[1]);
    load(total);
    for (int i = 0; i < 50; i++) {
      get(LIST + "&sortOrder=FIRST_NAME_ASCENDING"); // warm-up
    }
    for (String order : List.of("FIRST_NAME_ASCENDING", "LAST_NAME_ASCENDING", "LAST_MODIFIED_DESCENDING")) {
      List<Double> times = new ArrayList<>();
      for (int i = 0; i < 21; i++) {
        times.add(timed(LIST + "&sortOrder=" + order));
      }
      report("first page, " + order, times);
    }
    List<Double> pages = new ArrayList<>();
    String token = "";
    for (int i = 0; i < 200; i++) {
      long t = System.nanoTime();
      JsonNode page = get(LIST + "&sortOrder=FIRST_NAME_ASCENDING" + (token.isEmpty() ? "" : "&pageToken=" + enc(token)));
      pages.add((System.nanoTime() - t) / 1e6);
      token = page.path("nextPageToken").asText();
    }
    report("Next, pages 1-200 by token (FIRST_NAME_ASCENDING)", pages);
    List<Double> searches = new ArrayList<>();
    get("/v1/people:searchContacts?query=&readMask=names");
    for (int i = 0; i < 21; i++) {
      searches.add(timed("/v1/people:searchContacts?pageSize=30&readMask="
          + enc("names,emailAddresses,phoneNumbers,organizations,metadata") + "&query=given" + (i * 397 % (total / 10))));
    }
    report("searchContacts (30 best)", searches);
    long t = System.nanoTime();
    String pageToken = "";
    int calls = 0;
    while (true) {
      JsonNode page = get("/v1/people/me/connections?pageSize=1000&requestSyncToken=true&fields=nextPageToken,nextSyncToken&personFields="
          + enc("names,emailAddresses,metadata") + (pageToken.isEmpty() ? "" : "&pageToken=" + enc(pageToken)));
      calls++;
      if (!page.hasNonNull("nextPageToken")) {
        break;
      }
      pageToken = page.get("nextPageToken").asText();
    }
    System.out.printf("%-55s %.0f ms (%d calls)%n", "change log: set sync point", (System.nanoTime() - t) / 1e6, calls);
  }

  private static void load(int total) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> futures = new ArrayList<>();
    for (int offset = 0; offset < total; offset += 200) {
      int from = offset;
      futures.add(pool.submit(() -> {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode contacts = body.putArray("contacts");
        for (int i = from; i < Math.min(total, from + 200); i++) {
          ObjectNode p = contacts.addObject().putObject("contactPerson");
          p.putArray("names").addObject().put("givenName", "given" + (i / 10)).put("familyName", "family" + i);
          p.putArray("emailAddresses").addObject().put("value", "person" + i + "@example.com");
        }
        return send(HttpRequest.newBuilder(URI.create(base + "/v1/people:batchCreateContacts"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
  }

  private static double timed(String path) throws Exception {
    long t = System.nanoTime();
    get(path);
    return (System.nanoTime() - t) / 1e6;
  }

  private static void report(String what, List<Double> times) {
    List<Double> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    System.out.printf("%-55s p50 %.1f ms, max %.1f ms (%d calls)%n", what, sorted.get(sorted.size() / 2),
        sorted.get(sorted.size() - 1), sorted.size());
  }

  private static JsonNode get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  private static JsonNode send(HttpRequest.Builder request) throws Exception {
    HttpResponse<byte[]> response = HTTP.send(
        request.header("Authorization", "Bearer " + USER).build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
    }
    return JSON.readTree(response.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

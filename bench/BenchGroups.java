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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The contact-groups benchmark: loads CONTACTS contacts spread over GROUPS user groups with
 * members.modify (1,000 members per call), then times contactGroups.list/get and membership
 * changes. Usage: java -cp target/openpeople.jar bench/BenchGroups.java BASE_URL CONTACTS PID [GROUPS=50]
 */
public final class BenchGroups {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static String base;
  private static String user;

  public static void main(String[] args) throws Exception {
    base = args[0].replaceAll("/$", "");
    int total = Integer.parseInt(args[1]);
    String pid = args[2];
    int groupCount = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    user = "bench-groups-" + System.nanoTime() + "@example.com";

    long start = System.nanoTime();
    List<String> people = load(total);
    report("load", "%d contacts in %.1f s (batchCreateContacts, 200 per call, 2 clients)",
        people.size(), (System.nanoTime() - start) / 1e9);

    List<String> groups = new ArrayList<>();
    for (int g = 0; g < groupCount; g++) {
      ObjectNode body = JSON.createObjectNode();
      body.putObject("contactGroup").put("name", "Group " + g);
      groups.add(post("/v1/contactGroups", body).get("resourceName").asText());
    }
    // Contact i goes to group i % groupCount; each call adds 1,000 members to one group.
    List<Double> adds = new ArrayList<>();
    for (int g = 0; g < groupCount; g++) {
      List<String> members = new ArrayList<>();
      for (int i = g; i < people.size(); i += groupCount) {
        members.add(people.get(i));
      }
      for (int from = 0; from < members.size(); from += 1000) {
        List<String> chunk = members.subList(from, Math.min(members.size(), from + 1000));
        adds.add(modify(groups.get(g), chunk, List.of()));
      }
    }
    report("members.modify add", "median %.0f ms, p90 %.0f ms over %d calls (1,000 members each"
        + " except the last of a group)", median(adds), percentile(adds, 0.9), adds.size());

    List<String> some = new ArrayList<>();
    for (int i = 0; i < Math.min(1000 * groupCount, people.size()) && some.size() < 1000; i += groupCount) {
      some.add(people.get(i));
    }
    List<Double> removes = new ArrayList<>();
    List<Double> readds = new ArrayList<>();
    for (int run = 0; run < 5; run++) {
      removes.add(modify(groups.get(0), List.of(), some));
      readds.add(modify(groups.get(0), some, List.of()));
    }
    report("members.modify remove", "median %.0f ms over 5 calls (1,000 members); re-add median %.0f ms",
        median(removes), median(readds));

    report("contactGroups.list", "median %.1f ms over 21 calls (default pageSize 30, %d contacts, %d groups + 8 system)",
        time(21, () -> get("/v1/contactGroups")), people.size(), groupCount);
    report("contactGroups.list", "median %.1f ms over 21 calls (pageSize 1000: every group with memberCount)",
        time(21, () -> get("/v1/contactGroups?pageSize=1000")));
    report("contactGroups.get", "median %.1f ms over 21 calls (maxMembers=1000)",
        time(21, () -> get("/v1/" + groups.get(1) + "?maxMembers=1000")));
    String sync = get("/v1/contactGroups?pageSize=1000").get("nextSyncToken").asText();
    ObjectNode rename = JSON.createObjectNode();
    rename.putObject("contactGroup").put("name", "Renamed");
    send(HttpRequest.newBuilder(URI.create(base + "/v1/" + groups.get(2)))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(rename))));
    report("contactGroups.list sync", "median %.1f ms over 21 calls (1 change)",
        time(21, () -> get("/v1/contactGroups?syncToken=" + URLEncoder.encode(sync, StandardCharsets.UTF_8))));

    long t = System.nanoTime();
    send(HttpRequest.newBuilder(URI.create(base + "/v1/" + groups.get(3) + "?deleteContacts=false")).DELETE());
    report("contactGroups.delete", "%.0f ms (a group of %d members, deleteContacts=false)",
        (System.nanoTime() - t) / 1e6, (people.size() + groupCount - 1 - 3) / groupCount);
    report("server RSS", "%s", rss(pid));
  }

  private static List<String> load(int total) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<List<String>>> futures = new ArrayList<>();
    for (int offset = 0; offset < total; offset += 200) {
      int from = offset;
      int count = Math.min(200, total - offset);
      futures.add(pool.submit(() -> {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode contacts = body.putArray("contacts");
        for (int i = from; i < from + count; i++) {
          ObjectNode p = JSON.createObjectNode();
          p.putArray("names").addObject().put("givenName", "given" + i).put("familyName", "family" + i);
          p.putArray("emailAddresses").addObject().put("value", "person" + i + "@example.com");
          contacts.addObject().set("contactPerson", p);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode created : post("/v1/people:batchCreateContacts", body).path("createdPeople")) {
          names.add(created.path("person").path("resourceName").asText());
        }
        return names;
      }));
    }
    List<String> all = new ArrayList<>(total);
    for (Future<List<String>> f : futures) {
      all.addAll(f.get());
    }
    pool.shutdown();
    return all;
  }

  private static double modify(String group, List<String> add, List<String> remove) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    add.forEach(body.putArray("resourceNamesToAdd")::add);
    remove.forEach(body.putArray("resourceNamesToRemove")::add);
    long t = System.nanoTime();
    JsonNode response = post("/v1/" + group + "/members:modify", body);
    double ms = (System.nanoTime() - t) / 1e6;
    if (response.has("notFoundResourceNames") || response.has("canNotRemoveLastContactGroupResourceNames")) {
      throw new IllegalStateException("unexpected modify answer " + response);
    }
    return ms;
  }

  private static double time(int runs, Callable<?> call) throws Exception {
    call.call();
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      call.call();
      times.add((System.nanoTime() - t) / 1e6);
    }
    return median(times);
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

  private static double median(List<Double> values) {
    return percentile(values, 0.5);
  }

  private static double percentile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p)));
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
    System.out.printf("%-24s %s%n", what, String.format(format, args));
  }
}

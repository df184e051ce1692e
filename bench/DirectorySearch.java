// SPDX-License-Identifier: Apache-2.0

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

/**
 * searchDirectoryPeople only, on a database GDataBench filled (bench/run.sh with KEEP=DIR): `java
 * bench/DirectorySearch.java URL SERVER_PID WARMUP QUERIES` prints p50, p99 and the server's CPU per
 * query, the queries being GDataBench's (numbers below 10,000, as the admin user).
 */
public class DirectorySearch {
  static HttpClient http = HttpClient.newHttpClient();
  static String base;
  public static void main(String[] a) throws Exception {
    base = a[0]; String pid = a[1]; int warm = Integer.parseInt(a[2]); int n = Integer.parseInt(a[3]);
    Random w = new Random(7);
    for (int i = 0; i < warm; i++) search(Integer.toString(w.nextInt(10000)));
    Random r = new Random(42);
    List<Double> t = new ArrayList<>();
    long cpu = cpu(pid);
    for (int i = 0; i < n; i++) {
      long s = System.nanoTime();
      search(Integer.toString(r.nextInt(10000)));
      t.add((System.nanoTime() - s) / 1e6);
    }
    cpu = cpu(pid) - cpu;
    Collections.sort(t);
    System.out.printf("p50 %.2f ms, p99 %.2f ms, server CPU %.0f us per query (%d queries)%n",
        t.get(n / 2), t.get((int) (n * 0.99)), cpu * 1000.0 / n, n);
  }
  static void search(String q) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(base
        + "/v1/people:searchDirectoryPeople?readMask=names,emailAddresses"
        + "&sources=DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT&sources=DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE"
        + "&query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
        .header("Authorization", "Bearer admin@bench.example.com").GET().build();
    HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 200 || !res.body().contains("totalSize")) throw new IllegalStateException(res.body());
  }
  static long cpu(String pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
  }
}

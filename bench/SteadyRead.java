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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's CPU per full read once warm: N full reads of one list (following its page tokens, or
 * a GData feed's next links) after WARM unmeasured ones, against a server that has loaded nothing
 * (a database kept with {@code KEEP=DIR bench/run.sh}). The API benchmarks measure three full reads
 * right after their load, when the JIT and the collector still work on the load's behalf; this
 * measures what a read itself costs, and many reads average out the 10 ms clock ticks of
 * /proc/PID/stat. Prints the CPU of each read, their median and mean, and the epoch milliseconds
 * of the measured window (for {@code java bench/JfrSummary.java FILE.jfr 25 FROM TO}).
 *
 * <p>Usage: java bench/SteadyRead.java URL USER PATH N PID [WARM] — USER is the bearer (the
 * emulator's e-mail token), PATH a list's first page, e.g. {@code
 * /v1/people/me/connections?pageSize=1000&personFields=names,emailAddresses,phoneNumbers}.
 */
public final class SteadyRead {
  private static final Pattern PAGE_TOKEN = Pattern.compile("\"nextPageToken\" ?: ?\"([^\"]+)\"");
  private static final Pattern NEXT_LINK =
      Pattern.compile("<link rel='next' type='application/atom\\+xml' href='([^']+)'");

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String user = args[1];
    String path = args[2];
    int n = Integer.parseInt(args[3]);
    String pid = args[4];
    int warm = args.length > 5 ? Integer.parseInt(args[5]) : 3;
    boolean feed = path.startsWith("/m8/");
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < warm; i++) {
      read(http, url, user, path, feed);
    }
    List<Long> cpus = new ArrayList<>();
    long from = System.currentTimeMillis();
    int pages = 0;
    for (int i = 0; i < n; i++) {
      long cpu = cpuMillis(pid);
      pages = read(http, url, user, path, feed);
      cpus.add(cpuMillis(pid) - cpu);
    }
    long to = System.currentTimeMillis();
    List<Long> sorted = new ArrayList<>(cpus);
    Collections.sort(sorted);
    double mean = cpus.stream().mapToLong(Long::longValue).average().orElse(0);
    System.out.printf("full reads             %d of %d pages; server CPU per read (ms) %s%n", n, pages, cpus);
    System.out.printf("steady CPU             median %d ms, mean %.1f ms per full read%n", sorted.get(n / 2), mean);
    System.out.printf("window                 %d %d%n", from, to);
  }

  /** One full read; returns its pages. */
  private static int read(HttpClient http, String url, String user, String path, boolean feed)
      throws Exception {
    String next = url + path;
    int pages = 0;
    while (next != null) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(next)).header("Authorization", "Bearer " + user);
      if (feed) {
        request.header("GData-Version", "3.0");
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(response.statusCode() + " " + response.body());
      }
      pages++;
      String body = response.body();
      Matcher m = (feed ? NEXT_LINK : PAGE_TOKEN).matcher(body);
      if (!m.find()) {
        next = null;
      } else if (feed) {
        next = m.group(1).replace("&amp;", "&");
      } else {
        next = url + path + "&pageToken=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
      }
    }
    return pages;
  }

  /** The process's CPU time so far (user + system, fields 14 and 15 of /proc/PID/stat), in ms. */
  private static long cpuMillis(String pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
  }
}

// SPDX-License-Identifier: Apache-2.0

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CardDAV benchmark: the same cards in OpenPeople and Radicale, the same requests to both.
 * Usage: java -cp target/openpeople.jar bench/CardDavBench.java OPENPEOPLE_URL RADICALE_URL CARDS
 * (RADICALE_URL {@code -}: OpenPeople alone, e.g. while profiling it).
 */
public final class CardDavBench {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String USER = "bench@example.com";
  private static final String[] FIRST = {
    "Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Dennis", "Frances",
    "John", "Mary", "Linus", "Radia", "Tim", "Katherine", "Niklaus", "Sophie", "Whitfield", "Hedy"
  };
  private static final String[] LAST = {
    "Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson",
    "Ritchie", "Allen", "McCarthy", "Kenneth", "Torvalds", "Perlman", "Berners-Lee", "Johnson",
    "Wirth", "Wilson", "Diffie", "Lamarr", "Nakamura", "Okafor", "Schmidt", "Rossi", "Dubois"
  };

  record Server(String name, String book, String auth) {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[2]);
    List<String> cards = cards(n);
    String basic =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString((USER + ":x").getBytes(StandardCharsets.UTF_8));
    Server op =
        new Server("OpenPeople", args[0] + "/carddav/v1/principals/" + USER + "/lists/default/", basic);
    Server radicale = new Server("Radicale", args[1] + "/" + USER + "/contacts/", basic);
    boolean alone = args[1].equals("-");
    loadOpenPeople(op, cards);
    if (!alone) {
      loadRadicale(radicale, cards);
    }
    Map<String, double[]> results = new LinkedHashMap<>();
    for (Server server : alone ? List.of(op) : List.of(op, radicale)) {
      results.put(server.name(), measure(server, cards));
    }
    String[] names = {
      "initial sync (PROPFIND depth 1 + multiget of 100s), ms",
      "sync-collection after 100 changes, ms",
      "PUT one card with If-Match, median ms",
      "addressbook-query FN starts-with, p50 ms",
      "addressbook-query FN starts-with, p99 ms"
    };
    double[] a = results.get("OpenPeople");
    double[] b = results.getOrDefault("Radicale", new double[names.length]);
    System.out.printf("| measure | OpenPeople | Radicale | Radicale / OpenPeople |%n|---|---|---|---|%n");
    for (int i = 0; i < names.length; i++) {
      System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.1fx |%n", names[i], a[i], b[i], b[i] / a[i]);
    }
  }

  private static double[] measure(Server server, List<String> cards) throws Exception {
    initialSync(server); // warm-up, unmeasured: a cold JVM spends its first runs compiling
    List<Double> initial = new ArrayList<>();
    Map<String, String> etags = Map.of();
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      etags = initialSync(server);
      initial.add(ms(t));
    }
    if (etags.size() != cards.size()) {
      throw new IllegalStateException(server.name() + " lists " + etags.size() + " cards");
    }
    List<String> hrefs = new ArrayList<>(etags.keySet());
    Collections.shuffle(hrefs, new Random(7));
    List<Double> incremental = new ArrayList<>();
    int next = 0;
    for (int round = 0; round < 3; round++) {
      String token = syncToken(server, "");
      for (int i = 0; i < 100; i++) {
        String href = hrefs.get(next++ % hrefs.size());
        etags.put(href, put(server, href, edited(server, href, round), etags.get(href)));
      }
      long t = System.nanoTime();
      String body = report(server, sync(token));
      incremental.add(ms(t));
      if (count(body, "<[a-zA-Z]*:?response>") < 100) {
        throw new IllegalStateException(server.name() + " sync-collection missed changes: " + body);
      }
    }
    List<Double> puts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String href = hrefs.get(next++ % hrefs.size());
      String card = edited(server, href, 9);
      long t = System.nanoTime();
      etags.put(href, put(server, href, card, etags.get(href)));
      puts.add(ms(t));
    }
    List<Double> queries = new ArrayList<>();
    Random random = new Random(11);
    int rounds = server.name().equals("Radicale") ? 10 : 300;
    for (int i = 0; i < rounds; i++) {
      String prefix = FIRST[random.nextInt(FIRST.length)].substring(0, 3);
      long t = System.nanoTime();
      String body = report(server, query(prefix));
      queries.add(ms(t));
      if (!body.contains("response")) {
        throw new IllegalStateException(server.name() + " query found nothing: " + body);
      }
    }
    return new double[] {
      median(initial), median(incremental), median(puts), median(queries), percentile(queries, 0.99)
    };
  }

  /** DAVx5's first sync: list hrefs and etags, then fetch the cards 100 at a time. */
  private static Map<String, String> initialSync(Server server) throws Exception {
    String listing =
        send(
            server,
            "PROPFIND",
            server.book(),
            "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:resourcetype/><d:getetag/></d:prop></d:propfind>",
            "Depth",
            "1");
    Map<String, String> etags = new LinkedHashMap<>();
    Matcher responses =
        Pattern.compile("<(?:\\w+:)?response>(.*?)</(?:\\w+:)?response>", Pattern.DOTALL)
            .matcher(listing.replace("&quot;", "\""));
    Pattern hrefPattern = Pattern.compile("<(?:\\w+:)?href>([^<]+)</");
    Pattern etag = Pattern.compile("<(?:\\w+:)?getetag>([^<]+)</");
    while (responses.find()) {
      Matcher h = hrefPattern.matcher(responses.group(1));
      Matcher e = etag.matcher(responses.group(1));
      if (h.find() && e.find() && !h.group(1).endsWith("/")) {
        etags.put(h.group(1), e.group(1));
      }
    }
    List<String> hrefs = new ArrayList<>(etags.keySet());
    for (int start = 0; start < hrefs.size(); start += 100) {
      StringBuilder body =
          new StringBuilder(
              "<c:addressbook-multiget xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:carddav\">"
                  + "<d:prop><d:getetag/><c:address-data/></d:prop>");
      for (String href : hrefs.subList(start, Math.min(hrefs.size(), start + 100))) {
        body.append("<d:href>").append(href).append("</d:href>");
      }
      String answer = report(server, body.append("</c:addressbook-multiget>").toString());
      if (count(answer, "BEGIN:VCARD") != Math.min(100, hrefs.size() - start)) {
        throw new IllegalStateException(server.name() + " multiget came back short");
      }
    }
    return etags;
  }

  private static String syncToken(Server server, String token) throws Exception {
    Matcher m =
        Pattern.compile("<(?:\\w+:)?sync-token>([^<]+)</")
            .matcher(report(server, sync(token)));
    String last = null;
    while (m.find()) {
      last = m.group(1);
    }
    return last;
  }

  private static String sync(String token) {
    return "<d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>"
        + token
        + "</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop>"
        + "</d:sync-collection>";
  }

  private static String query(String prefix) {
    return "<c:addressbook-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:carddav\">"
        + "<d:prop><d:getetag/></d:prop><c:filter><c:prop-filter name=\"FN\">"
        + "<c:text-match collation=\"i;unicode-casemap\" match-type=\"starts-with\">"
        + prefix
        + "</c:text-match></c:prop-filter></c:filter>"
        + "<c:limit><c:nresults>50</c:nresults></c:limit></c:addressbook-query>";
  }

  private static String edited(Server server, String href, int round) throws Exception {
    String card = send(server, "GET", href, null);
    return card.replaceFirst("NOTE:[^\\r\\n]*", "NOTE:edited in round " + round);
  }

  private static String put(Server server, String href, String card, String etag)
      throws Exception {
    HttpResponse<String> response =
        exchange(server, "PUT", href, card, "Content-Type", "text/vcard", "If-Match", etag);
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(server.name() + " PUT " + response.statusCode());
    }
    return response.headers().firstValue("ETag").orElseGet(() -> etagOf(server, href));
  }

  private static String etagOf(Server server, String href) {
    try {
      return exchange(server, "GET", href, null).headers().firstValue("ETag").orElseThrow();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void loadOpenPeople(Server server, List<String> cards) throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<HttpResponse<String>>> done = new ArrayList<>();
      for (int i = 0; i < cards.size(); i++) {
        String name = "card-" + i + ".vcf";
        String card = cards.get(i);
        done.add(
            pool.submit(
                () -> exchange(server, "PUT", server.book() + name, card, "Content-Type", "text/vcard")));
      }
      for (Future<HttpResponse<String>> f : done) {
        if (f.get().statusCode() != 201) {
          throw new IllegalStateException("OpenPeople load " + f.get().statusCode() + " " + f.get().body());
        }
      }
    }
  }

  /** Radicale takes a whole address book in one PUT of the collection. */
  private static void loadRadicale(Server server, List<String> cards) throws Exception {
    HttpResponse<String> put =
        exchange(server, "PUT", server.book(), String.join("", cards), "Content-Type", "text/vcard");
    if (put.statusCode() >= 300) {
      throw new IllegalStateException("Radicale load " + put.statusCode() + " " + put.body());
    }
  }

  private static List<String> cards(int n) {
    Random random = new Random(42);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String first = FIRST[random.nextInt(FIRST.length)];
      String last = LAST[random.nextInt(LAST.length)];
      String email = (first + "." + last + i).toLowerCase(Locale.ROOT) + "@example.com";
      out.add(
          String.join(
              "\r\n",
              "BEGIN:VCARD",
              "VERSION:3.0",
              "UID:bench-" + i,
              "FN:" + first + " " + last,
              "N:" + last + ";" + first + ";;;",
              "EMAIL;TYPE=WORK:" + email,
              "TEL;TYPE=CELL:+1 555 " + String.format("%07d", random.nextInt(10_000_000)),
              "ADR;TYPE=HOME:;;" + (1 + random.nextInt(999)) + " Main Street;Springfield;IL;62701;USA",
              "ORG:Example Corp;Engineering",
              "TITLE:Engineer",
              "BDAY:19" + (50 + random.nextInt(50)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10),
              "NOTE:Met at conference " + random.nextInt(1000),
              "END:VCARD",
              ""));
    }
    return out;
  }

  private static String report(Server server, String body) throws Exception {
    return send(server, "REPORT", server.book(), body, "Depth", "1");
  }

  private static String send(Server server, String method, String path, String body, String... headers)
      throws Exception {
    HttpResponse<String> response = exchange(server, method, path, body, headers);
    if (response.statusCode() >= 400) {
      throw new IllegalStateException(server.name() + " " + method + " " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  private static HttpResponse<String> exchange(
      Server server, String method, String path, String body, String... headers) throws Exception {
    URI base = URI.create(server.book());
    URI uri = path.startsWith("http") ? URI.create(path) : base.resolve(path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", server.auth())
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null && !List.of(headers).contains("Content-Type")) {
      request.header("Content-Type", "application/xml; charset=utf-8");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    // Radicale's WSGI server may close a kept-alive connection; a request that saw no answer is
    // sent again.
    for (int attempt = 1; ; attempt++) {
      try {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static double ms(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  private static double median(List<Double> values) {
    return percentile(values, 0.5);
  }

  private static double percentile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }
}

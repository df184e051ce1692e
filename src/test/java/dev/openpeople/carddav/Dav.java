// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import dev.openpeople.OpenPeopleServerExtension;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Raw CardDAV calls and golden files for the CardDAV wire tests. */
final class Dav {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  private final OpenPeopleServerExtension server;
  private final String user;

  Dav(OpenPeopleServerExtension server, String user) {
    this.server = server;
    this.user = user;
  }

  String book() {
    return "/carddav/v1/principals/" + user + "/lists/default/";
  }

  String card(String name) {
    return book() + name;
  }

  /** A request as the user (Bearer e-mail), with header name/value pairs. */
  HttpResponse<String> send(String method, String path, String body, String... headers)
      throws Exception {
    String[] all = new String[headers.length + 2];
    all[0] = "Authorization";
    all[1] = "Bearer " + user;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return raw(method, path, body, all);
  }

  HttpResponse<String> raw(String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path.replaceFirst("^/", "")))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> propfind(String path, String depth, String body) throws Exception {
    return send("PROPFIND", path, body, "Depth", depth, "Content-Type", "application/xml");
  }

  HttpResponse<String> report(String body) throws Exception {
    return send("REPORT", book(), body, "Depth", "1", "Content-Type", "application/xml");
  }

  HttpResponse<String> put(String name, String vcard, String... headers) throws Exception {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "text/vcard; charset=utf-8";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return send("PUT", card(name), vcard, all);
  }

  static String vcard(String uid, String fn, String... lines) {
    StringBuilder out = new StringBuilder("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + uid + "\r\n");
    out.append("FN:").append(fn).append("\r\n");
    for (String line : lines) {
      out.append(line).append("\r\n");
    }
    return out.append("END:VCARD\r\n").toString();
  }

  /** The user's contacts through the People API's connections.list, with {@code fields}. */
  static java.util.List<com.google.api.services.people.v1.model.Person> connections(
      OpenPeopleServerExtension server, String user, String fields) throws Exception {
    java.util.List<com.google.api.services.people.v1.model.Person> all =
        server
            .people(user)
            .people()
            .connections()
            .list("people/me")
            .setPersonFields(fields)
            .execute()
            .getConnections();
    return all == null ? java.util.List.of() : all;
  }

  static String golden(String name) throws Exception {
    try (InputStream in = Dav.class.getResourceAsStream("/golden/carddav/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no golden file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  /**
   * Compares a body (normalized) with its golden file; on a difference the actual body is also
   * written under target/golden-actual/ for review.
   */
  static void assertGolden(String name, String body) throws Exception {
    String actual = normalize(body).strip();
    String expected;
    try {
      expected = golden(name);
    } catch (IllegalStateException missing) {
      expected = "";
    }
    if (!actual.equals(expected)) {
      java.nio.file.Path out = java.nio.file.Path.of("target/golden-actual/carddav/" + name);
      java.nio.file.Files.createDirectories(out.getParent());
      java.nio.file.Files.writeString(out, actual + "\n");
    }
    org.assertj.core.api.Assertions.assertThat(actual).as(name).isEqualTo(expected);
  }

  /** Replaces what changes per run: sync tokens, entity tags, contact ids, the user. */
  static String normalize(String xml) {
    return xml.replaceAll("https://openpeople\\.dev/ns/sync/[A-Za-z0-9_/-]+", "SYNC-TOKEN")
        .replaceAll("\"[0-9a-f]+\"", "\"ETAG\"")
        .replaceAll("/default/[0-9]{6,20}<", "/default/ID<")
        // One response and propstat per line, so the golden files read well in a diff.
        .replaceAll("(<d:(?:response|propstat|sync-token)>)", "\n$1");
  }
}

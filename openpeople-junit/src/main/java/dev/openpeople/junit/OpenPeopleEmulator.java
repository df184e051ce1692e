// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.junit;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.people.v1.PeopleService;
import com.google.gdata.client.contacts.ContactsService;
import dev.openpeople.OpenPeopleServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A running emulator and its controls, as a test sees it: the base URL, ready official clients for
 * any user, and the emulator-only routes under {@code /emulator/v1/} (reset, clock, faults, file
 * import). Those controls go through the server's HTTP API, exactly as a test in another language
 * would call them, so what works here works with {@code curl} too; only a snapshot restore (which
 * has no HTTP route) is made in process.
 */
public final class OpenPeopleEmulator {
  private final String baseUrl;
  private final String defaultUser;
  private final OpenPeopleServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  OpenPeopleEmulator(String baseUrl, String defaultUser, OpenPeopleServer server) {
    this.baseUrl = baseUrl;
    this.defaultUser = defaultUser;
    this.server = server;
  }

  /** The server's root, ending in {@code /}, e.g. {@code http://127.0.0.1:41234/}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The user the injected clients act for unless told otherwise. */
  public String defaultUser() {
    return defaultUser;
  }

  /** The official People API client acting for the default user. */
  public PeopleService people() {
    return people(defaultUser);
  }

  /** The official People API client acting for {@code user} (an e-mail address). */
  public PeopleService people(String user) {
    return new PeopleService.Builder(
            new NetHttpTransport(),
            GsonFactory.getDefaultInstance(),
            request -> request.getHeaders().setAuthorization("Bearer " + user))
        .setRootUrl(baseUrl)
        .setApplicationName("openpeople-junit")
        .build();
  }

  /** The official GData client for the Domain Shared Contacts feed, acting for the default user. */
  public ContactsService contacts() {
    return contacts(defaultUser);
  }

  /** The official GData client acting for {@code user}. */
  public ContactsService contacts(String user) {
    ContactsService service = new ContactsService("openpeople-junit");
    service.setHeader("Authorization", "Bearer " + user);
    return service;
  }

  /**
   * The Domain Shared Contacts feed of the default user's domain ({@code full} projection), the URL
   * {@code ContactsService.getFeed}, {@code insert} and {@code query} take.
   */
  public URL sharedContactsFeed() {
    return sharedContactsFeed(defaultUser.substring(defaultUser.indexOf('@') + 1));
  }

  /** The Domain Shared Contacts feed of {@code domain} ({@code full} projection). */
  public URL sharedContactsFeed(String domain) {
    try {
      return URI.create(baseUrl + "m8/feeds/contacts/" + domain + "/full").toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("Not a domain: " + domain, e);
    }
  }

  /** Wipes every user, contact, group, other contact and shared contact. */
  public void reset() {
    expectOk(call("POST", "emulator/v1:reset", "{}"));
  }

  /**
   * Moves the server clock forward, e.g. past the seven days after which a sync token expires. The
   * clock never goes back, not even on {@link #reset()}.
   */
  public void advanceClock(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("The emulator clock only moves forward: " + by);
    }
    expectOk(call("POST", "emulator/v1/clock:advance", "{\"seconds\":" + by.toSeconds() + "}"));
  }

  /**
   * The server clock's current time and offset, as JSON ({@code {"now": ..., "offsetSeconds"}}).
   */
  public String clock() {
    return expectOk(call("GET", "emulator/v1/clock", null));
  }

  /**
   * Makes the next {@code count} calls of a discovery method (e.g. {@code
   * people.people.connections.list}) fail with {@code error}: {@code RESOURCE_EXHAUSTED} (429),
   * {@code UNAVAILABLE} (503) or {@code EXPIRED_SYNC_TOKEN} (400).
   */
  public void armFault(String methodId, String error, int count) {
    String body =
        "{\"method\":\""
            + jsonText(methodId)
            + "\",\"error\":\""
            + jsonText(error)
            + "\",\"count\":"
            + count
            + "}";
    expectOk(call("POST", "emulator/v1/faults", body));
  }

  /** Disarms every fault. */
  public void clearFaults() {
    expectOk(call("DELETE", "emulator/v1/faults", null));
  }

  /**
   * Loads a file into {@code user}'s contacts through {@code POST
   * /emulator/v1/users/{email}:import}: vCard 3.0/4.0, Google Contacts CSV or People API JSON, told
   * apart by the file name's ending. Returns the server's summary (JSON).
   */
  public String importContacts(String user, Path file) {
    try {
      return importContacts(user, file.getFileName().toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String importContacts(String user, String fileName, byte[] content) {
    String path =
        "emulator/v1/users/"
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + ":import?format="
            + formatOf(fileName);
    return expectOk(send(request(path).POST(HttpRequest.BodyPublishers.ofByteArray(content))));
  }

  /**
   * Restores a whole-server snapshot ({@code openpeople dump}'s JSON Lines) into the server, whose
   * store must be empty: call {@link #reset()} first. Ids, etags and groups come back as dumped.
   */
  public void restoreSnapshot(Path snapshot) {
    try {
      restoreSnapshot(snapshot.toString(), Files.readAllBytes(snapshot));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void restoreSnapshot(String name, byte[] content) {
    try {
      server.restore(new ByteArrayInputStream(content));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restore the snapshot " + name, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Cannot restore the snapshot " + name + ": " + e.getMessage(), e);
    }
  }

  private static String formatOf(String fileName) {
    String lower = fileName.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".vcf") || lower.endsWith(".vcard")) {
      return "vcard";
    }
    if (lower.endsWith(".csv")) {
      return "csv";
    }
    if (lower.endsWith(".json") || lower.endsWith(".jsonl")) {
      return "json";
    }
    throw new IllegalArgumentException(
        "Cannot tell the format of " + fileName + ": name it .vcf, .csv or .json");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Authorization", "Bearer " + defaultUser);
  }

  private HttpResponse<String> call(String method, String path, String body) {
    HttpRequest.Builder request =
        request(path)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return send(request);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling the emulator", e);
    }
  }

  private static String expectOk(HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "The emulator answered "
              + response.statusCode()
              + " to "
              + response.request().method()
              + " "
              + response.uri()
              + ": "
              + response.body());
    }
    return Objects.requireNonNullElse(response.body(), "");
  }

  private static String jsonText(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}

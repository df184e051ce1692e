// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.OpenPeopleServerExtension;
import dev.openpeople.server.Json;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing both APIs with mutated requests ({@link FuzzRequests}): JSON bodies, query parameters,
 * page and sync tokens, resource names and Atom XML. No answer may be a 5xx; every error must be in
 * the API's own format (Google's JSON error under {@code /v1}, GData's XML error under {@code
 * /m8}); the server must be healthy and still serve a normal request afterwards. Bounded by tries
 * ({@code -Djqwik.tries.default}) and by time ({@code -Dopenpeople.fuzz.seconds}, default 45):
 * tries after the deadline send nothing. The seed is fixed and printed by jqwik on failure.
 */
class FuzzTest {
  static final long SECONDS = Long.getLong("openpeople.fuzz.seconds", 45);
  static final String USER = "fuzz@fuzz.example.com";
  private static final AtomicInteger SENT = new AtomicInteger();
  private static OpenPeopleServerExtension server;
  private static FuzzRequests requests;
  private static long deadline;

  @BeforeContainer
  static void start() throws Exception {
    server = new OpenPeopleServerExtension();
    server.beforeAll(null);
    requests = FuzzRequests.seed(new Wire(server.baseUrl()), USER);
    deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
  }

  @AfterContainer
  static void stop() throws Exception {
    try {
      Wire wire = new Wire(server.baseUrl());
      assertThat(wire.send("GET", "/healthz", null, null, null).statusCode()).isEqualTo(200);
      assertThat(wire.send("GET", "/readyz", null, null, null).statusCode()).isEqualTo(200);
      HttpResponse<String> created =
          wire.json(
              "POST",
              "/v1/people:createContact",
              "after@fuzz.example.com",
              "{\"names\":[{\"givenName\":\"After\"}]}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
      HttpResponse<String> listed =
          wire.json(
              "GET",
              "/v1/people/me/connections?personFields=names",
              "after@fuzz.example.com",
              null);
      assertThat(Json.MAPPER.readTree(listed.body()).path("connections")).hasSize(1);
      System.out.printf("FuzzTest: %d requests sent, none 5xx, server healthy%n", SENT.get());
      assertThat(SENT.get()).as("requests sent before the deadline").isGreaterThan(200);
    } finally {
      server.afterAll(null);
    }
  }

  @Provide
  Arbitrary<List<FuzzRequests.Request>> batch() {
    return requests.any().list().ofSize(25);
  }

  @Property(seed = "4242", afterFailure = AfterFailureMode.RANDOM_SEED)
  void noRequestGets5xxOrAForeignErrorFormat(@ForAll("batch") List<FuzzRequests.Request> batch)
      throws Exception {
    if (System.nanoTime() > deadline) {
      return;
    }
    Wire wire = new Wire(server.baseUrl());
    for (FuzzRequests.Request r : batch) {
      HttpResponse<String> answer;
      try {
        answer = wire.send(r.method(), r.path(), r.token(), r.contentType(), r.body());
      } catch (java.io.IOException e) {
        throw new AssertionError("no answer to " + r, e);
      }
      SENT.incrementAndGet();
      String what = r + " -> " + answer.statusCode() + " " + answer.body();
      assertThat(answer.statusCode()).as(what).isLessThan(500);
      if (answer.statusCode() >= 400) {
        assertErrorFormat(r.path(), answer, what);
      }
    }
  }

  static void assertErrorFormat(String path, HttpResponse<String> answer, String what)
      throws Exception {
    String type = answer.headers().firstValue("Content-Type").orElse("");
    // A request target Jetty cannot parse at all (a NUL or a broken %-escape) is answered before
    // routing, so the API it addresses is unknown: Google's JSON error.
    boolean unparseable = path.replaceFirst("\\?.*", "").matches(".*%(00|(?![0-9A-Fa-f]{2})).*");
    if (path.startsWith("/m8/") && !unparseable) {
      assertThat(type).as(what).startsWith("application/vnd.google.gdata.error+xml");
      assertThat(answer.body()).as(what).contains("<errors").contains("<code>");
      return;
    }
    assertThat(type).as(what).startsWith("application/json");
    JsonNode error = Json.MAPPER.readTree(answer.body()).path("error");
    assertThat(error.path("code").asInt()).as(what).isEqualTo(answer.statusCode());
    assertThat(error.path("message").asText()).as(what).isNotBlank();
    assertThat(error.path("status").asText()).as(what).isNotBlank();
  }
}

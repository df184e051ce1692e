// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.OpenPeopleServerExtension;
import dev.openpeople.server.Json;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Optimistic concurrency: N clients update one contact at the same instant, all with the etag they
 * read. Exactly one wins; the others get People's 400 FAILED_PRECONDITION or GData's 412, and the
 * stored contact is the winner's.
 */
class ConcurrentEtagTest {
  static final int CLIENTS = 8;
  static final int ROUNDS = 5;
  static final String DOMAIN = "race.example.com";
  static final String FEED = "/m8/feeds/contacts/" + DOMAIN + "/full";

  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final ExecutorService POOL = Executors.newFixedThreadPool(CLIENTS);

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  private static Wire wire() {
    return new Wire(SERVER.baseUrl());
  }

  /** Runs the calls at once (a barrier releases them together) and returns their answers. */
  private static List<HttpResponse<String>> race(List<Callable<HttpResponse<String>>> calls)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(calls.size());
    List<Future<HttpResponse<String>>> futures = new ArrayList<>();
    for (Callable<HttpResponse<String>> call : calls) {
      futures.add(
          POOL.submit(
              () -> {
                start.await();
                return call.call();
              }));
    }
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (Future<HttpResponse<String>> f : futures) {
      answers.add(f.get());
    }
    return answers;
  }

  @Test
  void peopleUpdatesWithOneEtagHaveExactlyOneWinner() throws Exception {
    String user = "racer@example.com";
    for (int round = 0; round < ROUNDS; round++) {
      HttpResponse<String> created =
          wire()
              .json(
                  "POST",
                  "/v1/people:createContact",
                  user,
                  "{\"names\":[{\"givenName\":\"Start\"}]}");
      JsonNode contact = Json.MAPPER.readTree(created.body());
      String path =
          "/v1/"
              + contact.path("resourceName").asText()
              + ":updateContact?updatePersonFields=names&personFields=names";
      String etag = contact.path("etag").asText();
      List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        String body = "{\"etag\":\"" + etag + "\",\"names\":[{\"givenName\":\"Client" + c + "\"}]}";
        calls.add(() -> wire().json("PATCH", path, user, body));
      }
      List<HttpResponse<String>> answers = race(calls);
      List<HttpResponse<String>> won = answers.stream().filter(a -> a.statusCode() == 200).toList();
      assertThat(won).as("round %d winners", round).hasSize(1);
      for (HttpResponse<String> lost : answers) {
        if (lost.statusCode() != 200) {
          assertThat(lost.statusCode()).as(lost.body()).isEqualTo(400);
          assertThat(Json.MAPPER.readTree(lost.body()).path("error").path("status").asText())
              .isEqualTo("FAILED_PRECONDITION");
        }
      }
      JsonNode winner = Json.MAPPER.readTree(won.get(0).body());
      JsonNode stored =
          Json.MAPPER.readTree(
              wire()
                  .json(
                      "GET",
                      "/v1/" + contact.path("resourceName").asText() + "?personFields=names",
                      user,
                      null)
                  .body());
      assertThat(stored.path("etag").asText()).isEqualTo(winner.path("etag").asText());
      assertThat(stored.path("names").path(0).path("givenName").asText())
          .isEqualTo(winner.path("names").path(0).path("givenName").asText());
    }
  }

  @Test
  void gdataUpdatesWithOneEtagHaveExactlyOneWinner() throws Exception {
    String admin = "admin@" + DOMAIN;
    for (int round = 0; round < ROUNDS; round++) {
      HttpResponse<String> created =
          wire().send("POST", FEED, admin, Wire.ATOM, KillNineTest.Writer.entry(round, 0));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String location = created.headers().firstValue("Location").orElseThrow();
      String path = FEED + "/" + location.substring(location.lastIndexOf('/') + 1);
      String etag = created.headers().firstValue("ETag").orElseThrow();
      List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        String body = KillNineTest.Writer.entry(round, c + 1);
        calls.add(() -> wire().send("PUT", path, admin, Wire.ATOM, body, "If-Match", etag));
      }
      List<HttpResponse<String>> answers = race(calls);
      List<HttpResponse<String>> won = answers.stream().filter(a -> a.statusCode() == 200).toList();
      assertThat(won).as("round %d winners", round).hasSize(1);
      for (HttpResponse<String> lost : answers) {
        if (lost.statusCode() != 200) {
          assertThat(lost.statusCode()).as(lost.body()).isEqualTo(412);
          assertThat(lost.headers().firstValue("Content-Type"))
              .hasValue("application/vnd.google.gdata.error+xml");
        }
      }
      HttpResponse<String> stored = wire().send("GET", path, admin, null, null);
      assertThat(stored.headers().firstValue("ETag"))
          .isEqualTo(won.get(0).headers().firstValue("ETag"));
    }
  }
}

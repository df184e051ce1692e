// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.server.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Durability: a server process under write load (People creates, updates and deletes, GData inserts
 * and updates) is killed with SIGKILL; a new process on the same database must show every
 * acknowledged write with its acknowledged etag. The one operation each writer had in flight when
 * the process died is unacknowledged: it may or may not have landed, and nothing else may differ.
 */
class KillNineTest {
  static final int PEOPLE_WRITERS = 3;
  static final int GDATA_WRITERS = 1;
  static final int ACKS_BEFORE_KILL = Integer.getInteger("openpeople.killnine.acks", 300);
  static final String DOMAIN = "kill.example.com";
  static final String FEED = "/m8/feeds/contacts/" + DOMAIN + "/full";

  /** What a client knows of one contact: the last acknowledged state and what was in flight. */
  static final class Tracked {
    final String path;
    final boolean gdata;
    volatile int version;
    volatile String etag;
    volatile boolean deleted;

    /** The operation sent but not answered when the server died: "update" or "delete". */
    volatile String inFlight;

    Tracked(String path, boolean gdata, String etag) {
      this.path = path;
      this.gdata = gdata;
      this.etag = etag;
    }
  }

  @Test
  void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
    try (TestDatabase db = TestDatabase.create()) {
      ConcurrentLinkedQueue<Tracked> tracked = new ConcurrentLinkedQueue<>();
      AtomicInteger acks = new AtomicInteger();
      int acknowledged;
      try (ServerProcess node = ServerProcess.start(db.storageUrl())) {
        AtomicBoolean dead = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(PEOPLE_WRITERS + GDATA_WRITERS);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < PEOPLE_WRITERS + GDATA_WRITERS; w++) {
          Writer writer = new Writer(node.wire(), w, w >= PEOPLE_WRITERS, tracked, acks, dead);
          running.add(writers.submit(writer::run));
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (acks.get() < ACKS_BEFORE_KILL && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        node.kill();
        dead.set(true);
        for (Future<?> f : running) {
          f.get();
        }
        writers.shutdown();
        acknowledged = acks.get();
        assertThat(acknowledged).as("writes acknowledged before the kill").isGreaterThan(50);
      }
      try (ServerProcess restarted = ServerProcess.start(db.storageUrl())) {
        Wire wire = restarted.wire();
        int checked = 0;
        for (Tracked t : tracked) {
          verify(wire, t);
          checked++;
        }
        System.out.printf(
            "KillNineTest: %d acknowledged writes, %d contacts checked after SIGKILL%n",
            acknowledged, checked);
      }
    }
  }

  private static void verify(Wire wire, Tracked t) throws Exception {
    String token = t.gdata ? "admin@" + DOMAIN : "killer@example.com";
    HttpResponse<String> got =
        wire.send("GET", t.path + (t.gdata ? "" : "?personFields=names"), token, null, null);
    String what = t.path + " (acknowledged v" + t.version + ", in flight " + t.inFlight + ")";
    if (t.deleted) {
      assertThat(got.statusCode()).as(what + " was deleted").isEqualTo(404);
      return;
    }
    if (got.statusCode() == 404 && "delete".equals(t.inFlight)) {
      return;
    }
    assertThat(got.statusCode()).as(what + ": " + got.body()).isEqualTo(200);
    String etag = t.gdata ? got.headers().firstValue("ETag").orElseThrow() : etagOf(got.body());
    if ("update".equals(t.inFlight) && !etag.equals(t.etag)) {
      if (!t.gdata) {
        assertThat(versionOf(got.body())).as(what).isEqualTo(t.version + 1);
      }
      return;
    }
    assertThat(etag).as(what).isEqualTo(t.etag);
    if (!t.gdata) {
      assertThat(versionOf(got.body())).as(what).isEqualTo(t.version);
    }
  }

  static String etagOf(String body) throws IOException {
    return Json.MAPPER.readTree(body).path("etag").asText();
  }

  static int versionOf(String body) throws IOException {
    JsonNode name = Json.MAPPER.readTree(body).path("names").path(0);
    return Integer.parseInt(name.path("familyName").asText().substring(1));
  }

  /** One client writing until the server dies. */
  record Writer(
      Wire wire,
      int number,
      boolean gdata,
      ConcurrentLinkedQueue<Tracked> tracked,
      AtomicInteger acks,
      AtomicBoolean dead) {
    void run() {
      Random random = new Random(1000L + number);
      List<Tracked> mine = new ArrayList<>();
      int serial = 0;
      while (!dead.get()) {
        Tracked target = mine.isEmpty() ? null : mine.get(random.nextInt(mine.size()));
        int dice = random.nextInt(100);
        try {
          if (target == null || target.deleted || dice < 45) {
            Tracked created = gdata ? createEntry(serial++) : createPerson(serial++);
            mine.add(created);
            tracked.add(created);
          } else if (dice < 85 || gdata) {
            target.inFlight = "update";
            update(target);
          } else {
            target.inFlight = "delete";
            delete(target);
          }
          if (target != null) {
            target.inFlight = null;
          }
          acks.incrementAndGet();
        } catch (IOException | InterruptedException e) {
          return; // the server died mid-call: this operation stays unacknowledged
        }
      }
    }

    private String token() {
      return gdata ? "admin@" + DOMAIN : "killer@example.com";
    }

    private Tracked createPerson(int serial) throws IOException, InterruptedException {
      HttpResponse<String> created =
          wire.json(
              "POST", "/v1/people:createContact?personFields=names", token(), person(serial, 0));
      check(created, 200);
      JsonNode body = Json.MAPPER.readTree(created.body());
      String name = body.path("resourceName").asText();
      return new Tracked("/v1/" + name, false, body.path("etag").asText());
    }

    private Tracked createEntry(int serial) throws IOException, InterruptedException {
      HttpResponse<String> created = wire.send("POST", FEED, token(), Wire.ATOM, entry(serial, 0));
      check(created, 201);
      String location = created.headers().firstValue("Location").orElseThrow();
      String path = FEED + "/" + location.substring(location.lastIndexOf('/') + 1);
      return new Tracked(path, true, created.headers().firstValue("ETag").orElseThrow());
    }

    private void update(Tracked t) throws IOException, InterruptedException {
      int next = t.version + 1;
      HttpResponse<String> updated;
      if (t.gdata) {
        updated =
            wire.send("PUT", t.path, token(), Wire.ATOM, entry(number, next), "If-Match", t.etag);
        check(updated, 200);
        t.etag = updated.headers().firstValue("ETag").orElseThrow();
      } else {
        ObjectNodeBody body = new ObjectNodeBody(person(number, next), t.etag);
        updated =
            wire.json(
                "PATCH",
                t.path + ":updateContact?updatePersonFields=names&personFields=names",
                token(),
                body.json());
        check(updated, 200);
        t.etag = etagOf(updated.body());
      }
      t.version = next;
    }

    private void delete(Tracked t) throws IOException, InterruptedException {
      check(wire.json("DELETE", t.path + ":deleteContact", token(), null), 200);
      t.deleted = true;
    }

    private static void check(HttpResponse<String> response, int status) {
      if (response.statusCode() != status) {
        throw new AssertionError(response.statusCode() + " " + response.body());
      }
    }

    static String person(int serial, int version) {
      return "{\"names\":[{\"givenName\":\"k"
          + serial
          + "\",\"familyName\":\"v"
          + version
          + "\"}]}";
    }

    static String entry(int serial, int version) {
      return "<atom:entry xmlns:atom='http://www.w3.org/2005/Atom'"
          + " xmlns:gd='http://schemas.google.com/g/2005'>"
          + "<atom:category scheme='http://schemas.google.com/g/2005#kind'"
          + " term='http://schemas.google.com/contact/2008#contact'/>"
          + "<gd:name><gd:givenName>k"
          + serial
          + "</gd:givenName><gd:familyName>v"
          + version
          + "</gd:familyName></gd:name></atom:entry>";
    }
  }

  /** A People update body: the new names plus the etag the client last saw. */
  record ObjectNodeBody(String person, String etag) {
    String json() throws IOException {
      var node = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(person);
      node.put("etag", etag);
      return Json.MAPPER.writeValueAsString(node);
    }
  }
}

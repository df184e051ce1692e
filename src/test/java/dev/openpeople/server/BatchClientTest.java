// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.googleapis.batch.BatchRequest;
import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.http.HttpHeaders;
import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import dev.openpeople.OpenPeopleServerExtension;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP batch endpoint, driven by the Java client's BatchRequest and by raw multipart. */
class BatchClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  /** Collects what each inner call answered. */
  static final class Collector extends JsonBatchCallback<Person> {
    final List<Person> people = new ArrayList<>();
    final List<GoogleJsonError> errors = new ArrayList<>();

    @Override
    public void onSuccess(Person person, HttpHeaders headers) {
      people.add(person);
    }

    @Override
    public void onFailure(GoogleJsonError error, HttpHeaders headers) {
      errors.add(error);
    }
  }

  @Test
  void javaClientBatchRunsEveryCallAndReportsFailuresPerCall() throws Exception {
    PeopleService client = SERVER.people("batcher@example.com");
    BatchRequest batch = client.batch();
    Collector collector = new Collector();
    for (String given : List.of("One", "Two", "Three")) {
      client
          .people()
          .createContact(new Person().setNames(List.of(new Name().setGivenName(given))))
          .queue(batch, collector);
    }
    client.people().get("people/c42").setPersonFields("names").queue(batch, collector);

    batch.execute();

    assertThat(collector.people)
        .extracting(p -> p.getNames().get(0).getGivenName())
        .containsExactly("One", "Two", "Three");
    assertThat(collector.errors).hasSize(1);
    assertThat(collector.errors.get(0).getCode()).isEqualTo(404);
    assertThat(
            client
                .people()
                .connections()
                .list("people/me")
                .setPersonFields("names")
                .execute()
                .getConnections())
        .hasSize(3);
  }

  private static String part(String id, String requestLine, String body) {
    return "--xyz\r\nContent-Type: application/http\r\nContent-ID: <"
        + id
        + ">\r\n\r\n"
        + requestLine
        + "\r\nAuthorization: Bearer raw@example.com\r\n"
        + (body == null ? "\r\n" : "Content-Type: application/json\r\n\r\n" + body)
        + "\r\n";
  }

  @Test
  void pathStyleRequestLinesWorkAndResponsesKeepOrderAndIds() throws Exception {
    String body =
        part("a", "POST /v1/people:createContact HTTP/1.1", "{\"names\":[{\"givenName\":\"Raw\"}]}")
            + part("b", "GET /v1/people/me?personFields=emailAddresses HTTP/1.1", null)
            + part("c", "GET /v1/people/me HTTP/1.1", null)
            + "--xyz--\r\n";

    HttpResponse<String> response = SERVER.post("/batch", "multipart/mixed; boundary=xyz", body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("multipart/mixed; boundary=batch_");
    String text = response.body();
    assertThat(text.indexOf("Content-ID: <response-a>")).isLessThan(text.indexOf("<response-b>"));
    assertThat(text)
        .contains("HTTP/1.1 200 OK")
        .containsPattern("\"givenName\"\\s*:\\s*\"Raw\"")
        .contains("raw@example.com")
        .contains("HTTP/1.1 400 Bad Request")
        .contains("personFields mask is required");
  }

  @Test
  void rejectsMalformedAndOversizedBatches() throws Exception {
    assertThat(SERVER.post("/batch", "application/json", "{}").statusCode()).isEqualTo(400);
    assertThat(SERVER.post("/batch", "multipart/mixed; boundary=xyz", "garbage").statusCode())
        .isEqualTo(400);
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 1001; i++) {
      many.append(part("p" + i, "GET /v1/people/me?personFields=names HTTP/1.1", null));
    }
    many.append("--xyz--\r\n");
    HttpResponse<String> tooMany =
        SERVER.post("/batch", "multipart/mixed; boundary=xyz", many.toString());
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("at most 1000");
  }

  @Test
  void aNestedBatchIsRejectedInsideItsPart() throws Exception {
    String body = part("n", "POST /batch HTTP/1.1", "x") + "--xyz--\r\n";

    HttpResponse<String> response = SERVER.post("/batch", "multipart/mixed; boundary=xyz", body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("HTTP/1.1 400").contains("cannot contain another batch");
  }
}

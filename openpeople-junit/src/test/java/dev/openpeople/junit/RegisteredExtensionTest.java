// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension registered in a static field, with data kept between tests. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegisteredExtensionTest {
  @RegisterExtension
  static final OpenPeopleExtension OPEN_PEOPLE =
      OpenPeopleExtension.builder().user("erin@example.org").resetBeforeEach(false).build();

  private static String baseUrlSeenBeforeAll;

  @BeforeAll
  static void emulatorIsUpBeforeTheTests() {
    baseUrlSeenBeforeAll = OPEN_PEOPLE.emulator().baseUrl();
  }

  @Test
  @Order(1)
  void writesThroughTheHandlesClient() throws Exception {
    OPEN_PEOPLE
        .emulator()
        .people()
        .people()
        .createContact(new Person().setNames(List.of(new Name().setGivenName("Kept"))))
        .execute();
  }

  @Test
  @Order(2)
  void dataSurvivesWhenResetIsOff() throws Exception {
    assertThat(
            OPEN_PEOPLE
                .emulator()
                .people("erin@example.org")
                .people()
                .connections()
                .list("people/me")
                .setPersonFields("names")
                .execute()
                .getConnections())
        .hasSize(1);
  }

  @Test
  @Order(3)
  void theBaseUrlIsAPlainHttpServerOnLoopback() throws Exception {
    String base = OPEN_PEOPLE.emulator().baseUrl();
    assertThat(base).isEqualTo(baseUrlSeenBeforeAll).startsWith("http://127.0.0.1:").endsWith("/");

    HttpResponse<String> discovery =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "$discovery/rest?version=v1")).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(discovery.statusCode()).isEqualTo(200);
    assertThat(discovery.body()).contains("\"rootUrl\"", base);
  }
}

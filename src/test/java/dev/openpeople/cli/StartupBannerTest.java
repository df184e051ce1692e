// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.OpenPeopleServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What {@code serve} prints at start-up: the console URL and two tokens the server accepts. */
class StartupBannerTest {
  private static int status(String url, String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void theBannerShowsTheConsoleAndTwoWorkingTokens() throws Exception {
    try (OpenPeopleServer server =
        OpenPeopleServer.start(OpenPeopleServer.Options.emulatorDefaults("sqlite::memory:"))) {
      String url = server.url("127.0.0.1");

      String banner = ServeCommand.banner(url, true, "sqlite::memory:");

      assertThat(banner).contains("console:   " + url, "metrics:   " + url + "metrics");
      Matcher tokens = Pattern.compile("Authorization: Bearer (\\S+)").matcher(banner);
      assertThat(tokens.find()).isTrue();
      String email = tokens.group(1);
      assertThat(tokens.find()).isTrue();
      String jwt = tokens.group(1);
      String list = url + "v1/people/me/connections?personFields=names";
      assertThat(status(list, email)).isEqualTo(200);
      assertThat(status(list, jwt)).isEqualTo(200);
      // The JWT grants contacts.readonly only: a write is refused.
      HttpResponse<String> write =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url + "v1/people:createContact"))
                      .header("Authorization", "Bearer " + jwt)
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString("{}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(write.statusCode()).isEqualTo(403);
    }
  }

  @Test
  void wildcardAddressesAreShownAsLocalhost() {
    assertThat(ServeCommand.displayHost("0.0.0.0")).isEqualTo("localhost");
    assertThat(ServeCommand.displayHost("::")).isEqualTo("localhost");
    assertThat(ServeCommand.displayHost("10.1.2.3")).isEqualTo("10.1.2.3");
  }

  @Test
  void productionModeNamesTheVerifiedTokens() {
    assertThat(ServeCommand.banner("https://h:1/", false, "postgresql://db/x"))
        .contains("production mode", "RS256/ES256 JWT")
        .doesNotContain("alice@example.com");
  }
}

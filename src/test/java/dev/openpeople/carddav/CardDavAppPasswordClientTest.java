// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.openpeople.OpenPeopleServer;
import dev.openpeople.OpenPeopleServerExtension;
import dev.openpeople.contact.AppPasswordService;
import dev.openpeople.server.JwtAuthenticator;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Production mode: HTTP Basic takes the user's app passwords and nothing else. */
class CardDavAppPasswordClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER =
      new OpenPeopleServerExtension(
          OpenPeopleServer.Options.builder("unused")
              .authenticator(new JwtAuthenticator("https://issuer.test", "openpeople", jwksFile()))
              .maxBodyBytes(32L << 20)
              .build());

  private static String jwksFile() {
    try {
      RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
      Path file = Files.createTempFile("jwks", ".json");
      file.toFile().deleteOnExit();
      Files.writeString(file, new JWKSet(key.toPublicJWK()).toString());
      return file.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void basicNeedsAnAppPasswordOfThatUserUntilItIsRevoked() throws Exception {
    AppPasswordService passwords =
        new AppPasswordService(SERVER.server().storage(), SERVER.server().clock());
    AppPasswordService.Created created = passwords.create("prod@example.com", "phone");
    assertThat(created.password()).matches("[a-z0-9]{4}(-[a-z0-9]{4}){3}");
    assertThat(passwords.list("prod@example.com").get(0).hash())
        .startsWith("$argon2id$")
        .doesNotContain(created.password());
    Dav dav = new Dav(SERVER, "prod@example.com");
    String book = dav.book();
    HttpResponse<String> ok =
        dav.raw(
            "PROPFIND",
            book,
            "",
            "Depth",
            "0",
            "Authorization",
            basic("prod@example.com", created.password()));
    assertThat(ok.statusCode()).isEqualTo(207);
    for (String[] wrong :
        new String[][] {
          {"prod@example.com", "not-the-password"},
          {"other@example.com", created.password()},
        }) {
      HttpResponse<String> refused =
          dav.raw("PROPFIND", book, "", "Depth", "0", "Authorization", basic(wrong[0], wrong[1]));
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow())
          .contains("Basic", "Bearer");
    }
    // An e-mail is no bearer token in production mode.
    assertThat(dav.propfind(book, "0", "").statusCode()).isEqualTo(401);
    assertThat(passwords.revoke("prod@example.com", created.entry().id())).isTrue();
    // A successful check is remembered for a minute on the node that made it.
    SERVER.server().clock().advance(Duration.ofMinutes(2));
    HttpResponse<String> revoked =
        dav.raw(
            "PROPFIND",
            book,
            "",
            "Depth",
            "0",
            "Authorization",
            basic("prod@example.com", created.password()));
    assertThat(revoked.statusCode()).isEqualTo(401);
  }
}

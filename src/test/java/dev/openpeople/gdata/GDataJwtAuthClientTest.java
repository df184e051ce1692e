// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gdata.data.contacts.ContactEntry;
import com.google.gdata.data.contacts.ContactFeed;
import com.google.gdata.util.ServiceForbiddenException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.openpeople.OpenPeopleServer;
import dev.openpeople.OpenPeopleServerExtension;
import dev.openpeople.server.JwtAuthenticator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Production mode: administrators come from the {@code openpeople_admin_domains} claim. */
class GDataJwtAuthClientTest {
  static final RSAKey KEY = generate();

  @RegisterExtension
  static final OpenPeopleServerExtension SERVER =
      new OpenPeopleServerExtension(
          new OpenPeopleServer.Options(
              "127.0.0.1",
              0,
              "unused",
              new JwtAuthenticator("https://issuer.test", "openpeople", jwks()),
              false,
              32L << 20));

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).keyID("gdata").generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String jwks() {
    try {
      Path file = Files.createTempFile("jwks", ".json");
      file.toFile().deleteOnExit();
      Files.writeString(file, new JWKSet(List.of(KEY.toPublicJWK())).toString());
      return file.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String token(String email, List<String> adminDomains) throws Exception {
    return token(email, adminDomains, "https://www.google.com/m8/feeds/");
  }

  private static String token(String email, List<String> adminDomains, String scope)
      throws Exception {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer("https://issuer.test")
            .audience("openpeople")
            .expirationTime(Date.from(Instant.now().plusSeconds(600)))
            .claim("email", email)
            .claim("scope", scope);
    if (!adminDomains.isEmpty()) {
      claims.claim("openpeople_admin_domains", adminDomains);
    }
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("gdata").build(), claims.build());
    jwt.sign(new RSASSASigner(KEY));
    return jwt.serialize();
  }

  @Test
  void onlyClaimedAdministratorsWriteAndDomainUsersRead() throws Exception {
    ContactEntry created =
        GDataClients.contacts(token("boss@corp.example", List.of("corp.example")))
            .insert(
                GDataClients.feed(SERVER, "corp.example", "full"),
                GDataContactsClientTest.richEntry("Prod", "Shared"));
    assertThat(created.getId()).contains("/corp.example/base/");

    var user = GDataClients.contacts(token("user@corp.example", List.of()));
    ContactFeed feed =
        user.getFeed(GDataClients.feed(SERVER, "corp.example", "full"), ContactFeed.class);
    assertThat(feed.getEntries()).hasSize(1);
    assertThatThrownBy(
            () ->
                user.insert(
                    GDataClients.feed(SERVER, "corp.example", "full"),
                    GDataContactsClientTest.richEntry("Not", "Allowed")))
        .isInstanceOf(ServiceForbiddenException.class);
  }

  /** Production mode: file import and export of a user's contacts are for the domain's admins. */
  @Test
  void onlyAdministratorsOfTheUsersDomainImportAndExport() throws Exception {
    String scope = "https://www.googleapis.com/auth/contacts";
    String path = "emulator/v1/users/member@corp.example:";
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.util.function.BiFunction<String, String, java.net.http.HttpRequest.Builder> request =
        (suffix, token) ->
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(SERVER.baseUrl() + path + suffix))
                .header("Authorization", "Bearer " + token);
    String card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Prod Card\r\nEND:VCARD\r\n";
    var member =
        http.send(
            request
                .apply("import", token("member@corp.example", List.of(), scope))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(card))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(member.statusCode()).isEqualTo(403);
    String admin = token("boss@corp.example", List.of("corp.example"), scope);
    var imported =
        http.send(
            request
                .apply("import?format=vcard", admin)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(card))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(imported.body()).contains("\"imported\" : 1");
    var exported =
        http.send(
            request.apply("export?format=csv", admin).GET().build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(exported.body()).contains("Prod Card");
    var noToken =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(SERVER.baseUrl() + path + "export"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(noToken.statusCode()).isEqualTo(401);
  }
}

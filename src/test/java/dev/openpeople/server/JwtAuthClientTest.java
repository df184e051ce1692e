// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.openpeople.OpenPeopleServer;
import dev.openpeople.OpenPeopleServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Production mode: verified RS256/ES256 access tokens, scopes, and no emulator routes. */
class JwtAuthClientTest {
  static final RSAKey RSA = generateRsa();
  static final ECKey EC = generateEc();
  static final RSAKey STRANGER = generateRsa();

  @RegisterExtension
  static final OpenPeopleServerExtension SERVER =
      new OpenPeopleServerExtension(
          OpenPeopleServer.Options.builder("unused")
              .authenticator(new JwtAuthenticator("https://issuer.test", "openpeople", jwksFile()))
              .maxBodyBytes(32L << 20)
              .build());

  private static RSAKey generateRsa() {
    try {
      return new RSAKeyGenerator(2048).keyID("rsa-" + System.nanoTime()).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ECKey generateEc() {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String jwksFile() {
    try {
      Path file = Files.createTempFile("jwks", ".json");
      file.toFile().deleteOnExit();
      Files.writeString(file, new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK())).toString());
      return file.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String token(
      JWSSigner signer,
      JWSAlgorithm alg,
      String kid,
      String issuer,
      String audience,
      Instant expiry,
      String scope)
      throws Exception {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .expirationTime(Date.from(expiry))
            .claim("email", "prod@example.com")
            .claim("scope", scope)
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  static String rsaToken(String issuer, String audience, Instant expiry, String scope)
      throws Exception {
    return token(
        new RSASSASigner(RSA), JWSAlgorithm.RS256, RSA.getKeyID(), issuer, audience, expiry, scope);
  }

  private static final String CONTACTS = "https://www.googleapis.com/auth/contacts";

  private int status(String token) throws Exception {
    return SERVER.call("GET", "/v1/people/me?personFields=names", token, null).statusCode();
  }

  @Test
  void validRsaAndEcTokensWorkThroughTheClient() throws Exception {
    Instant later = Instant.now().plusSeconds(600);
    String rsa = rsaToken("https://issuer.test", "openpeople", later, CONTACTS);
    String ec =
        token(
            new ECDSASigner(EC),
            JWSAlgorithm.ES256,
            "ec",
            "https://issuer.test",
            "openpeople",
            later,
            CONTACTS);

    Person created =
        SERVER
            .people(rsa)
            .people()
            .createContact(new Person().setNames(List.of(new Name().setGivenName("Prod"))))
            .execute();
    Person read =
        SERVER
            .people(ec)
            .people()
            .get(created.getResourceName())
            .setPersonFields("names")
            .execute();

    assertThat(read.getNames().get(0).getGivenName()).isEqualTo("Prod");
  }

  @Test
  void rejectsExpiredForeignAndMisaddressedTokens() throws Exception {
    Instant later = Instant.now().plusSeconds(600);
    assertThat(
            status(
                rsaToken(
                    "https://issuer.test",
                    "openpeople",
                    Instant.now().minusSeconds(3600),
                    CONTACTS)))
        .isEqualTo(401);
    assertThat(status(rsaToken("https://evil.test", "openpeople", later, CONTACTS))).isEqualTo(401);
    assertThat(status(rsaToken("https://issuer.test", "someone-else", later, CONTACTS)))
        .isEqualTo(401);
    assertThat(
            status(
                token(
                    new RSASSASigner(STRANGER),
                    JWSAlgorithm.RS256,
                    RSA.getKeyID(),
                    "https://issuer.test",
                    "openpeople",
                    later,
                    CONTACTS)))
        .isEqualTo(401);
    assertThat(status(AuthClientTest.unsignedJwt("{\"email\":\"x@example.com\"}"))).isEqualTo(401);
    assertThat(status("prod@example.com")).as("e-mail tokens are emulator-only").isEqualTo(401);
  }

  @Test
  void enforcesScopes() throws Exception {
    String readOnly =
        rsaToken(
            "https://issuer.test",
            "openpeople",
            Instant.now().plusSeconds(600),
            "https://www.googleapis.com/auth/userinfo.email");

    // people.get accepts userinfo.email (discovery lists 12 scopes); createContact needs contacts.
    assertThat(status(readOnly)).isEqualTo(200);
    assertThat(SERVER.call("POST", "/v1/people:createContact", readOnly, "{}").statusCode())
        .isEqualTo(403);
  }

  @Test
  void emulatorRoutesAreOffInProduction() throws Exception {
    assertThat(SERVER.call("POST", "/emulator/v1:reset", null, "{}").statusCode()).isEqualTo(404);
    assertThat(SERVER.call("GET", "/emulator/v1/clock", null, null).statusCode()).isEqualTo(404);
    assertThat(SERVER.call("GET", "/healthz", null, null).statusCode()).isEqualTo(200);
  }
}

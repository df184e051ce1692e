// SPDX-License-Identifier: Apache-2.0
package dev.openpeople;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.openpeople.server.JwtAuthenticator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A production-mode ({@code --auth jwt}) issuer for tests: one RSA key, its JWKS file, server
 * options that trust it, and RS256 access tokens naming a user, scopes and administered domains.
 */
public final class TestJwts {
  public static final String ISSUER = "https://issuer.test";
  public static final String AUDIENCE = "openpeople";

  private final RSAKey key;
  private final Path jwks;

  public TestJwts(String keyId) {
    try {
      key = new RSAKeyGenerator(2048).keyID(keyId).generate();
      jwks = Files.createTempFile("jwks", ".json");
      jwks.toFile().deleteOnExit();
      Files.writeString(jwks, new JWKSet(List.of(key.toPublicJWK())).toString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Options of a production-mode server (no emulator routes) that trusts this issuer. */
  public OpenPeopleServer.Options serverOptions() {
    return OpenPeopleServer.Options.builder("unused")
        .authenticator(new JwtAuthenticator(ISSUER, AUDIENCE, jwks.toString()))
        .build();
  }

  /**
   * A token for {@code email} with {@code scope} (space-separated), valid ten minutes; non-empty
   * {@code adminDomains} become the {@code openpeople_admin_domains} claim.
   */
  public String token(String email, String scope, List<String> adminDomains) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .expirationTime(Date.from(Instant.now().plusSeconds(600)))
            .claim("email", email)
            .claim("scope", scope);
    if (!adminDomains.isEmpty()) {
      claims.claim("openpeople_admin_domains", adminDomains);
    }
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
              claims.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

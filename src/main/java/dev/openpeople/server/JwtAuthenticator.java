// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Set;

/**
 * Production-mode credentials: RS256 or ES256 access tokens verified (signature, exp, nbf, iss,
 * aud) against a JWKS file or URL with Nimbus JOSE+JWT. The user is the {@code email} claim (or an
 * e-mail {@code sub}); scopes come from {@code scope} or {@code scp}.
 */
public final class JwtAuthenticator implements Authenticator {
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  public JwtAuthenticator(String issuer, String audience, String jwks) {
    JWKSource<SecurityContext> keys = keySource(jwks);
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            audience, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp"));
    claims.setMaxClockSkew(60);
    processor.setJWTClaimsSetVerifier(claims);
  }

  private static JWKSource<SecurityContext> keySource(String jwks) {
    try {
      if (jwks.startsWith("http://") || jwks.startsWith("https://")) {
        return JWKSourceBuilder.create(new URI(jwks).toURL()).build();
      }
      return new ImmutableJWKSet<>(JWKSet.parse(Files.readString(Path.of(jwks))));
    } catch (IOException | ParseException | URISyntaxException e) {
      throw new IllegalArgumentException("cannot read the JWKS " + jwks + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Principal authenticate(ApiRequest request) {
    String token = Authenticator.bearerToken(request);
    if (token.isEmpty()) {
      throw new ApiException(ApiError.CREDENTIALS_MISSING);
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new ApiException(ApiError.CREDENTIALS_INVALID);
    }
    JsonNode json = Json.MAPPER.valueToTree(claims.toJSONObject());
    String email = json.path("email").asText("");
    if (!Emails.isValid(email)) {
      email = json.path("sub").asText("");
    }
    if (!Emails.isValid(email)) {
      throw new ApiException(ApiError.CREDENTIALS_INVALID);
    }
    return new Principal(
        Emails.normalize(email), EmulatorAuthenticator.scopes(json), adminDomains(json));
  }

  /**
   * Production mode: the domains whose shared contacts the caller administers come from the token
   * claim {@code openpeople_admin_domains} (an array or a space-separated string; README).
   */
  static Set<String> adminDomains(JsonNode claims) {
    JsonNode claim = claims.path("openpeople_admin_domains");
    java.util.Set<String> domains = new java.util.LinkedHashSet<>();
    if (claim.isArray()) {
      claim.forEach(d -> domains.add(d.asText().toLowerCase(java.util.Locale.ROOT)));
    } else if (claim.isTextual()) {
      for (String d : claim.asText().trim().split("\\s+", -1)) {
        if (!d.isEmpty()) {
          domains.add(d.toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    return Set.copyOf(domains);
  }
}

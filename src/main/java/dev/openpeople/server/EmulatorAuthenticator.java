// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Emulator-mode credentials: the bearer token is an e-mail address (all contacts scopes), or an
 * unsigned JWT ({@code alg: none}) whose {@code email} claim names the user and whose {@code scope}
 * claim lists the granted scopes. Every user administers the shared contacts of their own e-mail
 * domain.
 */
public final class EmulatorAuthenticator implements Authenticator {
  /** What an e-mail token grants: every scope of the People API. */
  public static final Set<String> ALL_SCOPES =
      Set.of(
              "contacts",
              "contacts.readonly",
              "contacts.other.readonly",
              "directory.readonly",
              "user.addresses.read",
              "user.birthday.read",
              "user.emails.read",
              "user.gender.read",
              "user.organization.read",
              "user.phonenumbers.read",
              "userinfo.email",
              "userinfo.profile")
          .stream()
          .map(Principal::normalizeScope)
          .collect(
              java.util.stream.Collectors.collectingAndThen(
                  java.util.stream.Collectors.toSet(),
                  set -> {
                    set.add(Principal.GDATA_SCOPE);
                    return Set.copyOf(set);
                  }));

  @Override
  public Principal authenticate(ApiRequest request) {
    String token = Authenticator.bearerToken(request);
    if (token.isEmpty()) {
      throw new ApiException(ApiError.CREDENTIALS_MISSING);
    }
    if (Emails.isValid(token)) {
      return admin(new Principal(Emails.normalize(token), ALL_SCOPES));
    }
    return fromUnsignedJwt(token);
  }

  private static Principal fromUnsignedJwt(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new ApiException(ApiError.CREDENTIALS_INVALID);
    }
    try {
      JsonNode header = Json.MAPPER.readTree(decode(parts[0]));
      JsonNode claims = Json.MAPPER.readTree(decode(parts[1]));
      if (!"none".equalsIgnoreCase(header.path("alg").asText())) {
        throw new ApiException(ApiError.CREDENTIALS_INVALID);
      }
      String email = claims.path("email").asText();
      if (!Emails.isValid(email)) {
        throw new ApiException(ApiError.CREDENTIALS_INVALID);
      }
      return admin(new Principal(Emails.normalize(email), scopes(claims)));
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new ApiException(ApiError.CREDENTIALS_INVALID);
    }
  }

  private static Principal admin(Principal principal) {
    return new Principal(principal.email(), principal.scopes(), Set.of(principal.domain()));
  }

  /** The {@code scope} claim (space-separated) or {@code scp} (array or string). */
  static Set<String> scopes(JsonNode claims) {
    Set<String> scopes = new LinkedHashSet<>();
    JsonNode scope = claims.has("scope") ? claims.get("scope") : claims.path("scp");
    if (scope.isArray()) {
      scope.forEach(s -> scopes.add(Principal.normalizeScope(s.asText())));
    } else if (scope.isTextual()) {
      for (String s : scope.asText().trim().split("\\s+", -1)) {
        if (!s.isEmpty()) {
          scopes.add(Principal.normalizeScope(s));
        }
      }
    }
    return Set.copyOf(scopes);
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }
}

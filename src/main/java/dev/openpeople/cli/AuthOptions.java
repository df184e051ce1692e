// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.cli;

import dev.openpeople.server.Authenticator;
import dev.openpeople.server.JwtAuthenticator;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --auth} options: emulator (default) or verified JWT access tokens. */
public final class AuthOptions {
  @Option(
      names = "--auth",
      defaultValue = "${env:OPENPEOPLE_AUTH:-emulator}",
      description =
          "emulator (the token names the user; emulator controls on) or jwt (verified"
              + " access tokens; emulator controls off). Default ${DEFAULT-VALUE}.")
  String mode = "emulator";

  @Option(
      names = "--jwt-issuer",
      defaultValue = "${env:OPENPEOPLE_JWT_ISSUER}",
      description = "With --auth jwt: the required iss claim.")
  @Nullable String issuer;

  @Option(
      names = "--jwt-audience",
      defaultValue = "${env:OPENPEOPLE_JWT_AUDIENCE}",
      description = "With --auth jwt: the required aud claim.")
  @Nullable String audience;

  @Option(
      names = "--jwks",
      defaultValue = "${env:OPENPEOPLE_JWKS}",
      description = "With --auth jwt: a JWKS file path or http(s) URL with the signing keys.")
  @Nullable String jwks;

  /** The authenticator for production mode, or null for emulator mode. */
  public @Nullable Authenticator authenticator() {
    return switch (mode) {
      case "emulator" -> null;
      case "jwt" -> {
        if (issuer == null || audience == null || jwks == null) {
          throw new IllegalArgumentException(
              "--auth jwt needs --jwt-issuer, --jwt-audience and --jwks");
        }
        yield new JwtAuthenticator(issuer, audience, jwks);
      }
      default -> throw new IllegalArgumentException("unknown --auth mode " + mode);
    };
  }
}

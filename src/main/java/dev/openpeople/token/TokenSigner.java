// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.token;

import dev.openpeople.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies opaque tokens with HMAC-SHA256: the token is base64url(payload || mac[16]).
 * The key is a server secret kept in the database, so every node verifies every node's tokens.
 */
public final class TokenSigner {
  private static final int MAC_BYTES = 16;
  private final SecretKeySpec key;

  public TokenSigner(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public String sign(byte[] payload) {
    byte[] mac = mac(payload);
    byte[] out = Arrays.copyOf(payload, payload.length + MAC_BYTES);
    System.arraycopy(mac, 0, out, payload.length, MAC_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
  }

  /** The payload of a token this server signed; anything else is a 400 naming {@code what}. */
  public byte[] verify(String token, String what) {
    return open(token).orElseThrow(() -> invalid(what));
  }

  /** The payload of a token this server signed, or empty for anything else. */
  public Optional<byte[]> open(String token) {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(token.trim());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (raw.length <= MAC_BYTES) {
      return Optional.empty();
    }
    byte[] payload = Arrays.copyOf(raw, raw.length - MAC_BYTES);
    byte[] given = Arrays.copyOfRange(raw, raw.length - MAC_BYTES, raw.length);
    if (!MessageDigest.isEqual(given, Arrays.copyOf(mac(payload), MAC_BYTES))) {
      return Optional.empty();
    }
    return Optional.of(payload);
  }

  static ApiException invalid(String what) {
    return ApiException.invalid("The %s is invalid.", what);
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

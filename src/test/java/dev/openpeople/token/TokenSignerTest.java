// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openpeople.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** HMAC-signed opaque tokens: round trip, tampering, foreign keys, malformed input. */
class TokenSignerTest {
  private final TokenSigner signer = new TokenSigner("secret");
  private final byte[] payload = "page 42".getBytes(StandardCharsets.UTF_8);

  @Test
  void verifyReturnsWhatWasSigned() {
    String token = signer.sign(payload);
    assertThat(token).doesNotContain("=", "+", "/");
    assertThat(signer.verify(token, "page token")).isEqualTo(payload);
    assertThat(new TokenSigner("secret").verify(" " + token + "\n", "page token"))
        .isEqualTo(payload);
  }

  @Test
  void aChangedPayloadOrMacIsRejected() {
    byte[] raw = Base64.getUrlDecoder().decode(signer.sign(payload));
    for (int i = 0; i < raw.length; i++) {
      byte[] copy = raw.clone();
      copy[i] ^= 1;
      String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(copy);
      assertThatThrownBy(() -> signer.verify(tampered, "page token"))
          .isInstanceOf(ApiException.class)
          .hasMessage("The page token is invalid.");
    }
  }

  @Test
  void aTokenFromAnotherKeyIsRejected() {
    String token = new TokenSigner("other").sign(payload);
    assertThatThrownBy(() -> signer.verify(token, "sync token"))
        .isInstanceOf(ApiException.class)
        .hasMessage("The sync token is invalid.");
  }

  @Test
  void malformedTokensAreRejected() {
    String macOnly = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);
    for (String bad : new String[] {"", "!!!", "a", macOnly}) {
      assertThatThrownBy(() -> signer.verify(bad, "page token"))
          .as(bad)
          .isInstanceOf(ApiException.class)
          .hasMessage("The page token is invalid.");
    }
  }

  @Test
  void anEmptyPayloadStillCarriesAMacAndIsRejectedAsTooShort() {
    String token = signer.sign(new byte[0]);
    assertThatThrownBy(() -> signer.verify(token, "page token")).isInstanceOf(ApiException.class);
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openpeople.error.ApiException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signed list tokens: round trip, tampering, binding, expiry. */
class ListTokenTest {
  private final TokenSigner signer = new TokenSigner("key-one");
  private final Instant issued = Instant.parse("2026-01-01T00:00:00Z");
  private final ListToken token =
      new ListToken(ListToken.SYNC, "m", 7, "hash", issued, 3, 9, "key", 4, 5, 11);

  @Test
  void roundTrips() {
    assertThat(ListToken.decode(signer, token.encode(signer), ListToken.SYNC, "m", 7, "t"))
        .isEqualTo(token);
  }

  @Test
  void rejectsTamperedForeignAndMisboundTokens() {
    String encoded = token.encode(signer);
    char flipped = encoded.charAt(5) == 'A' ? 'B' : 'A';
    String tampered = encoded.substring(0, 5) + flipped + encoded.substring(6);

    assertThatThrownBy(() -> ListToken.decode(signer, tampered, ListToken.SYNC, "m", 7, "t"))
        .isInstanceOf(ApiException.class)
        .hasMessage("The t is invalid.");
    assertThatThrownBy(
            () -> ListToken.decode(new TokenSigner("other"), encoded, ListToken.SYNC, "m", 7, "t"))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> ListToken.decode(signer, encoded, ListToken.PAGE, "m", 7, "t"))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> ListToken.decode(signer, encoded, ListToken.SYNC, "n", 7, "t"))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> ListToken.decode(signer, encoded, ListToken.SYNC, "m", 8, "t"))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> ListToken.decode(signer, "%%%", ListToken.SYNC, "m", 7, "t"))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void expiresSevenDaysAfterIssue() {
    assertThat(token.expiredAt(issued.plus(ListToken.LIFETIME))).isFalse();
    assertThat(token.expiredAt(issued.plus(ListToken.LIFETIME).plusMillis(1))).isTrue();
  }

  @Test
  void fingerprintsDependOnEveryParameterAndItsOrder() {
    assertThat(ListToken.fingerprint(List.of("a", "b")))
        .isEqualTo(ListToken.fingerprint(List.of("a", "b")))
        .isNotEqualTo(ListToken.fingerprint(List.of("b", "a")))
        .isNotEqualTo(ListToken.fingerprint(List.of("ab")));
  }

  @Test
  void roundTripsEdgeValuesOfEveryField() {
    ListToken edge =
        new ListToken(
            ListToken.PAGE, "people.x", Long.MAX_VALUE, "", issued, -1, 0, "ключ/é", -5, 0, -1);
    assertThat(
            ListToken.decode(
                signer, edge.encode(signer), ListToken.PAGE, "people.x", Long.MAX_VALUE, "t"))
        .isEqualTo(edge);
  }

  @Test
  void aTokenIsValidUpToTheLastMillisecondOfItsLifetime() {
    Instant end = issued.plus(ListToken.LIFETIME);
    assertThat(token.expiredAt(issued)).isFalse();
    assertThat(token.expiredAt(end.minusMillis(1))).isFalse();
    assertThat(token.expiredAt(end)).isFalse();
    assertThat(token.expiredAt(end.plusNanos(1_000_000))).isTrue();
  }
}

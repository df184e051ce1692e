// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void writeEscapesAnUnpairedSurrogateInsteadOfFailing() throws Exception {
    String lone = "A" + (char) 0xD800 + "B";
    byte[] written = Json.write(Json.object().put("givenName", lone), false);
    String text = new String(written, StandardCharsets.US_ASCII);
    assertThat(text).isEqualTo("{\"givenName\":\"A" + "\\" + "uD800B\"}");
    assertThat(Json.MAPPER.readTree(written).get("givenName").asText()).isEqualTo(lone);
  }

  @Test
  void textsRefuseNulAndUnpairedSurrogatesButKeepPairs() {
    assertThat(Texts.problem("Zoë 😀")).isNull();
    assertThat(Texts.problem("A" + (char) 0)).contains("NUL");
    assertThat(Texts.problem("A" + (char) 0xDC00)).contains("surrogate");
    assertThat(Texts.problem((char) 0xD83D + "x")).contains("surrogate");
  }
}

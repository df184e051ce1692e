// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
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

  @Test
  void storedFieldsCutsTheWantedMembersRaw() {
    String json =
        "{\"names\":[{\"givenName\":\"a]}\\\"{\",\"n\":[1,{\"x\":null}]}],"
            + "\"emailAddresses\":[],\"urls\":{\"k\":\"}\"},\"biographies\":[true]}";
    assertThat(Json.storedFields(json, Set.of("names", "urls", "phoneNumbers")))
        .isEqualTo(
            Map.of(
                "names",
                "[{\"givenName\":\"a]}\\\"{\",\"n\":[1,{\"x\":null}]}]",
                "urls",
                "{\"k\":\"}\"}"));
    assertThat(Json.storedFields("{}", Set.of("names"))).isEmpty();
    // Backslashes before a quote: an even number ends the string, an odd one escapes it.
    String slashes = "[\"a\\\\\",\"\\\\\\\"]\"]";
    assertThat(Json.storedFields("{\"names\":" + slashes + ",\"urls\":[]}", Set.of("names")))
        .isEqualTo(Map.of("names", slashes));
  }

  @Test
  void storedFieldsOfOtherShapesAsTheParserCutsThem() {
    // Whitespace, a scalar member, an escaped name: the same members either way.
    assertThat(Json.storedFields(" { \"names\" : [ 1 ] ,\n \"etag\":\"e\" } ", Set.of("names")))
        .isEqualTo(Map.of("names", "[ 1 ]"));
    assertThat(Json.storedFields("{\"etag\":\"e\",\"names\":[2]}", Set.of("names")))
        .isEqualTo(Map.of("names", "[2]"));
    assertThat(Json.storedFields("{\"n\\u0061mes\":[3],\"names\":[4]}", Set.of("names")))
        .isEqualTo(Map.of("names", "[4]"));
    assertThatThrownBy(() -> Json.storedFields("{\"names\":[5}", Set.of("names")))
        .isInstanceOf(IllegalStateException.class);
  }
}

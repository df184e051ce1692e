// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  /** The members {@link Json#storedMembers} locates, cut out by name. */
  private static Map<String, String> storedFields(String json, List<String> wanted) {
    int[] bounds = new int[2 * wanted.size()];
    Json.storedMembers(json, wanted, bounds);
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < wanted.size(); i++) {
      if (bounds[2 * i] >= 0) {
        out.put(wanted.get(i), json.substring(bounds[2 * i], bounds[2 * i + 1]));
      }
    }
    return out;
  }

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
    assertThat(storedFields(json, List.of("names", "urls", "phoneNumbers")))
        .isEqualTo(
            Map.of(
                "names",
                "[{\"givenName\":\"a]}\\\"{\",\"n\":[1,{\"x\":null}]}]",
                "urls",
                "{\"k\":\"}\"}"));
    assertThat(storedFields("{}", List.of("names"))).isEmpty();
    // Backslashes before a quote: an even number ends the string, an odd one escapes it.
    String slashes = "[\"a\\\\\",\"\\\\\\\"]\"]";
    assertThat(storedFields("{\"names\":" + slashes + ",\"urls\":[]}", List.of("names")))
        .isEqualTo(Map.of("names", slashes));
  }

  @Test
  void storedFieldsOfOtherShapesAsTheParserCutsThem() {
    // Whitespace, a scalar member, an escaped name: the same members either way.
    assertThat(storedFields(" { \"names\" : [ 1 ] ,\n \"etag\":\"e\" } ", List.of("names")))
        .isEqualTo(Map.of("names", "[ 1 ]"));
    assertThat(storedFields("{\"etag\":\"e\",\"names\":[2]}", List.of("names")))
        .isEqualTo(Map.of("names", "[2]"));
    assertThat(storedFields("{\"n\\u0061mes\":[3],\"names\":[4]}", List.of("names")))
        .isEqualTo(Map.of("names", "[4]"));
    assertThatThrownBy(() -> storedFields("{\"names\":[5}", List.of("names")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRepeatedMemberCountsOnceTheLastTime() {
    assertThat(storedFields("{\"names\":[1],\"urls\":[],\"names\":[2]}", List.of("names")))
        .isEqualTo(Map.of("names", "[2]"));
    assertThat(storedFields("{\"names\":[1],\"etag\":\"e\",\"names\":[2]}", List.of("names")))
        .isEqualTo(Map.of("names", "[2]"));
  }

  @Test
  void aBodyIsWrittenAsItsTreeIs() {
    Json.Body body =
        out -> {
          out.writeStartObject();
          out.writeStringField("resourceName", "people/c1 ü 😀 \"q\" </x>");
          out.writeFieldName("names");
          String stored = "{\"names\":[{\"givenName\":\"Zoë\"}],\"urls\":[]}";
          out.writeRawValue(stored, 9, stored.indexOf(",\"urls") - 9);
          out.writeObjectFieldStart("metadata");
          out.writeArrayFieldStart("sources");
          out.writeStartObject();
          out.writeBooleanField("deleted", true);
          out.writeEndObject();
          out.writeEndArray();
          out.writeEndObject();
          out.writeArrayFieldStart("empty");
          out.writeEndArray();
          out.writeNumberField("totalItems", 3L);
          out.writeEndObject();
        };
    ObjectNode tree = Json.object();
    tree.put("resourceName", "people/c1 ü 😀 \"q\" </x>");
    tree.putRawValue("names", new RawValue("[{\"givenName\":\"Zoë\"}]"));
    tree.putObject("metadata").putArray("sources").addObject().put("deleted", true);
    tree.putArray("empty");
    tree.put("totalItems", 3L);
    for (boolean pretty : new boolean[] {true, false}) {
      assertThat(new String(Json.write(body, pretty), StandardCharsets.UTF_8))
          .isEqualTo(new String(Json.write(tree, pretty), StandardCharsets.UTF_8));
      assertThat(new String(Json.write(Json.toTree(body), pretty), StandardCharsets.UTF_8))
          .isEqualTo(new String(Json.write(tree, pretty), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aBodyEscapesAnUnpairedSurrogateAsItsTreeDoes() {
    String lone = "A" + (char) 0xD800 + "B";
    Json.Body body =
        out -> {
          out.writeStartObject();
          out.writeStringField("givenName", lone);
          out.writeEndObject();
        };
    assertThat(Json.write(body, true))
        .isEqualTo(Json.write(Json.object().put("givenName", lone), true));
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sort keys compare as names collate; folding makes what a person types match what is stored. */
class TextKeysTest {
  private static List<String> sorted(String... names) {
    List<String> out = new ArrayList<>(List.of(names));
    out.sort(Comparator.comparing(TextKeys::sortKey));
    return out;
  }

  @Test
  void accentedAndStrokedLettersSortWithTheirBaseLetters() {
    assertThat(sorted("Zoë", "Øystein", "Émile", "Ádám", "Peter", "Oscar", "Eve", "Adam"))
        .containsExactly("Adam", "Ádám", "Émile", "Eve", "Oscar", "Øystein", "Peter", "Zoë");
    assertThat(sorted("Łukasz", "Mark", "Lars", "Đorđe", "Ella", "Æsa", "Aeb", "Björn"))
        .containsExactly("Aeb", "Æsa", "Björn", "Đorđe", "Ella", "Lars", "Łukasz", "Mark");
  }

  @Test
  void keysAreLowerCaseHexThatComparesAsTheCollatorDoes() {
    for (String name : List.of("", "Zoë", "张伟", "Иван", "😀 emoji")) {
      assertThat(TextKeys.sortKey(name)).matches("[0-9a-f]*");
    }
    assertThat(TextKeys.sortKey("")).isLessThan(TextKeys.sortKey("A"));
    assertThat(TextKeys.sortKey("Ann")).isLessThan(TextKeys.sortKey("Anna"));
    assertThat(TextKeys.sortKey("adam")).isLessThan(TextKeys.sortKey("Adam"));
    assertThat(TextKeys.sortKey("Adam")).isLessThan(TextKeys.sortKey("Ádám"));
    assertThat(TextKeys.sortKey("Zoë")).isEqualTo(TextKeys.sortKey("Zoe\u0308"));
  }

  @Test
  void keysAreBoundedWhateverTheNameLength() {
    String longName = "Øyvind Ålesund ".repeat(20_000);
    String key = TextKeys.sortKey(longName);
    assertThat(key.length()).isLessThanOrEqualTo(2 * TextKeys.MAX_KEY_BYTES);
    assertThat(TextKeys.sortKey("張".repeat(TextKeys.SORT_CHARS * 4)).length())
        .isLessThanOrEqualTo(2 * TextKeys.MAX_KEY_BYTES);
    // Only the first characters count: a name sorts by its head.
    assertThat(TextKeys.sortKey(longName + "a")).isEqualTo(key);
    // A surrogate pair at the cut is not split.
    String pairs = "x".repeat(TextKeys.SORT_CHARS - 1) + "😀😀";
    assertThat(TextKeys.sortKey(pairs)).matches("[0-9a-f]+");
  }

  @Test
  void foldingRemovesCaseAndDiacritics() {
    assertThat(TextKeys.fold("Zoë")).isEqualTo("zoe");
    assertThat(TextKeys.fold("Zoe\u0308")).isEqualTo("zoe");
    assertThat(TextKeys.fold("ÉMILE")).isEqualTo("emile");
    assertThat(TextKeys.fold("Ádám Čapek")).isEqualTo("adam capek");
    assertThat(TextKeys.fold("Ångström Ñandú Ç")).isEqualTo("angstrom nandu c");
  }

  @Test
  void foldingMapsLettersThatDoNotDecompose() {
    assertThat(TextKeys.fold("Øystein")).isEqualTo("oystein");
    assertThat(TextKeys.fold("Łukasz")).isEqualTo("lukasz");
    assertThat(TextKeys.fold("Ærø")).isEqualTo("aero");
    assertThat(TextKeys.fold("Œuvre")).isEqualTo("oeuvre");
    assertThat(TextKeys.fold("Straße STRASSE")).isEqualTo("strasse strasse");
    assertThat(TextKeys.fold("Đorđe Ðóra")).isEqualTo("dorde dora");
    assertThat(TextKeys.fold("Þór")).isEqualTo("thor");
    assertThat(TextKeys.fold("Ħal Ŧ ıstanbul")).isEqualTo("hal t istanbul");
  }

  @Test
  void foldingNormalizesWidthsLigaturesAndSpaces() {
    assertThat(TextKeys.fold("  Ｚｏｅ\u00a0\t ﬁsh  ")).isEqualTo("zoe fish");
    assertThat(TextKeys.fold("+1 (555) 010")).isEqualTo("+1 (555) 010");
    assertThat(TextKeys.fold("grace.hopper@navy.mil")).isEqualTo("grace.hopper@navy.mil");
  }

  @Test
  void foldingKeepsOtherScriptsSearchable() {
    assertThat(TextKeys.fold("张伟")).isEqualTo("张伟");
    assertThat(TextKeys.fold("ИВАН")).isEqualTo("иван");
    assertThat(TextKeys.fold("が")).isEqualTo("が");
    assertThat(TextKeys.fold("한국")).isEqualTo("한국");
    assertThat(TextKeys.fold("Ωμέγα")).isEqualTo("ωμεγα");
  }

  @Test
  void theVersionNamesTheCollator() {
    assertThat(TextKeys.VERSION).startsWith("fold-1 uca-");
  }

  /**
   * The shortcut for printable ASCII folds exactly as the normalizers do, and declines the rest.
   */
  @Test
  void asciiFoldsAsTheNormalizersFold() {
    Random random = new Random(20251126);
    String alphabet = " \t AZaz09.@_-+(),'\"~`^|\\{}ÿé\u00a0\u0301";
    for (int n = 0; n < 100_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        text.append(
            random.nextBoolean()
                ? (char) (0x20 + random.nextInt(0x5f))
                : alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String value = text.toString();
      String ascii = TextKeys.foldAscii(value);
      if (ascii != null) {
        assertThat(ascii).as("[%s]", value).isEqualTo(TextKeys.foldUnicode(value));
      }
      assertThat(TextKeys.fold(value)).isEqualTo(TextKeys.foldUnicode(value));
    }
    for (char c = 0; c < 128; c++) {
      String value = " A" + c + "b  C ";
      assertThat(TextKeys.fold(value)).as("U+%04X", (int) c).isEqualTo(TextKeys.foldUnicode(value));
    }
  }
}

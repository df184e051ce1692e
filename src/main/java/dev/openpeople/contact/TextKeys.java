// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import com.ibm.icu.text.Collator;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.util.ULocale;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How names sort and how text matches, the same on every backend.
 *
 * <p>Sort keys are collation keys of the Unicode Collation Algorithm with the root order of CLDR
 * (https://www.unicode.org/reports/tr10/, as ICU implements it), so "Ádám", "Émile" and "Øystein"
 * sort among the A, E and O names rather than after "Zoë". They are hex-encoded: comparing two keys
 * byte by byte (SQLite's BINARY collation, PostgreSQL's {@code COLLATE "C"}) orders them as the
 * collator orders the names, so keyset paging compares plain strings in SQL. A key covers the first
 * {@value #SORT_CHARS} characters of a name and is at most {@value #MAX_KEY_BYTES} bytes long, so
 * any accepted name fits an index entry.
 *
 * <p>Search text is folded: case-folded and NFKC-normalized (https://www.unicode.org/reports/tr15/,
 * which also turns "ß" into "ss" and full-width forms into ASCII), stripped of the combining
 * diacritical marks left by canonical decomposition, and letters that carry their mark inside (Ø,
 * Ł, Æ, Œ, Đ, Ð, Þ, Ħ, Ŧ, ı) mapped to the base letters a person types instead. Search terms and
 * queries both go through {@link #fold}, so "zoe" finds "Zoë" and "oystein" finds "Øystein".
 */
public final class TextKeys {
  /** Names sort on their first this many characters. */
  static final int SORT_CHARS = 128;

  /** The longest sort key, in bytes (twice as many hex digits). */
  static final int MAX_KEY_BYTES = 512;

  private static final Collator COLLATOR = Collator.getInstance(ULocale.ROOT).freeze();
  private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * Names the rules of this class: the folding below and the collator's version. Rows indexed under
   * another version are re-indexed at start ({@link Storage#reindex}).
   */
  public static final String VERSION = "fold-1 uca-" + COLLATOR.getVersion();

  private TextKeys() {}

  /** The sort key of a name: hex digits that compare as the collator compares names. */
  public static String sortKey(String name) {
    String head = name;
    if (head.length() > SORT_CHARS) {
      int end = SORT_CHARS;
      if (Character.isHighSurrogate(head.charAt(end - 1))) {
        end--;
      }
      head = head.substring(0, end);
    }
    byte[] key = COLLATOR.getCollationKey(head).toByteArray();
    // The trailing 0 terminates the key; without it a shorter key still sorts first.
    int length = Math.min(key.length - 1, MAX_KEY_BYTES);
    return HexFormat.of().formatHex(key, 0, length);
  }

  /**
   * The key that finds the other contact of an e-mail address: the address lower-cased and trimmed.
   * An address longer than RFC 5321 allows (254 characters; no interaction can carry one) keeps its
   * first 190 characters and a SHA-256 digest of the whole, so any stored value fits an index entry
   * and two different long values still have different keys; such a key is never a real address's.
   */
  public static String emailKey(String address) {
    String key = address.trim().toLowerCase(Locale.ROOT);
    if (key.length() <= 254) {
      return key;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return key.substring(0, 190) + "#" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  /**
   * The form in which text is searched, for the indexed terms and the queries alike: folded case,
   * no diacritics, single spaces, trimmed.
   */
  public static String fold(String text) {
    String ascii = foldAscii(text);
    if (ascii != null) {
      return ascii;
    }
    return foldUnicode(text);
  }

  /** {@link #fold} through the ICU normalizers, for any text. */
  static String foldUnicode(String text) {
    String decomposed = NFD.normalize(NFKC_CASEFOLD.normalize(text));
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); ) {
      int c = decomposed.codePointAt(i);
      i += Character.charCount(c);
      if (!diacritic(c)) {
        out.append(base(c));
      }
    }
    return SPACES.matcher(NFC.normalize(out)).replaceAll(" ").strip();
  }

  /**
   * {@link #fold} of printable ASCII text (U+0020 to U+007E) without the normalizers: there case
   * folding only lowers A-Z, NFKC, NFD and NFC change nothing and there are no marks, so folding is
   * lowering A-Z, one space for each run of spaces, and trimming (TextKeysTest compares the two).
   * Null for other text.
   */
  static @Nullable String foldAscii(String text) {
    int length = text.length();
    char[] out = new char[length];
    int n = 0;
    boolean space = false;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < ' ' || c > '~') {
        return null;
      }
      if (c == ' ') {
        space = n > 0;
        continue;
      }
      if (space) {
        out[n++] = ' ';
        space = false;
      }
      out[n++] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return new String(out, 0, n);
  }

  /** Combining diacritical marks: the blocks of U+0300, U+1AB0, U+1DC0, U+20D0 and U+FE20. */
  private static boolean diacritic(int c) {
    return (c >= 0x0300 && c <= 0x036F)
        || (c >= 0x1AB0 && c <= 0x1AFF)
        || (c >= 0x1DC0 && c <= 0x1DFF)
        || (c >= 0x20D0 && c <= 0x20FF)
        || (c >= 0xFE20 && c <= 0xFE2F);
  }

  /** Case-folded letters without a canonical decomposition, as their base letters. */
  private static CharSequence base(int c) {
    return switch (c) {
      case 'ø' -> "o";
      case 'ł' -> "l";
      case 'æ' -> "ae";
      case 'œ' -> "oe";
      case 'đ', 'ð' -> "d";
      case 'þ' -> "th";
      case 'ħ' -> "h";
      case 'ŧ' -> "t";
      case 'ı' -> "i";
      default -> Character.toString(c);
    };
  }
}

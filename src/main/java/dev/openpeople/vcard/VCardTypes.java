// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.vcard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The type words of both sides: People API item types (the {@code type} of an EmailAddress,
 * PhoneNumber, Address, Url, Event, Relation, ImClient) against vCard {@code TYPE} parameters and
 * Apple's {@code X-ABLabel} labels ({@code _$!<Mobile>!$_} for a known label, plain text for a
 * custom one).
 */
final class VCardTypes {
  private VCardTypes() {}

  /** People phone types and their vCard TYPE sets (RFC 2426 section 3.3.1). */
  static final Map<String, List<String>> PHONE =
      Map.ofEntries(
          Map.entry("home", List.of("home")),
          Map.entry("work", List.of("work")),
          Map.entry("mobile", List.of("cell")),
          Map.entry("homeFax", List.of("home", "fax")),
          Map.entry("workFax", List.of("work", "fax")),
          Map.entry("otherFax", List.of("fax")),
          Map.entry("pager", List.of("pager")),
          Map.entry("workMobile", List.of("work", "cell")),
          Map.entry("workPager", List.of("work", "pager")),
          Map.entry("main", List.of("main")),
          Map.entry("other", List.of("other")));

  /** TYPE words that carry no People type (preference and transport markers). */
  static final Set<String> NEUTRAL = Set.of("pref", "internet", "voice", "x400", "text");

  /** Types of e-mail addresses, postal addresses and URLs that are plain TYPE words. */
  static final Set<String> PLAIN = Set.of("home", "work", "other");

  /** People IM protocols and their URI schemes (RFC 4770 for IMPP in vCard 3.0). */
  static final Map<String, String> IM_SCHEMES =
      Map.ofEntries(
          Map.entry("aim", "aim"),
          Map.entry("msn", "msnim"),
          Map.entry("yahoo", "ymsgr"),
          Map.entry("skype", "skype"),
          Map.entry("qq", "qq"),
          Map.entry("googleTalk", "gtalk"),
          Map.entry("icq", "icq"),
          Map.entry("jabber", "xmpp"),
          Map.entry("netMeeting", "callto"));

  /** Legacy one-property-per-service IM properties (Evolution, older Apple cards). */
  static final Map<String, String> IM_PROPERTIES =
      Map.ofEntries(
          Map.entry("X-AIM", "aim"),
          Map.entry("X-MSN", "msn"),
          Map.entry("X-YAHOO", "yahoo"),
          Map.entry("X-SKYPE", "skype"),
          Map.entry("X-SKYPE-USERNAME", "skype"),
          Map.entry("X-QQ", "qq"),
          Map.entry("X-GOOGLE-TALK", "googleTalk"),
          Map.entry("X-GTALK", "googleTalk"),
          Map.entry("X-ICQ", "icq"),
          Map.entry("X-JABBER", "jabber"));

  /** The People type of a phone's TYPE words, or null when they name none. */
  static @Nullable String phoneType(List<String> words) {
    List<String> wanted = meaningful(words);
    if (wanted.isEmpty()) {
      return null;
    }
    for (Map.Entry<String, List<String>> entry : PHONE.entrySet()) {
      if (entry.getValue().size() == wanted.size() && wanted.containsAll(entry.getValue())) {
        return entry.getKey();
      }
    }
    return wanted.size() == 1 ? wanted.get(0) : null;
  }

  /** The People type of an e-mail, address or URL: home, work, other or a custom word. */
  static @Nullable String plainType(List<String> words) {
    List<String> wanted = meaningful(words);
    return wanted.isEmpty() ? null : wanted.get(0);
  }

  /** Lower-cased TYPE words without the neutral ones. */
  static List<String> meaningful(List<String> words) {
    List<String> out = new ArrayList<>();
    for (String word : words) {
      String lower = word.toLowerCase(Locale.ROOT);
      if (!NEUTRAL.contains(lower) && !lower.isEmpty()) {
        out.add(lower);
      }
    }
    return out;
  }

  /** True when a TYPE list marks the preferred value (vCard 3.0 {@code TYPE=pref}). */
  static boolean preferred(List<String> words) {
    return words.stream().anyMatch(w -> w.equalsIgnoreCase("pref"));
  }

  /**
   * A People type from an Apple label: {@code _$!<HomePage>!$_} becomes {@code homePage}; a custom
   * label stays as written.
   */
  static String fromLabel(String label) {
    if (label.startsWith("_$!<") && label.endsWith(">!$_") && label.length() > 8) {
      String inner = label.substring(4, label.length() - 4);
      return Character.toLowerCase(inner.charAt(0)) + inner.substring(1);
    }
    return label;
  }

  /** The Apple label of a People type: known camel-case words wrapped, custom ones as written. */
  static String toLabel(String type) {
    if (!type.isEmpty() && type.chars().allMatch(Character::isLetter)) {
      if (Character.isLowerCase(type.charAt(0))) {
        return "_$!<" + Character.toUpperCase(type.charAt(0)) + type.substring(1) + ">!$_";
      }
    }
    return type;
  }

  /** The People protocol of an IM service name or URI scheme (case-insensitive). */
  static String protocol(String serviceOrScheme) {
    for (Map.Entry<String, String> entry : IM_SCHEMES.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(serviceOrScheme)
          || entry.getValue().equalsIgnoreCase(serviceOrScheme)) {
        return entry.getKey();
      }
    }
    return serviceOrScheme;
  }
}

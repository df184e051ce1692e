// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {
  @Test
  void nationalNumbersAreReadInTheDefaultRegion() {
    PhoneNumbers us = new PhoneNumbers("US");
    assertThat(us.canonicalForm("(650) 253-0000")).hasValue("+16502530000");
    assertThat(us.canonicalForm("+44 20 7031 3000")).hasValue("+442070313000");
    PhoneNumbers gb = new PhoneNumbers("gb");
    assertThat(gb.canonicalForm("020 7031 3000")).hasValue("+442070313000");
    assertThat(gb.searchDigits("020 7031 3000")).hasValue("442070313000");
  }

  @Test
  void textThatIsNoPhoneNumberHasNoCanonicalForm() {
    PhoneNumbers us = new PhoneNumbers("US");
    assertThat(us.canonicalForm("call me")).isEmpty();
    assertThat(us.canonicalForm("12")).isEmpty();
    assertThat(us.canonicalForm("")).isEmpty();
    assertThatThrownBy(() -> new PhoneNumbers("XX")).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * The shortcut for plain North American numbers gives exactly what libphonenumber gives, for
   * every text it takes, and declines the rest: random texts of digits, spaces, hyphens and a plus,
   * shaped mostly like such numbers, in a NANP region and elsewhere.
   */
  @Test
  void plainNorthAmericanNumbersReadAsLibphonenumberReadsThem() {
    Random random = new Random(20251126);
    String[] regions = {"US", "CA", "GB", "DE"};
    int shortcut = 0;
    for (int n = 0; n < 200_000; n++) {
      String region = regions[random.nextInt(regions.length)];
      StringBuilder text = new StringBuilder();
      if (random.nextInt(3) > 0) {
        text.append('+');
        if (random.nextInt(4) > 0) {
          text.append('1');
        }
      }
      int digits = 8 + random.nextInt(5);
      for (int i = 0; i < digits; i++) {
        text.append((char) ('0' + random.nextInt(10)));
        int gap = random.nextInt(8);
        if (gap == 0) {
          text.append(' ');
        } else if (gap == 1) {
          text.append('-');
        } else if (gap == 2 && random.nextInt(8) == 0) {
          text.append("  ().x#".charAt(random.nextInt(7)));
        }
      }
      String value = text.toString();
      PhoneNumbers phones = new PhoneNumbers(region);
      String plain = PhoneNumbers.plainNanp(value, region);
      if (plain != null) {
        shortcut++;
        assertThat(phones.parsed(value)).as("%s in %s", value, region).hasValue(plain);
      }
      assertThat(phones.canonicalForm(value))
          .as("%s in %s", value, region)
          .isEqualTo(phones.parsed(value));
    }
    assertThat(shortcut).isGreaterThan(10_000);
    assertThat(PhoneNumbers.plainNanp("+1 555 1000005", "GB")).isEqualTo("+15551000005");
    assertThat(PhoneNumbers.plainNanp("650-253-0000", "US")).isEqualTo("+16502530000");
    assertThat(PhoneNumbers.plainNanp("650-253-0000", "GB")).isNull();
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.person;

import static dev.openpeople.people.person.ReadSources.READ_SOURCE_TYPE_CONTACT;
import static dev.openpeople.people.person.ReadSources.READ_SOURCE_TYPE_DOMAIN_CONTACT;
import static dev.openpeople.people.person.ReadSources.READ_SOURCE_TYPE_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code sources} parameter: per-method defaults, UNSPECIFIED, repeats. */
class ReadSourcesTest {
  @Test
  void noValuesMeanTheMethodsDefault() {
    assertThat(ReadSources.parse(List.of(), ReadSources.CONTACT_AND_PROFILE))
        .containsExactlyInAnyOrder(READ_SOURCE_TYPE_CONTACT, READ_SOURCE_TYPE_PROFILE);
    assertThat(ReadSources.parse(List.of(), ReadSources.CONTACT))
        .containsExactly(READ_SOURCE_TYPE_CONTACT);
  }

  @Test
  void unspecifiedAloneMeansTheDefaultAndIsDroppedBesideOthers() {
    assertThat(ReadSources.parse(List.of("READ_SOURCE_TYPE_UNSPECIFIED"), ReadSources.CONTACT))
        .containsExactly(READ_SOURCE_TYPE_CONTACT);
    assertThat(
            ReadSources.parse(
                List.of("READ_SOURCE_TYPE_UNSPECIFIED", "READ_SOURCE_TYPE_PROFILE"),
                ReadSources.CONTACT))
        .containsExactly(READ_SOURCE_TYPE_PROFILE);
  }

  @Test
  void givenValuesReplaceTheDefaultAndRepeatsCountOnce() {
    assertThat(
            ReadSources.parse(
                List.of(
                    "READ_SOURCE_TYPE_DOMAIN_CONTACT",
                    "READ_SOURCE_TYPE_DOMAIN_CONTACT",
                    "READ_SOURCE_TYPE_CONTACT"),
                ReadSources.CONTACT_AND_PROFILE))
        .containsExactly(READ_SOURCE_TYPE_CONTACT, READ_SOURCE_TYPE_DOMAIN_CONTACT);
  }
}

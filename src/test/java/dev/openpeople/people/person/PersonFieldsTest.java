// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Field masks: personFields, readMask, updatePersonFields and their edge cases. */
class PersonFieldsTest {
  private static final String DOCS = "https://developers.google.com/people/api/rest/v1/people/get";

  @Test
  void parsesPathsInOrderTrimmedAndWithoutDuplicates() {
    assertThat(PersonFields.required(" names , emailAddresses,names", "personFields", readable()))
        .containsExactly("names", "emailAddresses");
  }

  @Test
  void acceptsTheDeprecatedPersonPrefixAndSkipsEmptyPaths() {
    assertThat(PersonFields.required("person.names,,person.photos,", "personFields", readable()))
        .containsExactly("names", "photos");
  }

  @Test
  void aMissingOrBlankRequiredMaskIsA400NamingTheParameter() {
    for (String mask : new String[] {null, "", "  ", ",", " , "}) {
      assertThatThrownBy(() -> PersonFields.required(mask, "readMask", readable()))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.INVALID_ARGUMENT))
          .hasMessage(
              "readMask mask is required. Please specify one or more valid paths. Valid paths"
                  + " are documented at "
                  + DOCS
                  + ".");
    }
  }

  @Test
  void anUnknownPathIsA400NamingThePath() {
    assertThatThrownBy(() -> PersonFields.required("names,nmaes", "personFields", readable()))
        .isInstanceOf(ApiException.class)
        .hasMessage(
            "Invalid personFields mask path: \"nmaes\". Valid paths are documented at "
                + DOCS
                + ".");
    // Paths are case-sensitive, as Google's are.
    assertThatThrownBy(() -> PersonFields.required("Names", "personFields", readable()))
        .hasMessageContaining("\"Names\"");
  }

  @Test
  void aPathOutsideTheMethodsSetIsRefusedEvenIfReadableElsewhere() {
    assertThatThrownBy(() -> PersonFields.required("photos", "updatePersonFields", writable()))
        .hasMessageContaining("Invalid updatePersonFields mask path: \"photos\"");
    assertThat(PersonFields.required("names", "updatePersonFields", writable()))
        .containsExactly("names");
  }

  @Test
  void anOptionalMaskFallsBackOnlyWhenAbsentOrBlank() {
    Set<String> fallback = Set.of("names");
    assertThat(PersonFields.optional(null, "readMask", readable(), fallback)).isSameAs(fallback);
    assertThat(PersonFields.optional(" ", "readMask", readable(), fallback)).isSameAs(fallback);
    assertThat(PersonFields.optional("photos", "readMask", readable(), fallback))
        .containsExactly("photos");
    assertThatThrownBy(() -> PersonFields.optional(",", "readMask", readable(), fallback))
        .hasMessageStartingWith("readMask mask is required.");
  }

  @Test
  void writablePathsAreReadableAndSingletonsAreWritable() {
    assertThat(PersonFields.READABLE).containsAll(PersonFields.WRITABLE);
    assertThat(PersonFields.WRITABLE).containsAll(PersonFields.SINGLETONS);
    assertThat(PersonFields.READABLE).isSorted().doesNotHaveDuplicates();
    assertThat(readable()).hasSameSizeAs(PersonFields.READABLE);
  }

  private static Set<String> readable() {
    return PersonFields.readable();
  }

  private static Set<String> writable() {
    return PersonFields.WRITABLE;
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.person;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.listing.Rejection;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The People API's answer to each refused token: status and exact text. */
class PeopleListingsTest {
  private final Function<Rejection, ApiException> errors =
      PeopleListings.rejection("readMask and pageSize");

  private ApiException answer(Rejection rejection) {
    return errors.apply(rejection);
  }

  @Test
  void invalidTokensAre400sNamingTheToken() {
    ApiException page = answer(new Rejection.Invalid(Rejection.Token.PAGE));
    assertThat(page.error()).isEqualTo(ApiError.INVALID_ARGUMENT);
    assertThat(page).hasMessage("The page token is invalid.");
    assertThat(answer(new Rejection.Invalid(Rejection.Token.SYNC)))
        .hasMessage("The sync token is invalid.");
  }

  @Test
  void mismatchesNameTheTokenAndTheBoundParameters() {
    ApiException page = answer(new Rejection.Mismatch(Rejection.Token.PAGE));
    assertThat(page.error()).isEqualTo(ApiError.INVALID_ARGUMENT);
    assertThat(page)
        .hasMessage(
            "Request parameters must match the first call that provided the pageToken: readMask"
                + " and pageSize.");
    assertThat(answer(new Rejection.Mismatch(Rejection.Token.SYNC)))
        .hasMessage(
            "Request parameters must match the first call that provided the syncToken: readMask"
                + " and pageSize.");
  }

  @Test
  void anExpiredSyncTokenIsGooglesExpiredSyncTokenAndAnExpiredPageTokenA400() {
    ApiException sync = answer(new Rejection.Expired(Rejection.Token.SYNC));
    assertThat(sync.error()).isEqualTo(ApiError.EXPIRED_SYNC_TOKEN);
    assertThat(sync.error().httpStatus()).isEqualTo(400);
    ApiException page = answer(new Rejection.Expired(Rejection.Token.PAGE));
    assertThat(page.error()).isEqualTo(ApiError.INVALID_ARGUMENT);
    assertThat(page).hasMessage("The page token has expired; restart the listing.");
  }
}

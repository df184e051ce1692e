// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.listing.Cursor;
import dev.openpeople.server.ApiRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contacts feed's query parameters: defaults, limits, formats and rejections. */
class GDataQueryTest {
  private static GDataQuery parse(String... pairs) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      query.put(pairs[i], List.of(pairs[i + 1]));
    }
    return GDataQuery.parse(
        new ApiRequest(
            "GET",
            "http://127.0.0.1:8080",
            "/m8/feeds/contacts/example.com/full",
            query,
            ApiRequest.headerMap(),
            new byte[0]));
  }

  private static void assertInvalid(String message, String... pairs) {
    assertThatThrownBy(() -> parse(pairs))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.GDATA_INVALID))
        .hasMessage(message);
  }

  @Test
  void defaultsToTheFirstTwentyFiveLiveEntriesInStoreOrder() {
    assertThat(parse())
        .isEqualTo(new GDataQuery(25, 1, null, false, false, false, false, null, null));
    assertThat(parse().after()).isNull();
  }

  @Test
  void pagingParameters() {
    GDataQuery query = parse("max-results", "7", "start-index", "11");
    assertThat(query.maxResults()).isEqualTo(7);
    assertThat(query.startIndex()).isEqualTo(11);
    assertThat(parse("max-results", "0").maxResults()).isZero();
    assertThat(parse("max-results", "999999999").maxResults())
        .isEqualTo(GDataQuery.MAX_RESULTS_CAP);
    assertThat(parse("max-results", " 3 ").maxResults()).isEqualTo(3);
    assertInvalid("Invalid value for max-results: -1", "max-results", "-1");
    assertInvalid("Invalid value for start-index: 0", "start-index", "0");
    assertInvalid("Invalid value for max-results: ten", "max-results", "ten");
    assertInvalid(
        "Invalid value for start-index: 99999999999999999999",
        "start-index",
        "99999999999999999999");
  }

  @Test
  void updatedMinAcceptsRfc3339WithOrWithoutZoneAndBareDates() {
    assertThat(parse("updated-min", "2026-03-01T10:00:00.5+02:00").updatedMin())
        .isEqualTo(Instant.parse("2026-03-01T08:00:00.500Z"));
    assertThat(parse("updated-min", "2026-03-01T10:00:00").updatedMin())
        .isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    assertThat(parse("updated-min", "2026-03-01").updatedMin())
        .isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(parse("updated-min", "").updatedMin()).isNull();
    assertInvalid("Invalid value for updated-min: yesterday", "updated-min", "yesterday");
    assertInvalid("Invalid value for updated-min: 2026-13-01", "updated-min", "2026-13-01");
  }

  @Test
  void booleansAreTrueFalseOrAbsent() {
    assertThat(parse("showdeleted", "true").showDeleted()).isTrue();
    assertThat(parse("showdeleted", "false").showDeleted()).isFalse();
    assertThat(parse("requirealldeleted", "true").requireAllDeleted()).isTrue();
    assertInvalid("Invalid value for showdeleted: yes", "showdeleted", "yes");
    assertInvalid("Invalid value for showdeleted: TRUE", "showdeleted", "TRUE");
  }

  @Test
  void ordering() {
    GDataQuery query = parse("orderby", "lastmodified", "sortorder", "descending");
    assertThat(query.byLastModified()).isTrue();
    assertThat(query.descending()).isTrue();
    assertThat(parse("orderby", "edited").byLastModified()).isTrue();
    assertThat(parse("sortorder", "ascending").descending()).isFalse();
    assertInvalid("Invalid value for orderby: name", "orderby", "name");
    assertInvalid("Invalid value for sortorder: up", "sortorder", "up");
  }

  @Test
  void fullTextQueryIsTrimmedLowerCasedAndSpaceCollapsed() {
    assertThat(parse("q", "  Ada \t LOVELACE ").text()).isEqualTo("ada lovelace");
    assertThat(parse("q", "   ").text()).isNull();
  }

  @Test
  void atomJsonAndRssAreServed() {
    assertThat(parse("alt", "atom").maxResults()).isEqualTo(25);
    assertThat(parse("alt", "json").maxResults()).isEqualTo(25);
    assertThat(parse("alt", "rss").maxResults()).isEqualTo(25);
    assertInvalid("Invalid value for alt: csv (atom, json or rss).", "alt", "csv");
  }

  @Test
  void unknownParametersAreIgnoredUnlessStrict() {
    assertThat(parse("color", "blue").maxResults()).isEqualTo(25);
    assertThat(parse("strict", "true", "max-results", "2").maxResults()).isEqualTo(2);
    assertInvalid("Unknown parameter: color", "strict", "true", "color", "blue");
  }

  @Test
  void startKeyMustMatchTheOrderItContinues() {
    assertThat(parse("start-key", "1f").startKey()).isEqualTo("1f");
    assertThat(parse("orderby", "lastmodified", "start-key", "12.34").startKey())
        .isEqualTo("12.34");
    assertThat(parse("start-key", "").startKey()).isNull();
    assertInvalid("Invalid value for start-key: 12.34", "start-key", "12.34");
    assertInvalid("Invalid value for start-key: 1f", "orderby", "lastmodified", "start-key", "1f");
    assertInvalid("Invalid value for start-key: XYZ", "start-key", "XYZ");
  }

  @Test
  void startKeyIsTheListingCursorItWasMadeFrom() {
    GDataQuery byId = parse("start-key", "1f");
    assertThat(byId.after()).isEqualTo(new Cursor("1f", 0, 0));
    assertThat(byId.startKey(new Cursor("2a", 9, 1234))).isEqualTo("2a");
    GDataQuery byTime = parse("orderby", "lastmodified", "start-key", "1234.9");
    assertThat(byTime.after()).isEqualTo(new Cursor("", 9, 1234));
    assertThat(byTime.startKey(new Cursor("2a", 9, 1234))).isEqualTo("1234.9");
  }
}

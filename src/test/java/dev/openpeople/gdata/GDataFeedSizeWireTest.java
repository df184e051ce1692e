// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import static dev.openpeople.gdata.GDataWireTest.ADMIN;
import static dev.openpeople.gdata.GDataWireTest.FEED;
import static dev.openpeople.gdata.GDataWireTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.OpenPeopleServerExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No feed response is over 10 MB: a shorter page with a next link instead
 * (https://developers.google.com/admin-sdk/domain-shared-contacts, "Contacts feed": results over 10
 * MB are truncated).
 */
class GDataFeedSizeWireTest {
  @RegisterExtension static final OpenPeopleServerExtension SERVER = GDataWireTest.SERVER;

  @Test
  void largeFeedIsCutAtTenMegabytesWithANextLink() throws Exception {
    String notes = "n".repeat(120 * 1024);
    // Two batches of 50: one of 100 would be over the 10 MiB request limit.
    for (int half = 0; half < 2; half++) {
      StringBuilder batch =
          new StringBuilder(
              "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:gd='http://schemas.google.com/g/2005'"
                  + " xmlns:batch='http://schemas.google.com/gdata/batch'>");
      for (int i = half * 50; i < half * 50 + 50; i++) {
        batch.append("<entry><batch:id>").append(i).append("</batch:id>");
        batch.append("<batch:operation type='insert'/><gd:name><gd:fullName>Big ").append(i);
        batch.append("</gd:fullName></gd:name><content type='text'>").append(notes);
        batch.append("</content></entry>");
      }
      batch.append("</feed>");
      HttpResponse<String> inserted = send("POST", FEED + "/batch", ADMIN, batch.toString());
      assertThat(inserted.statusCode()).isEqualTo(200);
      assertThat(inserted.body().split("code='201'", -1)).hasSize(51);
    }

    HttpResponse<String> page = send("GET", FEED + "?max-results=100", ADMIN, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(10 << 20);
    int entries = page.body().split("<entry ", -1).length - 1;
    assertThat(entries).isBetween(50, 99);
    assertThat(page.body()).contains("<openSearch:totalResults>100</openSearch:totalResults>");
    Matcher next =
        Pattern.compile("rel='next' type='application/atom\\+xml' href='([^']+)'")
            .matcher(page.body());
    assertThat(next.find()).isTrue();
    assertThat(next.group(1)).contains("start-index=" + (entries + 1));
    String rest = next.group(1).replace("&amp;", "&").replace(SERVER.baseUrl(), "/");
    HttpResponse<String> second = send("GET", rest, ADMIN, null);
    assertThat(second.body().split("<entry ", -1).length - 1).isEqualTo(100 - entries);
    assertThat(second.body()).doesNotContain("rel='next'");
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gdata.data.batch.BatchInterrupted;
import com.google.gdata.data.batch.BatchUtils;
import com.google.gdata.data.contacts.ContactFeed;
import dev.openpeople.OpenPeopleServerExtension;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A batch feed that breaks off midway runs what was read and answers batch:interrupted. */
class GDataBatchInterruptedWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final String ADMIN = "admin@interrupt.example.com";
  private static final String FEED = "/m8/feeds/contacts/interrupt.example.com/full";

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    return SERVER.gdata(method, path, ADMIN, body);
  }

  private static String entry(String batchId, String name) {
    return "<entry><batch:id>"
        + batchId
        + "</batch:id><batch:operation type='insert'/>"
        + "<category scheme='http://schemas.google.com/g/2005#kind'"
        + " term='http://schemas.google.com/contact/2008#contact'/>"
        + "<gd:name><gd:fullName>"
        + name
        + "</gd:fullName></gd:name></entry>";
  }

  @Test
  void truncatedBatchRunsTheEntriesReadAndReportsInterrupted() throws Exception {
    String body =
        "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:gd='http://schemas.google.com/g/2005'"
            + " xmlns:batch='http://schemas.google.com/gdata/batch'>"
            + entry("a", "Ann First")
            + entry("b", "Bob Second")
            + "<entry><batch:id>c</batch:id><gd:name><gd:fullName>Broken";
    HttpResponse<String> response = send("POST", FEED + "/batch", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

    // The official client's parser reads the interruption from the last entry.
    ContactFeed feed = new ContactFeed();
    feed.declareExtensions(GDataClients.contacts(ADMIN).getExtensionProfile());
    feed.parseAtom(
        GDataClients.contacts(ADMIN).getExtensionProfile(),
        new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    assertThat(feed.getEntries()).hasSize(3);
    assertThat(BatchUtils.getBatchStatus(feed.getEntries().get(0)).getCode()).isEqualTo(201);
    BatchInterrupted interrupted = BatchUtils.getBatchInterrupted(feed.getEntries().get(2));
    assertThat(interrupted).isNotNull();
    assertThat(interrupted.getTotalCount()).isEqualTo(2);
    assertThat(interrupted.getSuccessCount()).isEqualTo(2);
    assertThat(interrupted.getErrorCount()).isZero();
    assertThat(interrupted.getReason()).startsWith("Parse error");

    HttpResponse<String> list = send("GET", FEED, null);
    assertThat(list.body()).contains("Ann First").contains("Bob Second").doesNotContain("Broken");
  }
}

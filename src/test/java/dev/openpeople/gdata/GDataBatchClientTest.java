// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gdata.client.contacts.ContactsService;
import com.google.gdata.data.Link;
import com.google.gdata.data.batch.BatchOperationType;
import com.google.gdata.data.batch.BatchUtils;
import com.google.gdata.data.contacts.ContactEntry;
import com.google.gdata.data.contacts.ContactFeed;
import dev.openpeople.OpenPeopleServerExtension;
import java.net.URI;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Batch requests through the GData Java client
 * (https://developers.google.com/admin-sdk/domain-shared-contacts, "Perform batch operations").
 */
class GDataBatchClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final String ADMIN = "admin@batch.example.com";
  private static final String DOMAIN = "batch.example.com";

  @Test
  void batchRunsEachOperationWithItsOwnStatus() throws Exception {
    ContactsService client = GDataClients.contacts(ADMIN);
    URL feedUrl = GDataClients.feed(SERVER, DOMAIN, "full");
    ContactEntry existing =
        client.insert(feedUrl, GDataContactsClientTest.richEntry("Existing", "One"));
    ContactEntry doomed =
        client.insert(feedUrl, GDataContactsClientTest.richEntry("Doomed", "Two"));
    ContactFeed feed = client.getFeed(feedUrl, ContactFeed.class);
    URL batchUrl = URI.create(feed.getLink(Link.Rel.FEED_BATCH, Link.Type.ATOM).getHref()).toURL();

    ContactFeed request = new ContactFeed();
    ContactEntry insert = GDataContactsClientTest.richEntry("Batch", "Inserted");
    BatchUtils.setBatchId(insert, "create-1");
    BatchUtils.setBatchOperationType(insert, BatchOperationType.INSERT);
    request.getEntries().add(insert);
    existing.getName().getFullName().setValue("Existing Updated");
    BatchUtils.setBatchId(existing, "update-1");
    BatchUtils.setBatchOperationType(existing, BatchOperationType.UPDATE);
    request.getEntries().add(existing);
    BatchUtils.setBatchId(doomed, "delete-1");
    BatchUtils.setBatchOperationType(doomed, BatchOperationType.DELETE);
    request.getEntries().add(doomed);
    ContactEntry stale = new ContactEntry();
    stale.setId(existing.getId());
    stale.setEtag("\"stale\"");
    BatchUtils.setBatchId(stale, "update-stale");
    BatchUtils.setBatchOperationType(stale, BatchOperationType.UPDATE);
    request.getEntries().add(stale);
    ContactEntry missing = new ContactEntry();
    missing.setId(feedUrl.toString().replace("/full", "/base") + "/abcdef");
    BatchUtils.setBatchId(missing, "query-missing");
    BatchUtils.setBatchOperationType(missing, BatchOperationType.QUERY);
    request.getEntries().add(missing);

    ContactFeed response = client.batch(batchUrl, request);
    Map<String, Integer> codes = new HashMap<>();
    Map<String, ContactEntry> entries = new HashMap<>();
    for (ContactEntry entry : response.getEntries()) {
      codes.put(BatchUtils.getBatchId(entry), BatchUtils.getBatchStatus(entry).getCode());
      entries.put(BatchUtils.getBatchId(entry), entry);
    }
    assertThat(codes)
        .containsEntry("create-1", 201)
        .containsEntry("update-1", 200)
        .containsEntry("delete-1", 200)
        .containsEntry("update-stale", 412)
        .containsEntry("query-missing", 404);
    assertThat(entries.get("create-1").getName().getFullName().getValue())
        .isEqualTo("Batch Inserted");
    assertThat(entries.get("update-1").getTitle().getPlainText()).isEqualTo("Existing Updated");

    ContactFeed after = client.getFeed(feedUrl, ContactFeed.class);
    assertThat(after.getEntries())
        .extracting(e -> e.getTitle().getPlainText())
        .containsExactlyInAnyOrder("Existing Updated", "Batch Inserted");
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gdata.client.contacts.ContactQuery;
import com.google.gdata.client.contacts.ContactsService;
import com.google.gdata.data.DateTime;
import com.google.gdata.data.Link;
import com.google.gdata.data.contacts.ContactEntry;
import com.google.gdata.data.contacts.ContactFeed;
import com.google.gdata.data.extensions.ExtendedProperty;
import dev.openpeople.OpenPeopleServerExtension;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Feed reads through the GData Java client: paging, projections, updated-min, showdeleted. */
class GDataFeedClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final String ADMIN = "admin@feed.example.com";
  private static final String DOMAIN = "feed.example.com";

  private ContactsService client;

  @BeforeEach
  void setUp() throws Exception {
    SERVER.reset();
    client = GDataClients.contacts(ADMIN);
  }

  private ContactEntry insert(String given) throws Exception {
    return client.insert(
        GDataClients.feed(SERVER, DOMAIN, "full"),
        GDataContactsClientTest.richEntry(given, "Tester"));
  }

  private void advance(long seconds) throws Exception {
    SERVER.call("POST", "/emulator/v1/clock:advance", null, "{\"seconds\":" + seconds + "}");
  }

  @Test
  void pagesFollowNextLinksWithOpenSearchTotals() throws Exception {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      ids.add(insert("P" + i).getId());
    }
    ContactQuery query = new ContactQuery(GDataClients.feed(SERVER, DOMAIN, "full"));
    query.setMaxResults(2);
    ContactFeed page = client.query(query, ContactFeed.class);
    assertThat(page.getTotalResults()).isEqualTo(5);
    assertThat(page.getStartIndex()).isEqualTo(1);
    assertThat(page.getItemsPerPage()).isEqualTo(2);
    Set<String> seen = new HashSet<>();
    int pages = 0;
    while (true) {
      pages++;
      page.getEntries().forEach(e -> seen.add(e.getId()));
      Link next = page.getNextLink();
      if (next == null) {
        break;
      }
      page = client.getFeed(URI.create(next.getHref()).toURL(), ContactFeed.class);
      assertThat(page.getPreviousLink()).isNotNull();
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).isEqualTo(ids);
  }

  @Test
  void projectionsControlExtendedProperties() throws Exception {
    ContactEntry entry = GDataContactsClientTest.richEntry("Proj", "Tester");
    ExtendedProperty second = new ExtendedProperty();
    second.setName("tier");
    second.setValue("gold");
    entry.addExtendedProperty(second);
    ContactEntry created = client.insert(GDataClients.feed(SERVER, DOMAIN, "full"), entry);
    String id = created.getId().substring(created.getId().lastIndexOf('/') + 1);
    ContactEntry thin =
        client.getEntry(
            URI.create(GDataClients.feed(SERVER, DOMAIN, "thin") + "/" + id).toURL(),
            ContactEntry.class);
    assertThat(thin.getExtendedProperties()).isEmpty();
    assertThat(thin.getName().getGivenName().getValue()).isEqualTo("Proj");
    ContactEntry tier =
        client.getEntry(
            URI.create(GDataClients.feed(SERVER, DOMAIN, "property-tier") + "/" + id).toURL(),
            ContactEntry.class);
    assertThat(tier.getExtendedProperties())
        .extracting(ExtendedProperty::getName)
        .containsExactly("tier");

    // A write through property-tier changes only that property; crm-id survives.
    tier.getExtendedProperties().get(0).setValue("platinum");
    tier.update();
    // A write through thin keeps every extended property.
    thin = client.getEntry(URI.create(thin.getSelfLink().getHref()).toURL(), ContactEntry.class);
    thin.update();
    ContactEntry full =
        client.getEntry(URI.create(created.getSelfLink().getHref()).toURL(), ContactEntry.class);
    assertThat(full.getExtendedProperties())
        .extracting(p -> p.getName() + "=" + p.getValue())
        .containsExactlyInAnyOrder("crm-id=A-1042", "tier=platinum");
  }

  @Test
  void updatedMinWithShowDeletedReturnsChangesAndTombstones() throws Exception {
    ContactEntry unchanged = insert("Old");
    ContactEntry toChange = insert("Change");
    ContactEntry toDelete = insert("Gone");
    advance(60);
    ContactFeed probe =
        client.getFeed(GDataClients.feed(SERVER, DOMAIN, "full"), ContactFeed.class);
    DateTime since = probe.getUpdated();
    advance(1);
    toChange.getName().getFullName().setValue("Changed Tester");
    toChange.update();
    toDelete.delete();

    ContactQuery query = new ContactQuery(GDataClients.feed(SERVER, DOMAIN, "full"));
    query.setUpdatedMin(since);
    query.setShowDeleted(true);
    query.setOrderBy(ContactQuery.OrderBy.LAST_MODIFIED);
    query.setSortOrder(ContactQuery.SortOrder.ASCENDING);
    ContactFeed delta = client.query(query, ContactFeed.class);
    List<String> ids = new ArrayList<>();
    delta.getEntries().forEach(e -> ids.add(e.getId() + (e.hasDeleted() ? " deleted" : "")));
    assertThat(ids).containsExactly(toChange.getId(), toDelete.getId() + " deleted");
    assertThat(ids).doesNotContain(unchanged.getId());

    query.setShowDeleted(false);
    ContactFeed live = client.query(query, ContactFeed.class);
    assertThat(live.getEntries()).extracting(ContactEntry::getId).containsExactly(toChange.getId());
  }

  @Test
  void updatedMinWithShowDeletedPagesChangesAndTombstonesThroughNextLinks() throws Exception {
    List<ContactEntry> entries = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      entries.add(insert("Paged" + i));
    }
    advance(60);
    DateTime since =
        client.getFeed(GDataClients.feed(SERVER, DOMAIN, "full"), ContactFeed.class).getUpdated();
    advance(1);
    List<String> changes = new ArrayList<>();
    for (int i = 0; i < 7; i += 2) {
      ContactEntry entry = entries.get(i);
      if (i % 4 == 0) {
        entry.getName().getFullName().setValue("Changed " + i);
        entry.update();
        changes.add(entry.getId());
      } else {
        entry.delete();
        changes.add(entry.getId() + " deleted");
      }
    }
    for (ContactQuery.OrderBy order :
        new ContactQuery.OrderBy[] {null, ContactQuery.OrderBy.LAST_MODIFIED}) {
      ContactQuery query = new ContactQuery(GDataClients.feed(SERVER, DOMAIN, "full"));
      query.setUpdatedMin(since);
      query.setShowDeleted(true);
      query.setMaxResults(3);
      if (order != null) {
        query.setOrderBy(order);
      }
      ContactFeed page = client.query(query, ContactFeed.class);
      List<String> seen = new ArrayList<>();
      List<Integer> starts = new ArrayList<>();
      while (true) {
        assertThat(page.getTotalResults()).isEqualTo(4);
        starts.add(page.getStartIndex());
        page.getEntries().forEach(e -> seen.add(e.getId() + (e.hasDeleted() ? " deleted" : "")));
        Link next = page.getNextLink();
        if (next == null) {
          break;
        }
        assertThat(next.getHref()).contains("updated-min=").contains("showdeleted=true");
        page = client.getFeed(URI.create(next.getHref()).toURL(), ContactFeed.class);
      }
      assertThat(starts).as("start-index of each page").containsExactly(1, 4);
      if (order == null) {
        assertThat(seen).containsExactlyInAnyOrderElementsOf(changes);
      } else {
        assertThat(seen).as("oldest change first").containsExactlyElementsOf(changes);
      }
    }
  }

  @Test
  void tombstonesArePurgedAfterThirtyDays() throws Exception {
    ContactEntry gone = insert("Purged");
    gone.delete();
    ContactQuery query = new ContactQuery(GDataClients.feed(SERVER, DOMAIN, "full"));
    query.setShowDeleted(true);
    assertThat(client.query(query, ContactFeed.class).getEntries()).hasSize(1);
    advance(31L * 86400);
    SERVER
        .server()
        .storage()
        .purgeDomainTombstones(SERVER.server().clock().instant().minusSeconds(30L * 86400));
    assertThat(client.query(query, ContactFeed.class).getEntries()).isEmpty();
  }

  @Test
  void fullTextQueryMatchesWordPrefixes() throws Exception {
    ContactEntry ada = insert("Ada");
    insert("Bob");
    ContactQuery query = new ContactQuery(GDataClients.feed(SERVER, DOMAIN, "full"));
    query.setFullTextQuery("ad");
    ContactFeed found = client.query(query, ContactFeed.class);
    assertThat(found.getEntries()).extracting(ContactEntry::getId).containsExactly(ada.getId());
    assertThat(found.getTotalResults()).isEqualTo(1);
  }

  @Test
  void descendingLastModifiedOrdersNewestFirst() throws Exception {
    ContactEntry first = insert("First");
    advance(1);
    ContactEntry second = insert("Second");
    ContactQuery query = new ContactQuery(GDataClients.feed(SERVER, DOMAIN, "full"));
    query.setOrderBy(ContactQuery.OrderBy.LAST_MODIFIED);
    query.setSortOrder(ContactQuery.SortOrder.DESCENDING);
    assertThat(client.query(query, ContactFeed.class).getEntries())
        .extracting(ContactEntry::getId)
        .containsExactly(second.getId(), first.getId());
    assertThat(URI.create(second.getId()).getPath()).contains("/base/");
  }
}

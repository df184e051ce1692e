// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactService;
import dev.openpeople.contact.ContactStore;
import dev.openpeople.contact.Cursor;
import dev.openpeople.contact.SortOrder;
import dev.openpeople.contact.UserSession;
import dev.openpeople.error.ApiException;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.Json;
import dev.openpeople.server.Operation;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;
import dev.openpeople.token.ListToken;
import dev.openpeople.token.TokenSigner;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The {@code people.connections} resource: connections.list with keyset paging, and sync tokens
 * whose incremental reads scan only the change log (digest §5).
 */
final class PeopleConnectionsRoutes implements Routes {
  private static final String METHOD = Operation.PEOPLE_CONNECTIONS_LIST.discoveryId();

  private final ContactService contacts;
  private final Persons persons;
  private final SyncListing listing;

  PeopleConnectionsRoutes(
      ContactService contacts, ContactBodies bodies, Persons persons, TokenSigner signer) {
    this.contacts = contacts;
    this.persons = persons;
    this.listing = new SyncListing(METHOD, signer);
  }

  @Override
  public void define(Router router) {
    router.on(Operation.PEOPLE_CONNECTIONS_LIST, this::list);
  }

  /** The parsed request: the fields to render and the listing's paging parameters. */
  private record Query(Set<String> fields, Set<ReadSources> sources, SyncListing.Request listing) {}

  ApiReply list(ApiCall call) {
    if (!call.pathVar("peopleId").equals("me")) {
      throw ApiException.invalid("resourceName must be people/me.");
    }
    Query query = parse(call);
    String pageToken = call.param("pageToken");
    String syncToken = call.param("syncToken");
    String email = call.caller().email();
    Instant now = contacts.now();
    return ApiReply.json(
        contacts
            .storage()
            .read(
                email,
                session -> {
                  ListToken position =
                      listing.position(
                          session.user().id(),
                          session.user().lastSeq(),
                          query.listing(),
                          pageToken,
                          syncToken,
                          now);
                  SyncListing.Page page =
                      listing.page(source(session, query), query.listing(), position);
                  return render(session.user().email(), query, page, call.request().origin());
                }));
  }

  private static SyncListing.Source source(UserSession session, Query query) {
    ContactStore store = session.contacts();
    SortOrder order = query.listing().order();
    return new SyncListing.Source() {
      @Override
      public long countLive(long maxSeq) {
        return store.countLive(maxSeq);
      }

      @Override
      public long countChanges(long afterSeq, long maxSeq) {
        return store.countChanges(afterSeq, maxSeq);
      }

      @Override
      public List<Contact> page(@Nullable Cursor after, long maxSeq, int limit) {
        return store.page(order, after, maxSeq, limit);
      }

      @Override
      public List<Contact> changes(long afterSeq, long maxSeq, int limit) {
        return store.changes(afterSeq, maxSeq, limit);
      }
    };
  }

  private static Query parse(ApiCall call) {
    Set<String> fields = PeopleRoutes.readMask(call);
    Set<ReadSources> sources = PeopleRoutes.sources(call);
    int pageSize = call.pageSize(1000);
    String sort = call.param("sortOrder");
    SortOrder order =
        sort == null || sort.equals("LAST_MODIFIED_ASCENDING") || sort.isEmpty()
            ? SortOrder.LAST_MODIFIED_ASCENDING
            : SortOrder.valueOf(sort);
    boolean requestSyncToken = call.boolParam("requestSyncToken");
    String fieldList = String.join(",", new TreeSet<>(fields));
    String sourceList = String.join(",", new TreeSet<>(sources.stream().map(Enum::name).toList()));
    // Sync tokens bind what shapes the result; page tokens also bind how it is paged.
    String syncBinding = ListToken.fingerprint(List.of(fieldList, sourceList, order.name()));
    String pageBinding =
        ListToken.fingerprint(
            List.of(
                fieldList,
                sourceList,
                order.name(),
                Integer.toString(pageSize),
                Boolean.toString(requestSyncToken)));
    return new Query(
        fields,
        sources,
        new SyncListing.Request(
            pageSize == 0 ? 100 : pageSize,
            requestSyncToken,
            order,
            syncBinding,
            pageBinding,
            "personFields, sources, sortOrder, pageSize and requestSyncToken"));
  }

  private ObjectNode render(String email, Query query, SyncListing.Page page, String origin) {
    ObjectNode response = Json.object();
    if (!page.rows().isEmpty()) {
      ArrayNode connections = response.putArray("connections");
      for (Contact contact : page.rows()) {
        connections.add(
            contact.deleted()
                ? Persons.deleted(contact)
                : persons.contact(contact, email, query.fields(), query.sources(), origin));
      }
    }
    if (page.nextPageToken() != null) {
      response.put("nextPageToken", page.nextPageToken());
    }
    if (page.nextSyncToken() != null) {
      response.put("nextSyncToken", page.nextSyncToken());
    }
    if (page.total() > 0) {
      response.put("totalPeople", page.total());
      response.put("totalItems", page.total());
    }
    return response;
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactService;
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

/**
 * The {@code people.connections} resource: connections.list with keyset paging, and sync tokens
 * whose incremental reads scan only the change log (digest §5).
 */
final class PeopleConnectionsRoutes implements Routes {
  private static final String METHOD = Operation.PEOPLE_CONNECTIONS_LIST.discoveryId();

  private final ContactService contacts;
  private final Persons persons;
  private final TokenSigner signer;
  private final ListPositions positions;

  PeopleConnectionsRoutes(
      ContactService contacts, ContactBodies bodies, Persons persons, TokenSigner signer) {
    this.contacts = contacts;
    this.persons = persons;
    this.signer = signer;
    this.positions =
        new ListPositions(
            signer, METHOD, "personFields, sources, sortOrder, pageSize and requestSyncToken");
  }

  @Override
  public void define(Router router) {
    router.on(Operation.PEOPLE_CONNECTIONS_LIST, this::list);
  }

  /** The parsed request, with the fingerprints its tokens are bound to. */
  private record Query(
      Set<String> fields,
      Set<ReadSources> sources,
      SortOrder order,
      int pageSize,
      boolean requestSyncToken,
      String syncBinding,
      String pageBinding) {}

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
                      positions.start(
                          session.user().id(),
                          query.pageBinding(),
                          query.syncBinding(),
                          pageToken,
                          syncToken,
                          now,
                          session.user().lastSeq());
                  return page(session, query, position, call.request().origin());
                }));
  }

  private static Query parse(ApiCall call) {
    Set<String> fields = PeopleRoutes.readMask(call);
    Set<ReadSources> sources = PeopleRoutes.sources(call);
    int pageSize = call.intParam("pageSize", 0);
    if (pageSize < 0 || pageSize > 1000) {
      throw ApiException.invalid("pageSize must be between 1 and 1000; got %d.", pageSize);
    }
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
        order,
        pageSize == 0 ? 100 : pageSize,
        requestSyncToken,
        syncBinding,
        pageBinding);
  }

  private ObjectNode page(UserSession session, Query query, ListToken start, String origin) {
    boolean incremental = start.sinceSeq() >= 0;
    // Counted once per listing and carried in the page tokens, so later pages stay O(page size).
    ListToken at =
        start.total() >= 0
            ? start
            : start.withTotal(
                incremental
                    ? session.contacts().countChanges(start.sinceSeq(), start.snapshotSeq())
                    : session.contacts().countLive(start.snapshotSeq()));
    boolean first = at.cursorId() == 0 && at.cursorSeq() == 0;
    Cursor cursor = first ? null : new Cursor(at.cursorKey(), at.cursorSeq(), at.cursorId());
    List<Contact> rows =
        incremental
            ? session
                .contacts()
                .changes(
                    first ? at.sinceSeq() : at.cursorSeq(), at.snapshotSeq(), query.pageSize() + 1)
            : session
                .contacts()
                .page(query.order(), cursor, at.snapshotSeq(), query.pageSize() + 1);
    boolean more = rows.size() > query.pageSize();
    if (more) {
      rows = rows.subList(0, query.pageSize());
    }
    ObjectNode response = Json.object();
    if (!rows.isEmpty()) {
      ArrayNode connections = response.putArray("connections");
      String email = session.user().email();
      for (Contact contact : rows) {
        connections.add(
            contact.deleted()
                ? Persons.deleted(contact)
                : persons.contact(contact, email, query.fields(), query.sources(), origin));
      }
    }
    if (more) {
      Contact last = rows.get(rows.size() - 1);
      Cursor next =
          Cursor.after(last, incremental ? SortOrder.LAST_MODIFIED_ASCENDING : query.order());
      response.put(
          "nextPageToken",
          ListPositions.next(at, next.key(), next.seq(), next.id()).encode(signer));
    } else if (query.requestSyncToken()) {
      // Seed 000: nextSyncToken only on the last page, and only when requested.
      response.put("nextSyncToken", ListPositions.sync(at, query.syncBinding()).encode(signer));
    }
    if (at.total() > 0) {
      response.put("totalPeople", at.total());
      response.put("totalItems", at.total());
    }
    return response;
  }
}

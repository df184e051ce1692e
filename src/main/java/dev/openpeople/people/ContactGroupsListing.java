// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.ContactGroup;
import dev.openpeople.contact.ContactService;
import dev.openpeople.contact.SystemGroups;
import dev.openpeople.contact.UserSession;
import dev.openpeople.error.ApiException;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.Json;
import dev.openpeople.server.Operation;
import dev.openpeople.token.ListToken;
import dev.openpeople.token.TokenSigner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * contactGroups.list: a full listing (the system groups, then user groups by id, keyset-paged) or,
 * with a sync token, the groups changed since, deleted ones marked (read from the change log, so
 * O(changes)). Every last page carries a nextSyncToken, as Google's do (digest §6).
 */
final class ContactGroupsListing {
  private static final String METHOD = Operation.CONTACT_GROUPS_LIST.discoveryId();
  private static final SystemGroups[] SYSTEM = SystemGroups.values();
  // Token cursor phases (cursorId): where the previous page stopped; 0 is a fresh listing.
  private static final long IN_SYSTEM = 1;
  private static final long IN_USER = 2;
  private static final long IN_CHANGES = 3;

  private final ContactService contacts;
  private final TokenSigner signer;
  private final ListPositions positions;

  ContactGroupsListing(ContactService contacts, TokenSigner signer) {
    this.contacts = contacts;
    this.signer = signer;
    this.positions = new ListPositions(signer, METHOD, "groupFields and pageSize");
  }

  /** One listed item: a system group, or a user group (live, or a tombstone in a sync). */
  private sealed interface Row permits SystemRow, GroupRow {
    String id();
  }

  private record SystemRow(SystemGroups group, int index) implements Row {
    @Override
    public String id() {
      return group.id();
    }
  }

  private record GroupRow(ContactGroup group) implements Row {
    @Override
    public String id() {
      return group.id();
    }
  }

  ObjectNode list(ApiCall call) {
    Set<String> fields =
        ContactGroups.mask(
            call.param("groupFields"),
            "groupFields",
            ContactGroups.READABLE,
            ContactGroups.DEFAULT_READ);
    int pageSize = call.intParam("pageSize", 0);
    if (pageSize < 0 || pageSize > 1000) {
      throw ApiException.invalid("pageSize must be between 1 and 1000; got %d.", pageSize);
    }
    String fieldList = String.join(",", new TreeSet<>(fields));
    String syncBinding = ListToken.fingerprint(List.of(fieldList));
    String pageBinding = ListToken.fingerprint(List.of(fieldList, Integer.toString(pageSize)));
    int size = pageSize == 0 ? 30 : pageSize;
    Instant now = contacts.now();
    return contacts
        .storage()
        .read(
            call.caller().email(),
            session -> {
              ListToken at =
                  positions.start(
                      session.user().id(),
                      pageBinding,
                      syncBinding,
                      call.param("pageToken"),
                      call.param("syncToken"),
                      now,
                      session.user().lastSeq());
              return page(session, fields, size, at, syncBinding);
            });
  }

  private ObjectNode page(
      UserSession session, Set<String> fields, int size, ListToken start, String syncBinding) {
    boolean incremental = start.sinceSeq() >= 0;
    ListToken at =
        start.total() >= 0
            ? start
            : start.withTotal(
                incremental
                    ? session.groups().countChanges(start.sinceSeq(), start.snapshotSeq())
                    : SYSTEM.length + session.groups().countLive(start.snapshotSeq()));
    List<Row> rows = incremental ? changes(session, at, size + 1) : full(session, at, size + 1);
    boolean more = rows.size() > size;
    if (more) {
      rows = rows.subList(0, size);
    }
    ObjectNode response = Json.object();
    if (!rows.isEmpty()) {
      render(session, rows, fields, response.putArray("contactGroups"));
    }
    if (more) {
      ListToken next =
          switch (rows.get(rows.size() - 1)) {
            case SystemRow last -> ListPositions.next(at, "", last.index(), IN_SYSTEM);
            case GroupRow last when incremental ->
                ListPositions.next(at, "", last.group().seq(), IN_CHANGES);
            case GroupRow last -> ListPositions.next(at, last.group().id(), 0, IN_USER);
          };
      response.put("nextPageToken", next.encode(signer));
    } else {
      response.put("nextSyncToken", ListPositions.sync(at, syncBinding).encode(signer));
    }
    if (at.total() > 0) {
      response.put("totalItems", at.total());
    }
    return response;
  }

  private static List<Row> full(UserSession session, ListToken at, int limit) {
    List<Row> rows = new ArrayList<>(limit);
    if (at.cursorId() != IN_USER) {
      int from = at.cursorId() == IN_SYSTEM ? (int) at.cursorSeq() + 1 : 0;
      for (int i = from; i < SYSTEM.length && rows.size() < limit; i++) {
        rows.add(new SystemRow(SYSTEM[i], i));
      }
    }
    if (rows.size() < limit) {
      String after = at.cursorId() == IN_USER ? at.cursorKey() : null;
      for (ContactGroup group :
          session.groups().page(after, at.snapshotSeq(), limit - rows.size())) {
        rows.add(new GroupRow(group));
      }
    }
    return rows;
  }

  private static List<Row> changes(UserSession session, ListToken at, int limit) {
    long after = at.cursorId() == IN_CHANGES ? at.cursorSeq() : at.sinceSeq();
    List<Row> rows = new ArrayList<>(limit);
    for (ContactGroup group : session.groups().changes(after, at.snapshotSeq(), limit)) {
      rows.add(new GroupRow(group));
    }
    return rows;
  }

  private static void render(
      UserSession session, List<Row> rows, Set<String> fields, ArrayNode out) {
    List<String> ids = rows.stream().map(Row::id).toList();
    Map<String, Long> counts =
        fields.contains("memberCount") ? session.groups().memberCounts(ids) : Map.of();
    for (Row row : rows) {
      long count = counts.getOrDefault(row.id(), 0L);
      out.add(
          switch (row) {
            case SystemRow system -> ContactGroups.system(system.group(), fields, count, null);
            case GroupRow user when user.group().deleted() -> ContactGroups.deleted(user.group());
            case GroupRow user -> ContactGroups.user(user.group(), fields, count, null);
          });
    }
  }
}

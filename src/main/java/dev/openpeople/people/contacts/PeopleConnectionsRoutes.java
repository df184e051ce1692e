// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.contacts;

import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactService;
import dev.openpeople.contact.SortOrder;
import dev.openpeople.error.ApiException;
import dev.openpeople.listing.Listing;
import dev.openpeople.people.person.PeopleListings;
import dev.openpeople.people.person.PersonRequests;
import dev.openpeople.people.person.Persons;
import dev.openpeople.people.person.ReadSources;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.Json;
import dev.openpeople.server.Operation;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;
import dev.openpeople.token.ListToken;
import dev.openpeople.token.TokenSigner;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code people.connections} resource
 * (https://developers.google.com/people/api/rest/v1/people.connections/list): connections.list,
 * keyset-paged, with sync tokens whose incremental reads scan only the change log.
 */
public final class PeopleConnectionsRoutes implements Routes {
  private static final String METHOD = Operation.PEOPLE_CONNECTIONS_LIST.discoveryId();

  private final ContactService contacts;
  private final Persons persons;
  private final Listing listing;

  public PeopleConnectionsRoutes(ContactService contacts, Persons persons, TokenSigner signer) {
    this.contacts = contacts;
    this.persons = persons;
    this.listing =
        PeopleListings.listing(
            METHOD, signer, "personFields, sources, sortOrder, pageSize and requestSyncToken");
  }

  @Override
  public void define(Router router) {
    router.on(Operation.PEOPLE_CONNECTIONS_LIST, this::list);
  }

  /** The parsed request: the fields to render, the order and the listing's parameters. */
  private record Query(
      Set<String> fields, Set<ReadSources> sources, SortOrder order, Listing.Request listing) {}

  /** {@code people.people.connections.list} */
  ApiReply list(ApiCall call) {
    if (!call.pathVar("peopleId").equals("me")) {
      throw ApiException.invalid("resourceName must be people/me.");
    }
    Query query = parse(call);
    String email = call.caller().email();
    Listing.Page<Contact> page = contacts.list(email, listing, query.listing(), query.order());
    return ApiReply.json(render(email, query, page, call.request().origin()));
  }

  private static Query parse(ApiCall call) {
    Set<String> fields = PersonRequests.readMask(call);
    Set<ReadSources> sources = PersonRequests.sources(call);
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
        order,
        new Listing.Request(
            pageSize == 0 ? 100 : pageSize,
            requestSyncToken,
            syncBinding,
            pageBinding,
            call.param("pageToken"),
            call.param("syncToken")));
  }

  private Json.Body render(String email, Query query, Listing.Page<Contact> page, String origin) {
    Persons.Mask mask = new Persons.Mask(query.fields());
    return PeopleListings.response(
        page,
        "connections",
        (out, contact) -> {
          if (contact.deleted()) {
            Persons.writeDeleted(out, contact);
          } else {
            persons.writeContact(out, contact, email, mask, query.sources(), origin);
          }
        },
        out -> {
          if (page.total() > 0) {
            out.writeNumberField("totalPeople", page.total());
            out.writeNumberField("totalItems", page.total());
          }
        });
  }
}

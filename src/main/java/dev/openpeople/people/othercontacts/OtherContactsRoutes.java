// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.othercontacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactIds;
import dev.openpeople.contact.OtherContactService;
import dev.openpeople.contact.User;
import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.listing.Listing;
import dev.openpeople.people.person.ContactBodies;
import dev.openpeople.people.person.PeopleListings;
import dev.openpeople.people.person.PersonFields;
import dev.openpeople.people.person.PersonRequests;
import dev.openpeople.people.person.Persons;
import dev.openpeople.people.person.ReadSources;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.Json;
import dev.openpeople.server.Operation;
import dev.openpeople.server.Principal;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;
import dev.openpeople.token.ListToken;
import dev.openpeople.token.TokenSigner;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The {@code otherContacts} resource
 * (https://developers.google.com/people/api/rest/v1/otherContacts): list with page and sync tokens,
 * search, and the copy into My Contacts.
 */
public final class OtherContactsRoutes implements Routes {
  /**
   * https://developers.google.com/people/api/rest/v1/otherContacts/list: the readMask paths valid
   * with READ_SOURCE_TYPE_CONTACT alone.
   */
  static final Set<String> CONTACT_FIELDS =
      Set.of("emailAddresses", "metadata", "names", "phoneNumbers", "photos");

  /** Discovery: the readMask paths of otherContacts.search. */
  static final Set<String> SEARCH_FIELDS =
      Set.of("emailAddresses", "metadata", "names", "phoneNumbers");

  /** Discovery: the copyMask paths of copyOtherContactToMyContactsGroup. */
  static final Set<String> COPY_FIELDS = Set.of("emailAddresses", "names", "phoneNumbers");

  private static final String METHOD = Operation.OTHER_CONTACTS_LIST.discoveryId();

  private final OtherContactService others;
  private final ContactBodies bodies;
  private final Persons persons;
  private final Listing listing;
  private final FirstPageQuota quota;
  private final boolean strictWarmup;

  public OtherContactsRoutes(
      OtherContactService others,
      ContactBodies bodies,
      Persons persons,
      TokenSigner signer,
      int firstPageQuota,
      boolean strictWarmup) {
    this.others = others;
    this.bodies = bodies;
    this.persons = persons;
    this.listing =
        PeopleListings.listing(METHOD, signer, "readMask, sources, pageSize and requestSyncToken");
    this.quota = new FirstPageQuota(firstPageQuota, others::now, others::countFirstPage);
    this.strictWarmup = strictWarmup;
  }

  @Override
  public void define(Router router) {
    router
        .on(Operation.OTHER_CONTACTS_LIST, this::list)
        .on(Operation.OTHER_CONTACTS_SEARCH, this::search)
        .on(
            Operation.OTHER_CONTACTS_COPY_OTHER_CONTACT_TO_MY_CONTACTS_GROUP,
            this::copyOtherContactToMyContactsGroup);
  }

  /** The parsed list request: the fields to render and the listing's paging parameters. */
  private record Query(Set<String> fields, Set<ReadSources> sources, Listing.Request listing) {}

  /** {@code people.otherContacts.list} */
  ApiReply list(ApiCall call) {
    Query query = parse(call);
    String email = call.caller().email();
    if (query.listing().firstPageOfFullSync()) {
      quota.acquire(email);
    }
    boolean profiles = query.sources().contains(ReadSources.READ_SOURCE_TYPE_PROFILE);
    OtherContactService.OtherContactsPage page =
        others.list(
            email, listing, query.listing(), profiles ? OtherContactsRoutes::emailKey : null);
    return ApiReply.json(render(query, page, call.request().origin()));
  }

  private static Query parse(ApiCall call) {
    Set<ReadSources> sources = listSources(call.params("sources"));
    boolean profile = sources.contains(ReadSources.READ_SOURCE_TYPE_PROFILE);
    Set<String> fields =
        PersonFields.required(
            call.param("readMask"), "readMask", profile ? PersonFields.readable() : CONTACT_FIELDS);
    int pageSize = call.pageSize(1000);
    int size = pageSize == 0 ? 100 : pageSize;
    boolean requestSyncToken = call.boolParam("requestSyncToken");
    String fieldList = String.join(",", new TreeSet<>(fields));
    String sourceList = String.join(",", new TreeSet<>(sources.stream().map(Enum::name).toList()));
    // https://developers.google.com/people/api/rest/v1/otherContacts/list: "When the page_token or
    // sync_token is specified, all other request parameters
    // must match the first call", so both token kinds bind every parameter here.
    String binding =
        ListToken.fingerprint(
            List.of(
                fieldList, sourceList, Integer.toString(size), Boolean.toString(requestSyncToken)));
    return new Query(
        fields,
        sources,
        new Listing.Request(
            size,
            requestSyncToken,
            binding,
            binding,
            call.param("pageToken"),
            call.param("syncToken")));
  }

  /**
   * https://developers.google.com/people/api/rest/v1/otherContacts/list: sources defaults to
   * READ_SOURCE_TYPE_CONTACT; PROFILE is allowed only together with CONTACT, and no other source
   * type is documented for this method.
   */
  static Set<ReadSources> listSources(List<String> values) {
    Set<ReadSources> sources = ReadSources.parse(values, ReadSources.CONTACT);
    for (ReadSources source : sources) {
      if (source != ReadSources.READ_SOURCE_TYPE_CONTACT
          && source != ReadSources.READ_SOURCE_TYPE_PROFILE) {
        throw ApiException.invalid(
            "sources may only be READ_SOURCE_TYPE_CONTACT and READ_SOURCE_TYPE_PROFILE; got %s.",
            source.name());
      }
    }
    if (!sources.contains(ReadSources.READ_SOURCE_TYPE_CONTACT)) {
      throw ApiException.invalid(
          "Specifying READ_SOURCE_TYPE_PROFILE without specifying READ_SOURCE_TYPE_CONTACT is not"
              + " permitted.");
    }
    return sources;
  }

  private Json.Body render(
      Query query, OtherContactService.OtherContactsPage result, String origin) {
    Listing.Page<Contact> page = result.page();
    Persons.Mask mask = new Persons.Mask(query.fields());
    return PeopleListings.response(
        page,
        "otherContacts",
        (out, contact) -> {
          if (contact.deleted()) {
            Persons.writeDeleted(
                out, contact, Persons.otherContactName(contact.id()), "OTHER_CONTACT");
          } else {
            // Profiles are read only with PROFILE among the sources; without, no body is parsed.
            User profile =
                result.profiles().isEmpty() ? null : result.profiles().get(emailKey(contact));
            persons.writeOtherContact(out, contact, mask, query.sources(), profile, origin);
          }
        },
        out -> {
          if (page.total() > 0) {
            out.writeNumberField("totalSize", page.total());
          }
        });
  }

  private static String emailKey(Contact contact) {
    return ContactBodies.emailKey(Json.parseStored(contact.body()));
  }

  /** {@code people.otherContacts.search} */
  ApiReply search(ApiCall call) {
    Set<String> fields = PersonFields.required(call.param("readMask"), "readMask", SEARCH_FIELDS);
    int limit = PersonRequests.limit(call);
    String query = PersonRequests.query(call);
    String email = call.caller().email();
    if (query.isEmpty()) {
      // The warmup request (discovery): succeeds empty; in strict mode it refreshes the "cache".
      if (strictWarmup) {
        // Kept in the database, so a warmup on one node governs searches on every node.
        others.markWarmup(email);
      }
      return ApiReply.json(Json.object());
    }
    // Strict mode: only other contacts unchanged since the last warmup are found.
    long asOf = strictWarmup ? others.warmupSeq(email) : Long.MAX_VALUE;
    List<Contact> found = others.search(email, query, limit, asOf, bodies.phones());
    String origin = call.request().origin();
    return ApiReply.json(
        Persons.searchResults(
            found, c -> persons.otherContact(c, fields, ReadSources.CONTACT, null, origin)));
  }

  /** {@code people.otherContacts.copyOtherContactToMyContactsGroup} */
  ApiReply copyOtherContactToMyContactsGroup(ApiCall call) {
    requireContactsScope(call);
    long otherId = otherContactId(call);
    ObjectNode body = call.bodyObject();
    Set<String> copyMask = PersonFields.required(text(body, "copyMask"), "copyMask", COPY_FIELDS);
    Set<String> fallback = new LinkedHashSet<>(copyMask);
    fallback.add("metadata");
    fallback.add("memberships");
    Set<String> fields =
        PersonFields.optional(
            text(body, "readMask"), "readMask", PersonFields.readable(), fallback);
    // Checked before the copy writes anything.
    Set<ReadSources> sources =
        ReadSources.parse(PersonRequests.sources(body), ReadSources.CONTACT_AND_PROFILE);
    String email = call.caller().email();
    Contact created =
        others.copy(email, otherId, other -> bodies.create(otherId, copyOf(other, copyMask)));
    return ApiReply.json(persons.contact(created, email, fields, sources, call.request().origin()));
  }

  /**
   * Copy writes a contact, so it needs the contacts scope. The discovery document also lists
   * contacts.other.readonly for it; we do not let a read-only grant write (README.md).
   */
  private static void requireContactsScope(ApiCall call) {
    if (!call.caller().hasAnyScope(List.of(Principal.SCOPE_PREFIX + "contacts"))) {
      throw new ApiException(ApiError.SCOPE_INSUFFICIENT)
          .withMetadata(
              "method", Operation.OTHER_CONTACTS_COPY_OTHER_CONTACT_TO_MY_CONTACTS_GROUP.rpcName());
    }
  }

  private static long otherContactId(ApiCall call) {
    OptionalLong id = ContactIds.parse(call.pathVar("otherContactsId"));
    if (id.isEmpty()) {
      throw ApiException.invalid(
          "Resource name \"%s\" is not a valid other contact.",
          "otherContacts/" + call.pathVar("otherContactsId"));
    }
    return id.getAsLong();
  }

  /**
   * The copy's person: the masked fields, each item the contact's own (no OTHER_CONTACT metadata).
   */
  private static ObjectNode copyOf(Contact other, Set<String> copyMask) {
    ObjectNode stored = Json.parseStored(other.body());
    ObjectNode person = Json.object();
    for (String field : copyMask) {
      JsonNode value = stored.get(field);
      if (value != null) {
        value.forEach(item -> ((ObjectNode) item).remove("metadata"));
        person.set(field, value);
      }
    }
    return person;
  }

  private static @Nullable String text(ObjectNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}

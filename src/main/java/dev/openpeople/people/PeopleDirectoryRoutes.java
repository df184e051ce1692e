// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.ContactService;
import dev.openpeople.contact.DomainSession;
import dev.openpeople.contact.Etags;
import dev.openpeople.contact.SharedContact;
import dev.openpeople.contact.User;
import dev.openpeople.error.ApiError;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The directory methods of the {@code people} resource: the caller's domain profiles (its users)
 * and its domain shared contacts, the same rows the GData feed writes (digest §5).
 */
final class PeopleDirectoryRoutes implements Routes {
  private static final String LIST = Operation.PEOPLE_LIST_DIRECTORY_PEOPLE.discoveryId();
  private static final String SEARCH = Operation.PEOPLE_SEARCH_DIRECTORY_PEOPLE.discoveryId();
  static final String DOMAIN_CONTACT = "DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT";
  static final String DOMAIN_PROFILE = "DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE";
  private static final int MAX_USERS = 10_000;

  private final ContactService contacts;
  private final TokenSigner signer;

  PeopleDirectoryRoutes(ContactService contacts, TokenSigner signer) {
    this.contacts = contacts;
    this.signer = signer;
  }

  @Override
  public void define(Router router) {
    router
        .on(Operation.PEOPLE_LIST_DIRECTORY_PEOPLE, this::listDirectoryPeople)
        .on(Operation.PEOPLE_SEARCH_DIRECTORY_PEOPLE, this::searchDirectoryPeople);
  }

  /** The parsed common parameters; {@code binding} fingerprints what tokens are bound to. */
  private record Request(
      Set<String> fields,
      boolean sharedContacts,
      boolean profiles,
      int pageSize,
      String domain,
      List<String> binding) {}

  private Request parse(ApiCall call, int maxPage) {
    Set<String> fields =
        PersonFields.required(call.param("readMask"), "readMask", PersonFields.readable());
    Set<String> sources = new TreeSet<>(call.params("sources"));
    sources.remove("DIRECTORY_SOURCE_TYPE_UNSPECIFIED");
    if (sources.isEmpty()) {
      throw ApiException.invalid("Must specify at least one directory source.");
    }
    int pageSize = call.intParam("pageSize", 0);
    if (pageSize < 0 || pageSize > maxPage) {
      throw ApiException.invalid("pageSize must be between 1 and %d; got %d.", maxPage, pageSize);
    }
    String email = call.caller().email();
    if (sources.contains(DOMAIN_PROFILE)) {
      // The caller is a user of the domain even before their first own request.
      contacts.storage().read(email, session -> session.user().id());
    }
    List<String> binding =
        List.of(email, String.join(",", new TreeSet<>(fields)), String.join(",", sources));
    return new Request(
        fields,
        sources.contains(DOMAIN_CONTACT),
        sources.contains(DOMAIN_PROFILE),
        pageSize == 0 ? 100 : pageSize,
        call.caller().domain(),
        binding);
  }

  ApiReply listDirectoryPeople(ApiCall call) {
    Request request = parse(call, 1000);
    boolean requestSync = call.boolParam("requestSyncToken");
    String syncBinding = ListToken.fingerprint(request.binding());
    List<String> paging = new ArrayList<>(request.binding());
    paging.add(Integer.toString(request.pageSize()));
    paging.add(Boolean.toString(requestSync));
    String pageBinding = ListToken.fingerprint(paging);
    Instant now = contacts.now();
    String pageToken = call.param("pageToken");
    String syncToken = call.param("syncToken");
    return ApiReply.json(
        contacts
            .storage()
            .readDomain(
                request.domain(),
                s -> {
                  ListToken at = position(s, pageToken, syncToken, syncBinding, pageBinding, now);
                  ObjectNode response =
                      at.sinceSeq() >= 0 ? changes(s, request, at) : full(s, request, at);
                  if (!response.has("nextPageToken") && requestSync) {
                    response.put("nextSyncToken", syncAfter(at, syncBinding).encode(signer));
                  }
                  return response;
                }));
  }

  private ListToken position(
      DomainSession s,
      @Nullable String pageToken,
      @Nullable String syncToken,
      String syncBinding,
      String pageBinding,
      Instant now) {
    if (pageToken != null && !pageToken.isEmpty()) {
      ListToken page = ListToken.decode(signer, pageToken, ListToken.PAGE, LIST, 0, "page token");
      if (!page.paramsHash().equals(pageBinding)) {
        throw ApiException.invalid(
            "Request parameters must match the call that returned the pageToken.");
      }
      if (page.expiredAt(now)) {
        throw ApiException.invalid("The page token has expired; restart the listing.");
      }
      return page;
    }
    long since = -1;
    if (syncToken != null && !syncToken.isEmpty()) {
      ListToken sync = ListToken.decode(signer, syncToken, ListToken.SYNC, LIST, 0, "sync token");
      if (!sync.paramsHash().equals(syncBinding)) {
        throw ApiException.invalid(
            "Request parameters must match the call that returned the syncToken.");
      }
      if (sync.expiredAt(now)) {
        throw new ApiException(ApiError.EXPIRED_SYNC_TOKEN);
      }
      since = sync.sinceSeq();
    }
    return new ListToken(
        ListToken.PAGE, LIST, 0, pageBinding, now, since, s.lastSeq(), "", 0, 0, -1);
  }

  private static ListToken syncAfter(ListToken at, String syncBinding) {
    return new ListToken(
        ListToken.SYNC,
        LIST,
        0,
        syncBinding,
        at.issuedAt(),
        at.snapshotSeq(),
        at.snapshotSeq(),
        "",
        0,
        0,
        -1);
  }

  private ListToken next(ListToken at, String key, long seq) {
    return new ListToken(
        ListToken.PAGE,
        LIST,
        0,
        at.paramsHash(),
        at.issuedAt(),
        at.sinceSeq(),
        at.snapshotSeq(),
        key,
        seq,
        0,
        -1);
  }

  /** A page of a full listing: domain profiles by address, then shared contacts by id. */
  private ObjectNode full(DomainSession s, Request request, ListToken at) {
    ArrayNode people = Json.MAPPER.createArrayNode();
    String key = at.cursorKey();
    int size = request.pageSize();
    String nextKey = null;
    if (request.profiles() && !key.startsWith("c:")) {
      String last = key.startsWith("u:") ? key.substring(2) : "";
      for (User user : s.users(last, size + 1)) {
        if (people.size() == size) {
          nextKey = "u:" + last;
          break;
        }
        people.add(profile(user, request.fields()));
        last = user.email();
      }
      key = "c:";
    }
    if (nextKey == null && request.sharedContacts()) {
      String last = key.startsWith("c:") ? key.substring(2) : "";
      if (people.size() == size) {
        nextKey = "c:" + last;
      } else {
        for (SharedContact contact :
            s.sharedContacts().page(last, at.snapshotSeq(), size - people.size() + 1)) {
          if (people.size() == size) {
            nextKey = "c:" + last;
            break;
          }
          people.add(sharedContact(contact, request.fields()));
          last = contact.id();
        }
      }
    }
    ObjectNode response = Json.object();
    if (!people.isEmpty()) {
      response.set("people", people);
    }
    if (nextKey != null) {
      response.put("nextPageToken", next(at, nextKey, 0).encode(signer));
    }
    return response;
  }

  /** One change of an incremental sync: its number in the domain's sequence and its person. */
  private record Change(long seq, Supplier<ObjectNode> person) {}

  /**
   * A page of an incremental sync: shared contacts (deleted ones flagged) and domain profiles
   * changed since the token, both read by the domain's change sequence (O(changes)) and merged in
   * its order; the page cursor is the sequence number of the last change returned.
   */
  private ObjectNode changes(DomainSession s, Request request, ListToken at) {
    int size = request.pageSize();
    long from = at.cursorSeq() > 0 ? at.cursorSeq() : at.sinceSeq();
    List<Change> rows = new ArrayList<>();
    if (request.sharedContacts()) {
      for (SharedContact c : s.sharedContacts().changes(from, at.snapshotSeq(), size + 1)) {
        rows.add(
            new Change(
                c.seq(), () -> c.deleted() ? deleted(c) : sharedContact(c, request.fields())));
      }
    }
    if (request.profiles()) {
      for (DomainSession.ProfileChange p : s.profileChanges(from, at.snapshotSeq(), size + 1)) {
        rows.add(new Change(p.seq(), () -> profile(p.user(), request.fields())));
      }
    }
    rows.sort(Comparator.comparingLong(Change::seq));
    ArrayNode people = Json.MAPPER.createArrayNode();
    for (Change change : rows.subList(0, Math.min(size, rows.size()))) {
      people.add(change.person().get());
    }
    ObjectNode response = Json.object();
    if (!people.isEmpty()) {
      response.set("people", people);
    }
    if (rows.size() > size) {
      response.put("nextPageToken", next(at, "", rows.get(size - 1).seq()).encode(signer));
    }
    return response;
  }

  ApiReply searchDirectoryPeople(ApiCall call) {
    Request request = parse(call, 500);
    String query = call.param("query");
    if (query == null) {
      throw ApiException.invalid("query is required.");
    }
    String prefix = query.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    List<String> binding = new ArrayList<>(request.binding());
    binding.add(prefix);
    binding.add(Integer.toString(request.pageSize()));
    String hash = ListToken.fingerprint(binding);
    Instant now = contacts.now();
    long offset = 0;
    String pageToken = call.param("pageToken");
    if (pageToken != null && !pageToken.isEmpty()) {
      ListToken page = ListToken.decode(signer, pageToken, ListToken.PAGE, SEARCH, 0, "page token");
      if (!page.paramsHash().equals(hash)) {
        throw ApiException.invalid(
            "Request parameters must match the call that returned the pageToken.");
      }
      offset = page.cursorSeq();
    }
    if (prefix.isEmpty()) {
      return ApiReply.json(Json.object());
    }
    long start = offset;
    return ApiReply.json(
        contacts
            .storage()
            .readDomain(request.domain(), s -> search(s, request, prefix, start, hash, now)));
  }

  private ObjectNode search(
      DomainSession s, Request request, String prefix, long offset, String hash, Instant now) {
    List<User> users = request.profiles() ? matchingUsers(s, prefix) : List.of();
    long total =
        users.size() + (request.sharedContacts() ? s.sharedContacts().countSearch(prefix) : 0);
    int size = request.pageSize();
    ArrayNode people = Json.MAPPER.createArrayNode();
    for (long i = offset; i < users.size() && people.size() < size; i++) {
      people.add(profile(users.get((int) i), request.fields()));
    }
    if (people.size() < size && request.sharedContacts()) {
      long contactOffset = Math.max(0, offset - users.size());
      for (SharedContact contact :
          s.sharedContacts().search(prefix, contactOffset, size - people.size())) {
        people.add(sharedContact(contact, request.fields()));
      }
    }
    ObjectNode response = Json.object();
    if (!people.isEmpty()) {
      response.set("people", people);
    }
    long nextOffset = offset + people.size();
    if (nextOffset < total) {
      ListToken next =
          new ListToken(ListToken.PAGE, SEARCH, 0, hash, now, -1, -1, "", nextOffset, 0, -1);
      response.put("nextPageToken", next.encode(signer));
    }
    response.put("totalSize", total);
    return response;
  }

  /** The domain's users whose name or address has a word starting with {@code prefix}. */
  private static List<User> matchingUsers(DomainSession s, String prefix) {
    List<User> out = new ArrayList<>();
    for (User user : s.users("", MAX_USERS)) {
      ObjectNode person = Persons.profile(user, PersonFields.readable(), PROFILE);
      StringBuilder words = new StringBuilder();
      person.path("names").forEach(n -> words.append(' ').append(n.path("displayName").asText()));
      person
          .path("emailAddresses")
          .forEach(e -> words.append(' ').append(e.path("value").asText()));
      String text = words.toString().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}@.]+", " ");
      String spaced = " " + text.replace('@', ' ').replace('.', ' ') + " " + text;
      if (spaced.contains(" " + prefix)) {
        out.add(user);
      }
    }
    return out;
  }

  private static final Set<ReadSources> PROFILE = EnumSet.of(ReadSources.READ_SOURCE_TYPE_PROFILE);

  /** A domain user as a DOMAIN_PROFILE person. */
  static ObjectNode profile(User user, Set<String> fields) {
    ObjectNode person = Persons.profile(user, fields, PROFILE);
    retype(person);
    return person;
  }

  private static void retype(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      if ("PROFILE".equals(object.path("type").asText(null)) && object.has("id")) {
        object.put("type", "DOMAIN_PROFILE");
      }
    }
    node.forEach(PeopleDirectoryRoutes::retype);
  }

  /** The People API resource name of a shared contact: {@code people/c} + its id in decimal. */
  static String resourceName(SharedContact contact) {
    return "people/c" + Long.toUnsignedString(Long.parseUnsignedLong(contact.id(), 16));
  }

  private static String etagBody(SharedContact contact) {
    String etag = Etags.sharedContact(contact);
    return etag.substring(1, etag.length() - 1);
  }

  static ObjectNode sharedContact(SharedContact contact, Set<String> fields) {
    ObjectNode person = Json.object();
    person.put("resourceName", resourceName(contact));
    person.put("etag", "%" + etagBody(contact));
    if (fields.contains("metadata")) {
      ObjectNode metadata = person.putObject("metadata");
      ObjectNode source = metadata.putArray("sources").addObject();
      source.put("type", "DOMAIN_CONTACT");
      source.put("id", contact.id());
      source.put("etag", "#" + etagBody(contact));
      source.put("updateTime", Timestamps.format(contact.updated()));
      metadata.put("objectType", "PERSON");
    }
    ObjectNode body = Json.parseStored(contact.person());
    for (String field : PersonFields.READABLE) {
      if (fields.contains(field) && body.has(field)) {
        person.set(field, body.get(field));
      }
    }
    return person;
  }

  /** A deleted shared contact in an incremental sync (the shape of digest §4). */
  static ObjectNode deleted(SharedContact contact) {
    ObjectNode person = Json.object();
    person.put("resourceName", resourceName(contact));
    person.put("etag", "%" + etagBody(contact));
    ObjectNode metadata = person.putObject("metadata");
    ObjectNode source = metadata.putArray("sources").addObject();
    source.put("type", "DOMAIN_CONTACT");
    source.put("id", contact.id());
    metadata.put("deleted", true);
    metadata.put("objectType", "PERSON");
    return person;
  }
}

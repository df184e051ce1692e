// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.ContactService;
import dev.openpeople.contact.DirectoryRows;
import dev.openpeople.contact.Etags;
import dev.openpeople.contact.SharedContact;
import dev.openpeople.contact.SharedContactService;
import dev.openpeople.contact.TextKeys;
import dev.openpeople.contact.User;
import dev.openpeople.error.ApiException;
import dev.openpeople.listing.Listing;
import dev.openpeople.people.person.PeopleListings;
import dev.openpeople.people.person.PersonFields;
import dev.openpeople.people.person.Persons;
import dev.openpeople.people.person.ReadSources;
import dev.openpeople.people.person.Timestamps;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.Json;
import dev.openpeople.server.Operation;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;
import dev.openpeople.token.ListToken;
import dev.openpeople.token.TokenSigner;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The directory methods of the {@code people} resource
 * (https://developers.google.com/people/api/rest/v1/people/listDirectoryPeople): the caller's
 * domain profiles (its users) and its domain shared contacts, the same rows the GData feed writes.
 */
public final class PeopleDirectoryRoutes implements Routes {
  private static final String LIST = Operation.PEOPLE_LIST_DIRECTORY_PEOPLE.discoveryId();
  private static final String SEARCH = Operation.PEOPLE_SEARCH_DIRECTORY_PEOPLE.discoveryId();
  static final String DOMAIN_CONTACT = "DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT";
  static final String DOMAIN_PROFILE = "DIRECTORY_SOURCE_TYPE_DOMAIN_PROFILE";
  private static final int MAX_USERS = 10_000;

  private final ContactService contacts;
  private final SharedContactService sharedContacts;
  private final Listing listing;
  private final Listing search;
  private final Map<String, ProfileWords> profileWords = new ConcurrentHashMap<>();

  public PeopleDirectoryRoutes(
      ContactService contacts, SharedContactService sharedContacts, TokenSigner signer) {
    this.contacts = contacts;
    this.sharedContacts = sharedContacts;
    this.listing =
        PeopleListings.listing(LIST, signer, "readMask, sources, pageSize and requestSyncToken");
    this.search = PeopleListings.listing(SEARCH, signer, "readMask, sources, query and pageSize");
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
    int pageSize = call.pageSize(maxPage);
    String email = call.caller().email();
    if (sources.contains(DOMAIN_PROFILE)) {
      // The caller is a user of the domain even before their first own request.
      contacts.register(email);
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

  /** {@code people.people.listDirectoryPeople} */
  ApiReply listDirectoryPeople(ApiCall call) {
    Request request = parse(call, 1000);
    Listing.Request list = listRequest(call, request);
    Listing.Page<DirectoryRows.Row> page =
        sharedContacts.listDirectory(
            request.domain(), listing, list, request.profiles(), request.sharedContacts());
    ObjectNode response = people(page.rows(), request.fields());
    PeopleListings.putTokens(response, page);
    return ApiReply.json(response);
  }

  /** Sync tokens bind the caller, readMask and sources; page tokens also bind the paging. */
  private static Listing.Request listRequest(ApiCall call, Request request) {
    boolean requestSync = call.boolParam("requestSyncToken");
    List<String> paging = new ArrayList<>(request.binding());
    paging.add(Integer.toString(request.pageSize()));
    paging.add(Boolean.toString(requestSync));
    return new Listing.Request(
        request.pageSize(),
        requestSync,
        ListToken.fingerprint(request.binding()),
        ListToken.fingerprint(paging),
        call.param("pageToken"),
        call.param("syncToken"));
  }

  /** {@code people.people.searchDirectoryPeople} */
  ApiReply searchDirectoryPeople(ApiCall call) {
    Request request = parse(call, 500);
    String prefix = prefix(call);
    String hash = searchBinding(request, prefix);
    long offset = search.offset(0, call.param("pageToken"), hash);
    if (prefix.isEmpty()) {
      return ApiReply.json(Json.object());
    }
    String word = " " + prefix;
    SharedContactService.DirectoryMatches found =
        sharedContacts.searchDirectory(
            request.domain(),
            prefix,
            request.profiles(),
            request.sharedContacts(),
            user -> matches(user, word),
            MAX_USERS,
            offset,
            request.pageSize());
    ObjectNode response = people(found.rows(), request.fields());
    long nextOffset = offset + found.rows().size();
    if (nextOffset < found.total()) {
      response.put("nextPageToken", search.offsetToken(0, hash, contacts.now(), nextOffset));
    }
    response.put("totalSize", found.total());
    return ApiReply.json(response);
  }

  /** Search page tokens bind the caller, readMask, sources, query and pageSize. */
  private static String searchBinding(Request request, String prefix) {
    List<String> binding = new ArrayList<>(request.binding());
    binding.add(prefix);
    binding.add(Integer.toString(request.pageSize()));
    return ListToken.fingerprint(binding);
  }

  /** The folded search query ({@link TextKeys#fold}; "" for the warmup request). */
  private static String prefix(ApiCall call) {
    String query = call.param("query");
    if (query == null) {
      throw ApiException.invalid("query is required.");
    }
    return TextKeys.fold(query);
  }

  /** The response's {@code people}: domain profiles and shared contacts (deleted ones flagged). */
  private static ObjectNode people(List<DirectoryRows.Row> rows, Set<String> fields) {
    ObjectNode response = Json.object();
    if (!rows.isEmpty()) {
      ArrayNode people = response.putArray("people");
      for (DirectoryRows.Row row : rows) {
        people.add(
            switch (row) {
              case DirectoryRows.Profile profile -> profile(profile.user(), fields);
              case DirectoryRows.Shared shared when shared.contact().deleted() ->
                  deleted(shared.contact());
              case DirectoryRows.Shared shared -> sharedContact(shared.contact(), fields);
            });
      }
    }
    return response;
  }

  /**
   * True when the user's name or address has a word starting with the prefix; {@code word} is the
   * prefix after a space.
   */
  private boolean matches(User user, String word) {
    ProfileWords known = profileWords.get(user.email());
    if (known == null || !Objects.equals(known.profile(), user.profile())) {
      if (profileWords.size() >= MAX_USERS) {
        profileWords.clear();
      }
      known = new ProfileWords(user.profile(), words(user));
      profileWords.put(user.email(), known);
    }
    return known.words().contains(word);
  }

  /**
   * The words {@link #matches} looks in, computed from the user's e-mail address and stored profile
   * (the profile's names and addresses); kept per address with the profile they came from, since
   * rendering and folding a profile costs far more than the search's own reads.
   */
  private record ProfileWords(@Nullable String profile, String words) {}

  private static String words(User user) {
    ObjectNode person = Persons.profile(user, PersonFields.readable(), PROFILE);
    StringBuilder words = new StringBuilder();
    person.path("names").forEach(n -> words.append(' ').append(n.path("displayName").asText()));
    person.path("emailAddresses").forEach(e -> words.append(' ').append(e.path("value").asText()));
    String text = TextKeys.fold(words.toString()).replaceAll("[^\\p{L}\\p{N}@.]+", " ");
    return " " + text.replace('@', ' ').replace('.', ' ') + " " + text;
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

  /**
   * A deleted shared contact in an incremental sync (the shape of a deleted contact in
   * https://developers.google.com/people/api/rest/v1/people.connections/list).
   */
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

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.server.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of malformed and hostile requests for {@link FuzzTest}, built from valid seeds (real
 * resource names and tokens of a seeded user) and mutated by jqwik.
 */
final class FuzzRequests {
  /** One request to send. */
  record Request(String method, String path, String token, String contentType, String body) {
    @Override
    public String toString() {
      return method + " " + path + (body == null ? "" : " body=" + abbreviate(body));
    }

    private static String abbreviate(String s) {
      return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
  }

  /** A JSON endpoint with a valid body to mutate. */
  record JsonSeed(String method, String path, String body) {}

  static final List<String> PARAMS =
      List.of(
          "pageSize",
          "pageToken",
          "syncToken",
          "requestSyncToken",
          "personFields",
          "readMask",
          "sortOrder",
          "sources",
          "fields",
          "prettyPrint",
          "alt",
          "query",
          "resourceNames",
          "groupFields",
          "maxMembers",
          "$.xgafv",
          "key",
          "callback",
          "updatePersonFields",
          "updated-min",
          "max-results",
          "start-index",
          "showdeleted",
          "orderby",
          "sortorder",
          "q",
          "group",
          "projection",
          "mergeSources",
          "readSources",
          "copyMask",
          "personFields[]");

  static final List<String> LISTS =
      List.of(
          "/v1/people/me/connections",
          "/v1/otherContacts",
          "/v1/otherContacts:search",
          "/v1/contactGroups",
          "/v1/contactGroups:batchGet",
          "/v1/people:searchContacts",
          "/v1/people:batchGet",
          "/v1/people:listDirectoryPeople",
          "/v1/people:searchDirectoryPeople",
          "/m8/feeds/contacts/fuzz.example.com/full",
          "/m8/feeds/contacts/fuzz.example.com/thin");

  private final String user;
  private final List<JsonSeed> jsonSeeds;
  private final List<String> tokens;
  private final List<String> names;

  private FuzzRequests(String user, List<JsonSeed> seeds, List<String> tokens, List<String> names) {
    this.user = user;
    this.jsonSeeds = seeds;
    this.tokens = tokens;
    this.names = names;
  }

  /** Seeds a user with a contact, a group, an other contact and an entry; collects real tokens. */
  static FuzzRequests seed(Wire wire, String user) throws Exception {
    JsonNode contact =
        Json.MAPPER.readTree(
            wire.json(
                    "POST",
                    "/v1/people:createContact",
                    user,
                    "{\"names\":[{\"givenName\":\"Seed\"}],\"emailAddresses\":[{\"value\":\"s@x.org\"}]}")
                .body());
    JsonNode group =
        Json.MAPPER.readTree(
            wire.json("POST", "/v1/contactGroups", user, "{\"contactGroup\":{\"name\":\"Seed\"}}")
                .body());
    JsonNode other =
        Json.MAPPER.readTree(
            wire.json(
                    "POST",
                    "/emulator/v1/users/" + user + "/otherContacts",
                    null,
                    "{\"names\":[{\"givenName\":\"Other\"}]}")
                .body());
    wire.json("POST", "/v1/people:createContact", user, "{\"names\":[{\"givenName\":\"Two\"}]}");
    String c = contact.path("resourceName").asText();
    String g = group.path("resourceName").asText();
    String o = other.path("resourceName").asText();
    String etag = contact.path("etag").asText();
    JsonNode page =
        Json.MAPPER.readTree(
            wire.json(
                    "GET",
                    "/v1/people/me/connections?personFields=names&pageSize=1&requestSyncToken=true",
                    user,
                    null)
                .body());
    JsonNode sync =
        Json.MAPPER.readTree(
            wire.json(
                    "GET",
                    "/v1/people/me/connections?personFields=names&requestSyncToken=true",
                    user,
                    null)
                .body());
    List<String> tokens =
        List.of(page.path("nextPageToken").asText(), sync.path("nextSyncToken").asText());
    return new FuzzRequests(
        user,
        jsonSeeds(c, g, o, etag, group.path("etag").asText()),
        tokens,
        List.of(c, g, o, "people/me"));
  }

  /** Valid bodies of every JSON write method, for a contact, group and other contact. */
  private static List<JsonSeed> jsonSeeds(
      String c, String g, String o, String etag, String groupEtag) {
    String person =
        "{\"etag\":\""
            + etag
            + "\",\"names\":[{\"givenName\":\"A\",\"familyName\":\"B\"}],"
            + "\"emailAddresses\":[{\"value\":\"a@b.org\",\"type\":\"work\"}],"
            + "\"phoneNumbers\":[{\"value\":\"+1 555 0100\"}],\"birthdays\":[{\"date\":{\"year\":1990,"
            + "\"month\":2,\"day\":3}}],\"memberships\":[{\"contactGroupMembership\":"
            + "{\"contactGroupResourceName\":\""
            + g
            + "\"}}]}";
    return List.of(
        new JsonSeed("POST", "/v1/people:createContact?personFields=names", person),
        new JsonSeed(
            "PATCH", "/v1/" + c + ":updateContact?updatePersonFields=names,emailAddresses", person),
        new JsonSeed(
            "POST",
            "/v1/people:batchCreateContacts",
            "{\"contacts\":[{\"contactPerson\":" + person + "}],\"readMask\":\"names\"}"),
        new JsonSeed(
            "POST",
            "/v1/people:batchUpdateContacts",
            "{\"contacts\":{\""
                + c
                + "\":"
                + person
                + "},\"updateMask\":\"names\","
                + "\"readMask\":\"names\"}"),
        new JsonSeed(
            "POST", "/v1/people:batchDeleteContacts", "{\"resourceNames\":[\"people/c1\"]}"),
        new JsonSeed("POST", "/v1/contactGroups", "{\"contactGroup\":{\"name\":\"N\"}}"),
        new JsonSeed(
            "PUT",
            "/v1/" + g,
            "{\"contactGroup\":{\"name\":\"M\",\"etag\":\""
                + groupEtag
                + "\"},\"updateGroupFields\":\"name\"}"),
        new JsonSeed(
            "POST",
            "/v1/" + g + "/members:modify",
            "{\"resourceNamesToAdd\":[\"" + c + "\"],\"resourceNamesToRemove\":[]}"),
        new JsonSeed(
            "POST",
            "/v1/" + o + ":copyOtherContactToMyContactsGroup",
            "{\"copyMask\":\"names,emailAddresses\",\"readMask\":\"names\"}"),
        new JsonSeed(
            "PATCH",
            "/v1/" + c + ":updateContactPhoto",
            "{\"photoBytes\":\"iVBORw0KGgo=\",\"personFields\":\"photos\"}"));
  }

  Arbitrary<Request> any() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, mutatedJson()),
        net.jqwik.api.Tuple.of(3, listQuery()),
        net.jqwik.api.Tuple.of(2, resourcePath()),
        net.jqwik.api.Tuple.of(2, atom()));
  }

  static Arbitrary<String> junk() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(30),
        Arbitraries.strings()
            .withChars("%/:?&=#\"'<>\\{}[]*.-_~+ \u0000\u00e9\u4e2d")
            .ofMaxLength(20),
        Arbitraries.of(
            "",
            "-1",
            "0",
            "1",
            "1001",
            "2147483648",
            "9e999",
            "NaN",
            "true",
            "null",
            "people/me",
            "contactGroups/all",
            "c0",
            "%",
            "%zz",
            "..",
            "../..",
            "a".repeat(5000)),
        Arbitraries.longs().map(l -> Long.toString(l)));
  }

  Arbitrary<String> mutatedToken() {
    return Combinators.combine(
            Arbitraries.of(tokens), Arbitraries.integers().between(0, 400), junk())
        .as(
            (token, at, insert) -> {
              int i = Math.min(at, token.length());
              return switch (at % 4) {
                case 0 -> token.substring(0, i);
                case 1 -> token.substring(0, i) + insert + token.substring(i);
                case 2 -> token.substring(i) + token.substring(0, i);
                default -> token;
              };
            });
  }

  Arbitrary<Request> listQuery() {
    Arbitrary<String> value = Arbitraries.oneOf(junk(), mutatedToken());
    Arbitrary<String> pair =
        Combinators.combine(Arbitraries.oneOf(Arbitraries.of(PARAMS), junk()), value)
            .as((k, v) -> encode(k) + "=" + encode(v));
    return Combinators.combine(
            Arbitraries.of(LISTS), pair.list().ofMaxSize(6), Arbitraries.of("GET", "POST"))
        .as(
            (path, pairs, method) ->
                new Request(
                    path.startsWith("/m8/") ? "GET" : method,
                    path + "?" + String.join("&", pairs),
                    user,
                    null,
                    null));
  }

  Arbitrary<Request> resourcePath() {
    Arbitrary<String> name =
        Arbitraries.oneOf(Arbitraries.of(names), junk().map(FuzzRequests::encode));
    return Combinators.combine(
            Arbitraries.of(
                "/v1/people/%s?personFields=names",
                "/v1/%s?personFields=names",
                "/v1/%s:deleteContact",
                "/v1/%s:deleteContactPhoto",
                "/v1/contactGroups/%s",
                "/v1/otherContacts/%s:copyOtherContactToMyContactsGroup",
                "/m8/feeds/contacts/fuzz.example.com/full/%s",
                "/m8/feeds/photos/media/fuzz.example.com/%s",
                "/m8/feeds/contacts/%s/full"),
            name,
            Arbitraries.of("GET", "DELETE", "POST", "PUT", "PATCH"))
        .as((template, n, method) -> new Request(method, template.formatted(n), user, null, null));
  }

  Arbitrary<Request> mutatedJson() {
    return Combinators.combine(
            Arbitraries.of(jsonSeeds),
            Arbitraries.integers().between(0, 10_000),
            jsonValue(),
            Arbitraries.integers().between(0, 6))
        .as(
            (seed, where, value, kind) ->
                new Request(
                    seed.method(),
                    seed.path(),
                    user,
                    Wire.JSON,
                    mutate(seed.body(), where, value, kind)));
  }

  static Arbitrary<JsonNode> jsonValue() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return Arbitraries.oneOf(
        junk().map(f::textNode),
        Arbitraries.longs().map(l -> f.numberNode(l)),
        Arbitraries.doubles().map(d -> f.numberNode(d)),
        Arbitraries.of(f.nullNode(), f.booleanNode(true), f.arrayNode(), f.objectNode()),
        Arbitraries.integers().between(1, 900).map(FuzzRequests::deep));
  }

  static JsonNode deep(int depth) {
    ArrayNode root = JsonNodeFactory.instance.arrayNode();
    ArrayNode at = root;
    for (int i = 0; i < depth; i++) {
      at = at.addArray();
    }
    return root;
  }

  /** One structural mutation of a JSON body: replace, drop, add a key, or break the text. */
  static String mutate(String body, int where, JsonNode value, int kind) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    List<ContainerNode<?>> containers = new ArrayList<>();
    collect(root, containers);
    ContainerNode<?> target = containers.get(where % containers.size());
    switch (kind) {
      case 0, 1 -> replaceChild(target, where, value);
      case 2 -> removeChild(target, where);
      case 3 -> {
        if (target instanceof ObjectNode o) {
          o.set("unknown" + where, value);
        } else {
          ((ArrayNode) target).add(value);
        }
      }
      case 4 -> {
        String text = root.toString();
        return text.substring(0, where % text.length());
      }
      case 5 -> {
        // Nesting deeper than any JSON writer allows, as text.
        int depth = 900 + where % 9000;
        return "{\"names\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
      }
      default -> {
        String text = root.toString();
        int i = where % text.length();
        return text.substring(0, i) + value + text.substring(i);
      }
    }
    return root.toString();
  }

  private static void collect(JsonNode node, List<ContainerNode<?>> out) {
    if (node instanceof ContainerNode<?> c) {
      out.add(c);
      node.forEach(child -> collect(child, out));
    }
  }

  private static void replaceChild(ContainerNode<?> target, int where, JsonNode value) {
    if (target.isEmpty()) {
      return;
    }
    if (target instanceof ObjectNode o) {
      List<String> keys = new ArrayList<>();
      o.fieldNames().forEachRemaining(keys::add);
      o.set(keys.get(where % keys.size()), value);
    } else {
      ((ArrayNode) target).set(where % target.size(), value);
    }
  }

  private static void removeChild(ContainerNode<?> target, int where) {
    if (target.isEmpty()) {
      return;
    }
    if (target instanceof ObjectNode o) {
      Iterator<String> keys = o.fieldNames();
      List<String> all = new ArrayList<>();
      keys.forEachRemaining(all::add);
      o.remove(all.get(where % all.size()));
    } else {
      ((ArrayNode) target).remove(where % target.size());
    }
  }

  Arbitrary<Request> atom() {
    String feed = "/m8/feeds/contacts/fuzz.example.com/full";
    Arbitrary<String> xml =
        Combinators.combine(
                Arbitraries.integers().between(0, 10_000),
                junk(),
                Arbitraries.integers().between(0, 5))
            .as(
                (where, insert, kind) ->
                    mutateXml(KillNineTest.Writer.entry(where, 1), where, insert, kind));
    return Combinators.combine(
            xml,
            Arbitraries.of(feed, feed + "/batch", feed + "/0123456789abcdef"),
            Arbitraries.of("POST", "PUT"))
        .as(
            (body, path, method) ->
                new Request(method, path, "admin@fuzz.example.com", Wire.ATOM, body));
  }

  static String mutateXml(String xml, int where, String insert, int kind) {
    int i = where % xml.length();
    String escaped = insert.replace("<", "&lt;").replace("&", "&amp;");
    return switch (kind) {
      case 0 -> xml.substring(0, i);
      case 1 -> xml.substring(0, i) + insert + xml.substring(i);
      case 2 -> "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>" + xml.replace("k", "&e;");
      case 3 ->
          xml.replace(
              "</gd:name>", "</gd:name><gd:" + Math.floorMod(insert.hashCode(), 100_000) + "/>");
      case 4 -> xml.replace("<gd:givenName>k", "<gd:givenName>" + escaped);
      default -> xml.replace("http://schemas.google.com/g/2005", insert);
    };
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.OpenPeopleServer;
import dev.openpeople.server.Json;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the names upgrade fixture ({@code upgrade/v9-names}): contacts, other contacts and shared
 * contacts whose names carry diacritics and letters such as Ø, Ł, Æ, Œ, ß, Đ and Þ, stored with the
 * sort keys and search terms of the release that wrote them. {@code expected.json} holds what that
 * release answered: the connections' etags, their first-name order and a connections sync token.
 * Run it like {@link UpgradeFixtureGenerator}, on the release whose schema the fixture stands for,
 * with {@code src/test/resources/upgrade/v9-names} as the argument.
 */
public final class NamesFixtureGenerator {
  static final String USER = "names@names.example.com";
  static final String DOMAIN = "names.example.com";

  /** Given and family names of the contacts, in no particular order. */
  static final String[][] CONTACTS = {
    {"Zoë", "Łukasiewicz"},
    {"Peter", "Jones"},
    {"Ádám", "Ærøe"},
    {"Oscar", "Smith"},
    {"Émile", "Œhlenschläger"},
    {"Eve", "Þórsdóttir"},
    {"Øystein", "Weiß"},
    {"Adam", "Đorđević"},
  };

  /** Given and family names of the other contacts. */
  static final String[][] OTHER_CONTACTS = {{"Zoë", "Ørsted"}, {"Émile", "Ærenlund"}};

  /** Given and family names of the domain's shared contacts. */
  static final String[][] SHARED_CONTACTS = {{"Øystein", "Grüner"}, {"Émile", "Weiß"}};

  private NamesFixtureGenerator() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    Path file = Files.createTempDirectory("openpeople-fixture").resolve("release.db");
    try (OpenPeopleServer server =
        OpenPeopleServer.start(OpenPeopleServer.Options.emulatorDefaults("sqlite:" + file))) {
      Wire wire = new Wire("http://127.0.0.1:" + server.port() + "/");
      for (String[] name : CONTACTS) {
        check(wire.json("POST", "/v1/people:createContact", USER, person(name)));
      }
      for (String[] name : OTHER_CONTACTS) {
        check(
            wire.json("POST", "/emulator/v1/users/" + USER + "/otherContacts", null, person(name)));
      }
      for (String[] name : SHARED_CONTACTS) {
        check(
            wire.send(
                "POST",
                "/m8/feeds/contacts/" + DOMAIN + "/full",
                "admin@" + DOMAIN,
                Wire.ATOM,
                entry(name)));
      }
      ObjectNode expected = Json.object();
      expected.set("etags", UpgradeTest.listing(wire, USER, UpgradeTest.Listing.CONNECTIONS));
      JsonNode ordered =
          Json.MAPPER.readTree(
              check(
                  wire.json(
                      "GET",
                      "/v1/people/me/connections?personFields=names"
                          + "&sortOrder=FIRST_NAME_ASCENDING",
                      USER,
                      null)));
      ArrayNode order = expected.putArray("firstNameOrder");
      ordered.path("connections").forEach(p -> order.add(p.at("/names/0/givenName").asText()));
      expected.put("syncToken", UpgradeTest.syncToken(wire, USER, UpgradeTest.Listing.CONNECTIONS));
      Files.writeString(
          out.resolve("expected.json"),
          Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(expected) + "\n");
    }
    UpgradeFixture.dump(file, out);
  }

  static String person(String[] name) {
    ObjectNode person = Json.object();
    person.putArray("names").addObject().put("givenName", name[0]).put("familyName", name[1]);
    return person.toString();
  }

  static String entry(String[] name) {
    return "<atom:entry xmlns:atom='http://www.w3.org/2005/Atom'"
        + " xmlns:gd='http://schemas.google.com/g/2005'>"
        + "<atom:category scheme='http://schemas.google.com/g/2005#kind'"
        + " term='http://schemas.google.com/contact/2008#contact'/>"
        + "<gd:name><gd:givenName>"
        + name[0]
        + "</gd:givenName><gd:familyName>"
        + name[1]
        + "</gd:familyName></gd:name></atom:entry>";
  }

  private static String check(HttpResponse<String> response) {
    if (response.statusCode() != 200 && response.statusCode() != 201) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return response.body();
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import dev.openpeople.NodeScripts;
import dev.openpeople.OpenPeopleServerExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * tsdav (npm), a second real CardDAV client, through src/test/node/tsdav-client.mjs: discovery, the
 * address book's properties, PUT, addressbook-query + multiget and sync-collection. The test
 * installs the locked npm packages when they are missing.
 */
class CardDavTsdavClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final String USER = "tsdav@example.com";

  @Test
  void tsdavDiscoversListsReadsWritesAndSyncs() throws Exception {
    NodeScripts.install("tsdav");
    Person ada =
        SERVER
            .people(USER)
            .people()
            .createContact(
                new Person()
                    .setNames(List.of(new Name().setGivenName("Ada").setFamilyName("Lovelace"))))
            .execute();
    String adaId = ada.getResourceName().substring("people/c".length());
    JsonNode result =
        new ObjectMapper()
            .readTree(NodeScripts.run(List.of("node", "tsdav-client.mjs", SERVER.baseUrl(), USER)));
    String base = SERVER.baseUrl() + "carddav/v1/principals/" + USER + "/";
    assertThat(result.path("principalUrl").asText()).isEqualTo(base);
    assertThat(result.path("homeUrl").asText()).isEqualTo(base + "lists/");
    JsonNode book = result.path("books").path(0);
    assertThat(book.path("url").asText()).isEqualTo(base + "lists/default/");
    assertThat(book.path("displayName").asText()).isEqualTo("Contacts");
    assertThat(book.path("syncToken").asText()).startsWith("https://openpeople.dev/ns/sync/");
    assertThat(result.path("createdStatus").asInt()).isEqualTo(201);
    List<String> urls = new ArrayList<>();
    String katherine = "";
    for (JsonNode card : result.path("cards")) {
      urls.add(card.path("url").asText());
      assertThat(card.path("etag").asText()).startsWith("\"");
      if (card.path("url").asText().endsWith("tsdav-1.vcf")) {
        katherine = card.path("data").asText();
      }
    }
    assertThat(urls)
        .containsExactlyInAnyOrder(
            base + "lists/default/" + adaId, base + "lists/default/tsdav-1.vcf");
    assertThat(katherine).contains("UID:tsdav-1", "FN:Katherine Johnson");
    // The sync from the book's token sees exactly the card tsdav created after it.
    JsonNode changes = result.path("changes");
    assertThat(changes).hasSize(1);
    assertThat(changes.path(0).path("href").asText()).endsWith("/lists/default/tsdav-1.vcf");
    List<Person> connections = Dav.connections(SERVER, USER, "names");
    assertThat(connections)
        .extracting(p -> p.getNames().get(0).getDisplayName())
        .containsExactlyInAnyOrder("Ada Lovelace", "Katherine Johnson");
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openpeople.NodeScripts;
import dev.openpeople.OpenPeopleServerExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Google's official Node.js client (npm {@code @googleapis/people}) against the server, through
 * src/test/node/people-client.mjs: create, full and incremental sync, update with the etag, search,
 * a contact group and its members, a 404, and the tombstone of a delete. The test installs the
 * locked npm packages when they are missing.
 */
class PeopleNodeClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  @Test
  void theOfficialNodeClientWorksUnchanged() throws Exception {
    NodeScripts.install("@googleapis/people");
    String user = "node@example.com";

    JsonNode seen =
        new ObjectMapper()
            .readTree(
                NodeScripts.run(List.of("node", "people-client.mjs", SERVER.baseUrl(), user)));

    String created = seen.path("created").asText();
    assertThat(created).startsWith("people/c");
    assertThat(seen.path("fullNames").toString()).isEqualTo("[\"Grace Hopper\"]");
    assertThat(seen.path("updatedName").asText()).isEqualTo("Amazing Grace");
    assertThat(seen.path("changedNames").toString()).isEqualTo("[\"Amazing Grace\"]");
    assertThat(seen.path("searchNames").toString()).isEqualTo("[\"Amazing Grace\"]");
    assertThat(seen.path("groupMembers").toString()).isEqualTo("[\"" + created + "\"]");
    assertThat(seen.path("missing").path("status").asInt()).isEqualTo(404);
    assertThat(seen.path("missing").path("body").asText()).isEqualTo("NOT_FOUND");
    assertThat(seen.path("deleted").toString()).isEqualTo("[true]");
    // What the client did is what the server holds: the contact is gone for the Java client too.
    assertThat(
            SERVER
                .people(user)
                .people()
                .connections()
                .list("people/me")
                .setPersonFields("names")
                .execute()
                .getConnections())
        .isNull();
  }
}

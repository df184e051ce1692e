// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.contact.Storage;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V2 indexes the memberships of contacts written by a version-1 database, on both backends. */
class MembershipBackfillTest {
  private static final String BODY =
      "{\"memberships\":[{\"contactGroupMembership\":{\"contactGroupId\":\"myContacts\"}},"
          + "{\"contactGroupMembership\":{\"contactGroupId\":\"starred\"}},"
          + "{\"domainMembership\":{\"inViewerDomain\":true}}]}";

  @TempDir Path dir;

  private static void insertVersion1(Statement s) throws Exception {
    s.execute(
        "INSERT INTO users (id, email, last_seq, created_at) VALUES (7, 'old@example.com', 2, 0)");
    s.execute(
        "INSERT INTO contacts (user_id, id, seq, created_at, updated_at, deleted, body, first_key,"
            + " last_key) VALUES (7, 11, 1, 0, 0, FALSE, '"
            + BODY
            + "', '', ''), (7, 12, 2, 0, 0, TRUE, '{}', '', '')");
  }

  private static void assertBackfilled(Storage storage) {
    Map<String, Long> counts =
        storage.read(
            "old@example.com",
            s -> s.groups().memberCounts(List.of("myContacts", "starred", "friends")));
    assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("myContacts", 1L, "starred", 1L));
  }

  @Test
  void sqlite() throws Exception {
    OldDatabases.sqlite(dir, "1", MembershipBackfillTest::insertVersion1, s -> assertBackfilled(s));
  }

  @Test
  void postgresql() throws Exception {
    OldDatabases.postgresql("1", MembershipBackfillTest::insertVersion1, s -> assertBackfilled(s));
  }
}

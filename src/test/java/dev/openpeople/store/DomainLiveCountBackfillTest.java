// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.contact.SharedContactQuery;
import dev.openpeople.contact.Storage;
import java.nio.file.Path;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V12 counts the live shared contacts a version-11 database holds, on both backends. */
class DomainLiveCountBackfillTest {
  @TempDir Path dir;

  private static void insertVersion11(Statement s) throws Exception {
    s.execute("INSERT INTO domains (name, last_seq) VALUES ('old.test', 3), ('other.test', 1)");
    s.execute(
        "INSERT INTO shared_contacts (domain, id, seq, created_at, updated_at, deleted, entry,"
            + " person, search_text) VALUES"
            + " ('old.test', 'a', 1, 0, 0, FALSE, '{}', '{}', ''),"
            + " ('old.test', 'b', 2, 0, 0, TRUE, '{}', '{}', ''),"
            + " ('old.test', 'c', 3, 0, 0, FALSE, '{}', '{}', ''),"
            + " ('other.test', 'a', 1, 0, 0, FALSE, '{}', '{}', '')");
  }

  private static void assertCounted(Storage storage) {
    // At the domain's last change the feed's count is the kept one, which V12 computed.
    Long count =
        storage.readDomain(
            "old.test",
            s -> s.sharedContacts().changeLog(SharedContactQuery.LIVE_BY_ID).count(s.lastSeq()));
    assertThat(count).isEqualTo(2);
  }

  @Test
  void sqlite() throws Exception {
    OldDatabases.sqlite(
        dir, "11", DomainLiveCountBackfillTest::insertVersion11, s -> assertCounted(s));
  }

  @Test
  void postgresql() throws Exception {
    OldDatabases.postgresql(
        "11", DomainLiveCountBackfillTest::insertVersion11, s -> assertCounted(s));
  }
}

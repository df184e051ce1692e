// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.contact.SharedContact;
import dev.openpeople.contact.Storage;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V13 cuts the search text of the live shared contacts a version-12 database holds into words, so a
 * directory search finds them after the upgrade as before it, on both backends.
 */
class SharedContactTermsBackfillTest {
  @TempDir Path dir;

  private static void insertVersion12(Statement s) throws Exception {
    s.execute("INSERT INTO domains (name, last_seq, live_count) VALUES ('old.test', 3, 2)");
    s.execute(
        "INSERT INTO shared_contacts (domain, id, seq, created_at, updated_at, deleted, entry,"
            + " person, search_text) VALUES"
            + " ('old.test', 'a', 1, 0, 0, FALSE, '{}', '{}', ' ada lovelace ada@old.test'),"
            + " ('old.test', 'b', 2, 0, 0, TRUE, '{}', '{}', ' ada gone'),"
            + " ('old.test', 'c', 3, 0, 0, FALSE, '{}', '{}', ' charles babbage')");
  }

  private static void assertFound(Storage storage) {
    List<String> ada = ids(storage, "ada");
    List<String> love = ids(storage, "love");
    List<String> babbage = ids(storage, "babbage");
    Long adas = storage.readDomain("old.test", s -> s.sharedContacts().countSearch("ada"));
    assertThat(ada).containsExactly("a");
    assertThat(love).containsExactly("a");
    assertThat(babbage).containsExactly("c");
    assertThat(adas).isEqualTo(1);
  }

  private static List<String> ids(Storage storage, String prefix) {
    return storage.readDomain(
        "old.test",
        s -> s.sharedContacts().search(prefix, 0, 10).stream().map(SharedContact::id).toList());
  }

  @Test
  void sqlite() throws Exception {
    OldDatabases.sqlite(
        dir, "12", SharedContactTermsBackfillTest::insertVersion12, s -> assertFound(s));
  }

  @Test
  void postgresql() throws Exception {
    OldDatabases.postgresql(
        "12", SharedContactTermsBackfillTest::insertVersion12, s -> assertFound(s));
  }
}

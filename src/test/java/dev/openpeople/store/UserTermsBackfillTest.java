// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.contact.Storage;
import dev.openpeople.contact.User;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V15 indexes the words of the profiles of the users a version-13 database holds (default profiles
 * and stored ones), so a directory search finds them after the upgrade as before it, on both
 * backends; users created and profiles changed afterwards are indexed as they are written.
 */
class UserTermsBackfillTest {
  @TempDir Path dir;

  private static void insertVersion13(Statement s) throws Exception {
    s.execute("INSERT INTO domains (name, last_seq, live_count) VALUES ('old.test', 3, 0)");
    s.execute(
        "INSERT INTO users (email, last_seq, profile, created_at, domain, domain_seq) VALUES"
            + " ('ada.lovelace@old.test', 0, NULL, 0, 'old.test', 1),"
            + " ('bob@old.test', 0, '{\"names\":[{\"displayName\":\"Zoë Øystein\"}],"
            + "\"emailAddresses\":[{\"value\":\"Robert@Work.Test\"}]}', 0, 'old.test', 2),"
            + " ('ada@else.test', 0, NULL, 0, 'else.test', 1)");
  }

  private static List<String> found(Storage storage, String domain, String prefix) {
    return storage.readDomain(
        domain, s -> s.searchUsers(prefix, 10_000).stream().map(User::email).toList());
  }

  private static List<String> first(Storage storage, String prefix, int maxUsers) {
    return storage.readDomain(
        "old.test", s -> s.searchUsers(prefix, maxUsers).stream().map(User::email).toList());
  }

  private static void assertFound(Storage storage) {
    assertThat(found(storage, "old.test", "ada")).containsExactly("ada.lovelace@old.test");
    assertThat(found(storage, "old.test", "love")).containsExactly("ada.lovelace@old.test");
    assertThat(found(storage, "old.test", "old")).containsExactly("ada.lovelace@old.test");
    assertThat(found(storage, "old.test", "zoe")).containsExactly("bob@old.test");
    assertThat(found(storage, "old.test", "oy")).containsExactly("bob@old.test");
    assertThat(found(storage, "old.test", "robert@work.t")).containsExactly("bob@old.test");
    assertThat(found(storage, "old.test", "bob")).isEmpty();
    assertThat(found(storage, "old.test", "zoe oy")).containsExactly("bob@old.test");
    assertThat(found(storage, "else.test", "ada")).containsExactly("ada@else.test");
    storage.read("adam@old.test", s -> s.user().id());
    assertThat(found(storage, "old.test", "ada"))
        .containsExactly("ada.lovelace@old.test", "adam@old.test");
    // Only the domain's first maxUsers users by address are considered, with or without the terms.
    assertThat(first(storage, "ada", 1)).containsExactly("ada.lovelace@old.test");
    assertThat(first(storage, "adam", 1)).isEmpty();
    assertThat(first(storage, "adam", 2)).containsExactly("adam@old.test");
    assertThat(first(storage, "zoe oy", 2)).isEmpty();
    assertThat(first(storage, "zoe oy", 3)).containsExactly("bob@old.test");
    storage.write(
        "ada.lovelace@old.test",
        s -> {
          s.setProfile("{\"names\":[{\"displayName\":\"Countess\"}]}");
          return 0;
        });
    assertThat(found(storage, "old.test", "ada")).containsExactly("adam@old.test");
    assertThat(found(storage, "old.test", "count")).containsExactly("ada.lovelace@old.test");
  }

  @Test
  void sqlite() throws Exception {
    OldDatabases.sqlite(dir, "13", UserTermsBackfillTest::insertVersion13, s -> assertFound(s));
  }

  @Test
  void postgresql() throws Exception {
    OldDatabases.postgresql("13", UserTermsBackfillTest::insertVersion13, s -> assertFound(s));
  }
}

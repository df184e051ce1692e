// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.contact.DomainSession;
import dev.openpeople.contact.Storage;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V6 gives the users of a version-5 database their domain and fresh numbers of its change sequence,
 * after the shared contacts' numbers, on both backends.
 */
class ProfileSequenceBackfillTest {
  @TempDir Path dir;

  private static void insertVersion5(Statement s) throws Exception {
    s.execute(
        "INSERT INTO users (id, email, last_seq, created_at) VALUES"
            + " (7, 'bob@old.test', 0, 0), (3, 'ann@old.test', 0, 0),"
            + " (9, 'zed@new.test', 0, 0)");
    s.execute("INSERT INTO domains (name, last_seq) VALUES ('old.test', 4)");
  }

  private static List<String> changes(Storage storage, String domain) {
    List<DomainSession.ProfileChange> found =
        storage.readDomain(domain, s -> s.profileChanges(0, Long.MAX_VALUE, 10));
    return found.stream().map(c -> c.seq() + " " + c.user().email()).toList();
  }

  private static void assertBackfilled(Storage storage) {
    assertThat(changes(storage, "old.test")).containsExactly("5 ann@old.test", "6 bob@old.test");
    assertThat(changes(storage, "new.test")).containsExactly("1 zed@new.test");
    assertThat(storage.<Long>readDomain("old.test", DomainSession::lastSeq)).isEqualTo(6);
    storage.read("cid@old.test", s -> s.user().id());
    assertThat(changes(storage, "old.test")).endsWith("7 cid@old.test");
  }

  @Test
  void sqlite() throws Exception {
    OldDatabases.sqlite(
        dir, "5", ProfileSequenceBackfillTest::insertVersion5, s -> assertBackfilled(s));
  }

  @Test
  void postgresql() throws Exception {
    OldDatabases.postgresql(
        "5", ProfileSequenceBackfillTest::insertVersion5, s -> assertBackfilled(s));
  }
}

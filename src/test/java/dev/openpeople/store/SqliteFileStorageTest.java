// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static dev.openpeople.store.TestContacts.contact;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.contact.Storage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on a SQLite file, plus durability across a restart. */
class SqliteFileStorageTest implements StorageContract {
  @TempDir Path dir;
  private Storage storage;

  @BeforeEach
  void open() {
    storage = Storages.open("sqlite:" + dir.resolve("data/openpeople.db"));
  }

  @Override
  public Storage storage() {
    return storage;
  }

  @AfterEach
  void close() {
    storage.close();
  }

  @Test
  void acknowledgedWritesSurviveReopening() {
    storage.write(
        "durable@example.com",
        s -> {
          s.allocateSeqs(1);
          s.contacts().insert(List.of(contact(5, 1, "kept", "kept")));
          return null;
        });
    storage.close();

    storage = Storages.open("sqlite:" + dir.resolve("data/openpeople.db"));

    assertThat(
            storage.<java.util.Optional<dev.openpeople.contact.Contact>>read(
                "durable@example.com", s -> s.contacts().get(5)))
        .isPresent();
  }
}

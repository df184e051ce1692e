// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import dev.openpeople.contact.Storage;
import org.junit.jupiter.api.AfterEach;

/** The storage contract on SQLite in memory. */
class SqliteMemoryStorageTest implements StorageContract {
  private final Storage storage = Storages.open("sqlite::memory:");

  @Override
  public Storage storage() {
    return storage;
  }

  @AfterEach
  void close() {
    storage.close();
  }
}

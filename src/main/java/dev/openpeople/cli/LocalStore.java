// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.cli;

import dev.openpeople.contact.ContactService;
import dev.openpeople.contact.PhoneNumbers;
import dev.openpeople.contact.SnapshotService;
import dev.openpeople.contact.Storage;
import dev.openpeople.contact.StoreErrors;
import dev.openpeople.contact.TransferService;
import dev.openpeople.people.person.PeopleDrafts;
import dev.openpeople.server.Discovery;
import dev.openpeople.snapshot.Snapshots;
import dev.openpeople.store.Storages;
import dev.openpeople.transfer.Exporter;
import dev.openpeople.transfer.Importer;
import java.io.IOException;
import java.time.InstantSource;
import picocli.CommandLine.Option;

/**
 * The storage of a bulk command (import, export, dump, restore), opened as {@code serve} opens it
 * and locked against a running server ({@link StorageLock}), with the services the command needs.
 */
final class LocalStore implements AutoCloseable {
  /** The options every bulk command shares. */
  static final class Options {
    @Option(
        names = "--storage",
        defaultValue = "${env:OPENPEOPLE_STORAGE:-sqlite:./openpeople-data/openpeople.db}",
        description = "Storage URL, as for serve (default ${DEFAULT-VALUE}).")
    String storage = "sqlite:./openpeople-data/openpeople.db";

    @Option(
        names = "--default-region",
        defaultValue = "${env:OPENPEOPLE_DEFAULT_REGION:-US}",
        description = "Region of phone numbers without a country code, as for serve.")
    String defaultRegion = PhoneNumbers.DEFAULT_REGION;
  }

  private final StorageLock lock;
  private final Storage storage;
  private final PeopleDrafts drafts;
  private final ContactService contacts;

  private LocalStore(StorageLock lock, Storage storage, PeopleDrafts drafts) {
    this.lock = lock;
    this.storage = storage;
    this.drafts = drafts;
    this.contacts = new ContactService(storage, InstantSource.system());
  }

  static LocalStore open(Options options) throws StorageLock.HeldException, IOException {
    StorageLock lock = StorageLock.acquire(options.storage);
    try {
      Storage storage = StoreErrors.translating(Storages.open(options.storage));
      return new LocalStore(
          lock,
          storage,
          new PeopleDrafts(Discovery.load(), new PhoneNumbers(options.defaultRegion)));
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  Importer importer() {
    return new Importer(new TransferService(contacts), drafts);
  }

  Exporter exporter() {
    return new Exporter(new TransferService(contacts));
  }

  Snapshots snapshots() {
    return new Snapshots(new SnapshotService(storage), drafts);
  }

  @Override
  public void close() throws IOException {
    try {
      storage.close();
    } finally {
      lock.close();
    }
  }
}

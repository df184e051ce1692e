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
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The storage of a bulk command (import, export, dump, restore), opened as {@code serve} opens it
 * and locked against a running server ({@link StorageLock}), with the services the command needs.
 */
record LocalStore(StorageLock lock, Storage storage, PeopleDrafts drafts) implements AutoCloseable {
  /** The options every bulk command shares. */
  static final class Options {
    @picocli.CommandLine.Mixin StorageOption storage = new StorageOption();

    @Option(
        names = "--default-region",
        defaultValue = "${env:OPENPEOPLE_DEFAULT_REGION:-US}",
        description = "Region of phone numbers without a country code, as for serve.")
    String defaultRegion = PhoneNumbers.DEFAULT_REGION;
  }

  /** The options of a bulk command that writes a file: the store's and {@code --out}. */
  static final class OutputOptions {
    @picocli.CommandLine.Mixin Options store = new Options();

    @Option(names = "--out", description = "The file to write (default: standard output).")
    @Nullable Path out;
  }

  static LocalStore open(Options options) throws StorageLock.HeldException, IOException {
    StorageLock lock = StorageLock.acquire(options.storage.url);
    try {
      Storage storage = StoreErrors.translating(Storages.open(options.storage.url));
      return new LocalStore(
          lock,
          storage,
          new PeopleDrafts(Discovery.load(), new PhoneNumbers(options.defaultRegion)));
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Writes to an output stream; returns how many records it wrote. */
  @FunctionalInterface
  interface Output {
    long write(LocalStore local, OutputStream out) throws IOException;
  }

  /**
   * Opens the store, runs {@code output} into {@code --out} (standard output when absent) and says
   * {@code "<verb> N <noun>"} on {@code err}; 1 when the store is held by another process.
   */
  static int write(OutputOptions options, PrintWriter err, String what, Output output)
      throws IOException {
    Path file = options.out;
    try (LocalStore local = open(options.store)) {
      long count;
      if (file == null) {
        count = output.write(local, System.out);
        System.out.flush();
      } else {
        try (OutputStream out = Files.newOutputStream(file)) {
          count = output.write(local, out);
        }
      }
      err.println(String.format(what, count));
      err.flush();
      return 0;
    } catch (StorageLock.HeldException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  Importer importer() {
    return new Importer(transfers(), drafts);
  }

  Exporter exporter() {
    return new Exporter(transfers());
  }

  private TransferService transfers() {
    return new TransferService(new ContactService(storage, InstantSource.system()));
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

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.cli;

import dev.openpeople.OpenPeopleServer;
import dev.openpeople.contact.PhoneNumbers;
import dev.openpeople.people.People;
import dev.openpeople.server.Authenticator;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code openpeople serve}: starts the server and runs until interrupted. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Start the server (emulator mode unless --auth jwt).")
public final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--host",
      defaultValue = "${env:OPENPEOPLE_HOST:-127.0.0.1}",
      description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(
      names = "--port",
      defaultValue = "${env:OPENPEOPLE_PORT:-8080}",
      description = "Port to listen on; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int port = 8080;

  @Option(
      names = "--storage",
      defaultValue = "${env:OPENPEOPLE_STORAGE:-sqlite:./openpeople-data/openpeople.db}",
      description =
          "Storage URL: sqlite:PATH, sqlite::memory: or postgresql://HOST:PORT/DB?user=U"
              + " (default ${DEFAULT-VALUE}).")
  String storage = "sqlite:./openpeople-data/openpeople.db";

  @Option(
      names = "--in-memory",
      defaultValue = "${env:OPENPEOPLE_IN_MEMORY:-false}",
      description = "Keep everything in memory (same as --storage sqlite::memory:).")
  boolean inMemory;

  @Option(
      names = "--max-body-bytes",
      defaultValue = "${env:OPENPEOPLE_MAX_BODY_BYTES:-33554432}",
      description =
          "Largest request body accepted; larger ones get 413 (default ${DEFAULT-VALUE}).")
  long maxBodyBytes;

  @Option(
      names = "--other-contacts-first-page-quota",
      defaultValue = "${env:OPENPEOPLE_OTHER_CONTACTS_FIRST_PAGE_QUOTA:-600}",
      description =
          "First pages of full otherContacts syncs allowed per user and minute; more get 429."
              + " 0 for no limit (default ${DEFAULT-VALUE}).")
  int otherContactsFirstPageQuota = 600;

  @Option(
      names = "--strict-search-warmup",
      defaultValue = "${env:OPENPEOPLE_STRICT_SEARCH_WARMUP:-false}",
      description =
          "otherContacts.search sees the data as of the user's last warmup (empty query), as"
              + " Google's cache does.")
  boolean strictSearchWarmup;

  @Option(
      names = "--default-region",
      defaultValue = "${env:OPENPEOPLE_DEFAULT_REGION:-US}",
      description =
          "Region (CLDR code, e.g. US, GB, FR) of phone numbers written without a country code;"
              + " decides their canonicalForm (default ${DEFAULT-VALUE}).")
  String defaultRegion = PhoneNumbers.DEFAULT_REGION;

  @picocli.CommandLine.Mixin AuthOptions auth = new AuthOptions();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Authenticator authenticator;
    try {
      authenticator = auth.authenticator();
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    boolean emulator = authenticator == null;
    if (otherContactsFirstPageQuota < 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--other-contacts-first-page-quota must not be negative.");
    }
    try {
      new PhoneNumbers(defaultRegion);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    OpenPeopleServer.Options options =
        new OpenPeopleServer.Options(
            host,
            port,
            inMemory ? "sqlite::memory:" : storage,
            authenticator,
            emulator,
            maxBodyBytes,
            new People.OtherContactsSettings(otherContactsFirstPageQuota, strictSearchWarmup),
            defaultRegion);
    CountDownLatch stopped = new CountDownLatch(1);
    try (OpenPeopleServer server = OpenPeopleServer.start(options)) {
      System.out.printf(
          "OpenPeople listening on http://%s:%d/ (%s mode, storage %s)%n",
          host, server.port(), emulator ? "emulator" : "production", options.storageUrl());
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
    return 0;
  }
}

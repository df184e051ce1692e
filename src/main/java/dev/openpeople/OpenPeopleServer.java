// SPDX-License-Identifier: Apache-2.0
package dev.openpeople;

import dev.openpeople.carddav.CardDavRoutes;
import dev.openpeople.console.ConsoleRoutes;
import dev.openpeople.contact.AddressBookService;
import dev.openpeople.contact.AppPasswordService;
import dev.openpeople.contact.ContactService;
import dev.openpeople.contact.OtherContactService;
import dev.openpeople.contact.PhoneNumbers;
import dev.openpeople.contact.Propagation;
import dev.openpeople.contact.SharedContactService;
import dev.openpeople.contact.SnapshotService;
import dev.openpeople.contact.Storage;
import dev.openpeople.contact.StoreErrors;
import dev.openpeople.contact.TransferService;
import dev.openpeople.emulator.EmulatorClock;
import dev.openpeople.emulator.EmulatorFaultsRoutes;
import dev.openpeople.emulator.EmulatorPropagationRoutes;
import dev.openpeople.emulator.EmulatorRoutes;
import dev.openpeople.emulator.EmulatorUsersRoutes;
import dev.openpeople.emulator.SharedEmulatorState;
import dev.openpeople.gdata.GData;
import dev.openpeople.metrics.MetricsRoutes;
import dev.openpeople.metrics.ServerMetrics;
import dev.openpeople.people.People;
import dev.openpeople.people.person.PeopleDrafts;
import dev.openpeople.server.Authenticator;
import dev.openpeople.server.BatchRoutes;
import dev.openpeople.server.Discovery;
import dev.openpeople.server.Dispatcher;
import dev.openpeople.server.EmulatorAuthenticator;
import dev.openpeople.server.FaultInjector;
import dev.openpeople.server.JettyServer;
import dev.openpeople.server.Quotas;
import dev.openpeople.server.RequestLog;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;
import dev.openpeople.snapshot.Snapshots;
import dev.openpeople.store.Storages;
import dev.openpeople.token.TokenSigner;
import dev.openpeople.transfer.Exporter;
import dev.openpeople.transfer.Importer;
import dev.openpeople.transfer.TransferRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole server: storage, clock, token signer, both APIs and the HTTP listener, wired in one
 * place. This is the one place that lists every {@link Routes} instance.
 */
public final class OpenPeopleServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OpenPeopleServer.class);

  /** Tombstones outlive sync tokens (7 days) by a margin, so a valid token sees every delete. */
  static final Duration TOMBSTONE_RETENTION = Duration.ofDays(8);

  /**
   * Shared-contact tombstones are kept 30 days
   * (https://developers.google.com/admin-sdk/domain-shared-contacts, "showdeleted").
   */
  static final Duration SHARED_TOMBSTONE_RETENTION = Duration.ofDays(30);

  /**
   * What the server is started with; built with {@link #builder}.
   *
   * @param storageUrl see {@link Storages#open}
   * @param authenticator verifies production credentials; null for emulator mode (emulator auth and
   *     the {@code /emulator/v1/} controls)
   * @param otherContacts first-page quota and strict search warmup of otherContacts
   * @param tls certificate and key to serve HTTPS (and HTTP/2) with; null for plain HTTP
   * @param defaultRegion region of phone numbers written without a country code
   * @param propagationDelay how long writes take to reach syncs and searches ({@link Propagation});
   *     zero by default
   * @param quotas per-user People API quotas to enforce ({@link Quotas}); null for none
   */
  public record Options(
      String host,
      int port,
      String storageUrl,
      @Nullable Authenticator authenticator,
      long maxBodyBytes,
      People.OtherContactsSettings otherContacts,
      JettyServer.@Nullable Tls tls,
      String defaultRegion,
      Duration propagationDelay,
      Quotas.@Nullable Limits quotas) {
    /** Google's limit on a JSON request body: 10 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

    /** Generous by default: 600 first pages of full otherContacts syncs per user and minute. */
    public static final People.OtherContactsSettings OTHER_CONTACTS_DEFAULTS =
        new People.OtherContactsSettings(600, false);

    /** Emulator mode: no authenticator. */
    public boolean emulator() {
      return authenticator == null;
    }

    /**
     * Options on {@code storageUrl}, from the defaults: emulator mode on 127.0.0.1 and a free port,
     * plain HTTP, Google's body limit, {@link #OTHER_CONTACTS_DEFAULTS}, phone region US.
     */
    public static Builder builder(String storageUrl) {
      return new Builder(storageUrl);
    }

    /** The defaults of {@link #builder} as they are. */
    public static Options emulatorDefaults(String storageUrl) {
      return builder(storageUrl).build();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
      return builder(storageUrl)
          .host(host)
          .port(port)
          .authenticator(authenticator)
          .maxBodyBytes(maxBodyBytes)
          .otherContacts(otherContacts)
          .tls(tls)
          .defaultRegion(defaultRegion)
          .propagationDelay(propagationDelay)
          .quotas(quotas);
    }

    /** Sets options one at a time; each one not set keeps its default. */
    public static final class Builder {
      private String storageUrl;
      private String host = "127.0.0.1";
      private int port;
      private @Nullable Authenticator authenticator;
      private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
      private People.OtherContactsSettings otherContacts = OTHER_CONTACTS_DEFAULTS;
      private JettyServer.@Nullable Tls tls;
      private String defaultRegion = PhoneNumbers.DEFAULT_REGION;
      private Duration propagationDelay = Duration.ZERO;
      private Quotas.@Nullable Limits quotas;

      private Builder(String storageUrl) {
        this.storageUrl = storageUrl;
      }

      /** The database: see {@link Storages#open}. */
      public Builder storageUrl(String value) {
        storageUrl = value;
        return this;
      }

      /** The address to listen on; 127.0.0.1 by default. */
      public Builder host(String value) {
        host = value;
        return this;
      }

      /** The port to listen on; 0 (the default) picks a free one. */
      public Builder port(int value) {
        port = value;
        return this;
      }

      /** Production mode with this authenticator; null (the default) for emulator mode. */
      public Builder authenticator(@Nullable Authenticator value) {
        authenticator = value;
        return this;
      }

      /** The largest request body accepted, after gzip inflation; Google's 10 MiB by default. */
      public Builder maxBodyBytes(long value) {
        maxBodyBytes = value;
        return this;
      }

      /** First-page quota and strict search warmup of otherContacts. */
      public Builder otherContacts(People.OtherContactsSettings value) {
        otherContacts = value;
        return this;
      }

      /** HTTPS with this certificate and key; null (the default) for plain HTTP. */
      public Builder tls(JettyServer.@Nullable Tls value) {
        tls = value;
        return this;
      }

      /** The region of phone numbers written without a country code; US by default. */
      public Builder defaultRegion(String value) {
        defaultRegion = value;
        return this;
      }

      /** How long writes take to reach syncs and searches; zero (the default) for at once. */
      public Builder propagationDelay(Duration value) {
        propagationDelay = value;
        return this;
      }

      /** Per-user People API quotas to enforce; null (the default) for none. */
      public Builder quotas(Quotas.@Nullable Limits value) {
        quotas = value;
        return this;
      }

      public Options build() {
        return new Options(
            host,
            port,
            storageUrl,
            authenticator,
            maxBodyBytes,
            otherContacts,
            tls,
            defaultRegion,
            propagationDelay,
            quotas);
      }
    }
  }

  private final ServerMetrics metrics;
  private final Storage storage;
  private final EmulatorClock clock;
  private final JettyServer http;
  private final ScheduledExecutorService janitor;
  private final PeopleDrafts drafts;

  private OpenPeopleServer(Options options, @Nullable Path seed) throws Exception {
    this.metrics = new ServerMetrics();
    // The one point where storage failures become API errors (503, 409, ...).
    this.storage = StoreErrors.translating(Storages.open(options.storageUrl(), metrics.registry()));
    this.clock = new EmulatorClock(InstantSource.system(), storage.serverState());
    try {
      storage.reindex(new IndexRulesOfThisBuild());
      Discovery discovery = Discovery.load();
      TokenSigner signer = new TokenSigner(storage.secret("token-key", OpenPeopleServer::newKey));
      ContactService contacts =
          new ContactService(
              storage, clock, new Propagation(options.propagationDelay(), options.emulator()));
      OtherContactService otherContacts = new OtherContactService(contacts);
      PhoneNumbers phones = new PhoneNumbers(options.defaultRegion());
      SharedContactService sharedContacts = new SharedContactService(storage, clock);
      drafts = seed(seed, new PeopleDrafts(discovery, phones));
      List<Routes> routes =
          new ArrayList<>(
              People.routes(
                  new People.Services(contacts, otherContacts, sharedContacts),
                  options.otherContacts(),
                  discovery,
                  signer,
                  phones));
      routes.addAll(GData.routes(sharedContacts));
      routes.addAll(List.of(new HealthRoutes(storage), new MetricsRoutes(metrics)));
      routes.add(new ConsoleRoutes());
      AtomicReference<Dispatcher> dispatcher = new AtomicReference<>();
      routes.add(new BatchRoutes(dispatcher::get));
      FaultInjector faults =
          options.emulator()
              ? new FaultInjector(new SharedEmulatorState(storage.serverState(), clock))
              : null;
      if (faults != null) {
        routes.addAll(emulatorRoutes(faults, contacts, otherContacts, sharedContacts, drafts));
      }
      Authenticator auth =
          options.authenticator() == null ? new EmulatorAuthenticator() : options.authenticator();
      routes.add(cardDav(options, drafts, signer, auth));
      routes.add(transfer(options, contacts, drafts));
      Router router = new Router(discovery);
      routes.forEach(r -> r.define(router));
      Dispatcher pipeline = new Dispatcher(router, discovery, auth, faults, quotas(options));
      dispatcher.set(pipeline);
      http =
          new JettyServer(
              options.host(),
              options.port(),
              options.tls(),
              pipeline,
              options.maxBodyBytes(),
              new RequestLog(metrics.registry()));
      http.start();
    } catch (Exception e) {
      storage.close();
      metrics.close();
      throw e;
    }
    janitor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
    // purgeTombstones logs its own failures, so the future has nothing left to report.
    var unused = janitor.scheduleWithFixedDelay(this::purgeTombstones, 1, 10, TimeUnit.MINUTES);
  }

  /** Restores a snapshot (if any) into the store, which must be empty; returns {@code drafts}. */
  private PeopleDrafts seed(@Nullable Path snapshot, PeopleDrafts drafts) throws IOException {
    if (snapshot != null) {
      try (InputStream in = Files.newInputStream(snapshot)) {
        long lines = new Snapshots(new SnapshotService(storage), drafts).restore(in);
        LOG.info("restored {} snapshot lines from {}", lines, snapshot);
      }
    }
    return drafts;
  }

  /**
   * Restores a whole-server snapshot ({@code openpeople dump}'s JSON Lines) into this server's
   * store, which must be empty (after {@code POST /emulator/v1:reset}, say); returns the lines
   * read.
   *
   * @throws Snapshots.InvalidSnapshotException when the store is not empty or a line is not valid
   */
  public long restore(InputStream snapshot) throws IOException {
    return new Snapshots(new SnapshotService(storage), drafts).restore(snapshot);
  }

  /** File import and export (emulator controls; domain administrators in production mode). */
  private static Routes transfer(Options options, ContactService contacts, PeopleDrafts drafts) {
    TransferService transfers = new TransferService(contacts);
    return new TransferRoutes(
        new Importer(transfers, drafts), new Exporter(transfers), options.emulator());
  }

  /** The emulator controls under {@code /emulator/v1/} (emulator mode only). */
  private List<Routes> emulatorRoutes(
      FaultInjector faults,
      ContactService contacts,
      OtherContactService otherContacts,
      SharedContactService sharedContacts,
      PeopleDrafts drafts) {
    return List.of(
        new EmulatorRoutes(storage, clock),
        new EmulatorUsersRoutes(otherContacts, drafts, sharedContacts),
        new EmulatorFaultsRoutes(faults),
        new EmulatorPropagationRoutes(contacts));
  }

  /** Per-user People API quotas counted in the shared server state, or null when off. */
  private @Nullable Quotas quotas(Options options) {
    Quotas.Limits limits = options.quotas();
    if (limits == null) {
      return null;
    }
    return new Quotas(
        limits,
        (key, window, amount) -> storage.serverState().count(key, window, amount),
        clock::instant);
  }

  /** The CardDAV surface: app passwords for Basic auth in production mode only. */
  private Routes cardDav(
      Options options, PeopleDrafts drafts, TokenSigner signer, Authenticator auth) {
    return CardDavRoutes.create(
        new AddressBookService(storage, clock),
        drafts,
        signer,
        auth,
        options.emulator() ? null : new AppPasswordService(storage, clock),
        clock);
  }

  public static OpenPeopleServer start(Options options) throws Exception {
    return new OpenPeopleServer(options, null);
  }

  /**
   * Starts a server whose empty store first gets the snapshot {@code seed} ({@code openpeople
   * dump}); a store that is not empty or a bad snapshot fails the start with {@link
   * Snapshots.InvalidSnapshotException}.
   */
  public static OpenPeopleServer start(Options options, @Nullable Path seed) throws Exception {
    return new OpenPeopleServer(options, seed);
  }

  private void purgeTombstones() {
    try {
      int purged =
          storage.purgeTombstones(clock.instant().minus(TOMBSTONE_RETENTION))
              + storage.purgeDomainTombstones(clock.instant().minus(SHARED_TOMBSTONE_RETENTION));
      if (purged > 0) {
        LOG.info("purged {} tombstones", purged);
      }
    } catch (RuntimeException e) {
      LOG.warn("tombstone purge failed", e);
    }
  }

  private static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  public int port() {
    return http.port();
  }

  /** Where clients reach the server, e.g. {@code https://127.0.0.1:8443/}. */
  public String url(String host) {
    return (http.secure() ? "https" : "http") + "://" + host + ":" + port() + "/";
  }

  public EmulatorClock clock() {
    return clock;
  }

  public Storage storage() {
    return storage;
  }

  @Override
  public void close() {
    janitor.shutdownNow();
    try {
      http.close();
    } finally {
      try {
        storage.close();
      } finally {
        metrics.close();
      }
    }
  }
}

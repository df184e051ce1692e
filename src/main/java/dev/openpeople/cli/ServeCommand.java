// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.cli;

import dev.openpeople.OpenPeopleServer;
import dev.openpeople.contact.PhoneNumbers;
import dev.openpeople.people.People;
import dev.openpeople.server.Authenticator;
import dev.openpeople.server.JettyServer;
import dev.openpeople.server.Json;
import dev.openpeople.server.Quotas;
import dev.openpeople.snapshot.Snapshots;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
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
      defaultValue = "${env:OPENPEOPLE_MAX_BODY_BYTES:-10485760}",
      description =
          "Largest request body accepted (after gzip inflation); larger ones get 400, as from"
              + " Google (default ${DEFAULT-VALUE}, Google's 10 MiB).")
  long maxBodyBytes = OpenPeopleServer.Options.DEFAULT_MAX_BODY_BYTES;

  @Option(
      names = "--tls-cert",
      defaultValue = "${env:OPENPEOPLE_TLS_CERT}",
      description = "PEM certificate chain: serve HTTPS (HTTP/2 via ALPN) instead of HTTP.")
  @Nullable Path tlsCert;

  @Option(
      names = "--tls-key",
      defaultValue = "${env:OPENPEOPLE_TLS_KEY}",
      description = "PEM private key of --tls-cert (unencrypted PKCS #8, BEGIN PRIVATE KEY).")
  @Nullable Path tlsKey;

  @Option(
      names = "--log-format",
      defaultValue = "${env:OPENPEOPLE_LOG_FORMAT:-text}",
      description = "Log lines as text or json (default ${DEFAULT-VALUE}).")
  LogFormat logFormat = LogFormat.text;

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

  @Option(
      names = "--seed",
      defaultValue = "${env:OPENPEOPLE_SEED}",
      description = "A snapshot (openpeople dump) to restore at start; the store must be empty.")
  @Nullable Path seed;

  @Option(
      names = "--propagation-delay",
      defaultValue = "${env:OPENPEOPLE_PROPAGATION_DELAY:-0}",
      description =
          "Seconds before a write reaches connections.list syncs, searchContacts and"
              + " otherContacts.search, on the server clock, as Google's may take; per user with"
              + " PUT /emulator/v1/users/EMAIL/propagationDelay (default ${DEFAULT-VALUE}: at once).")
  long propagationDelaySeconds;

  @Option(
      names = "--quotas",
      defaultValue = "${env:OPENPEOPLE_QUOTAS:-off}",
      description =
          "off, or google: enforce per-user People API quotas per minute (and daily contact"
              + " writes) with Google's 429 RESOURCE_EXHAUSTED (default ${DEFAULT-VALUE}).")
  QuotaMode quotas = QuotaMode.off;

  @Option(
      names = "--quota",
      description =
          "With --quotas google, one limit changed, NAME=N per user (repeatable): critical-reads,"
              + " critical-writes, writes, photo-writes, reads, daily-contact-writes.")
  List<String> quotaLimits = new ArrayList<>();

  /** Whether quotas are enforced. */
  enum QuotaMode {
    off,
    google
  }

  @picocli.CommandLine.Mixin AuthOptions auth = new AuthOptions();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** The limits of {@code --quotas google} with each {@code --quota} applied; null when off. */
  private Quotas.@Nullable Limits quotaLimits() {
    if (quotas == QuotaMode.off) {
      if (!quotaLimits.isEmpty()) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--quota changes a limit of --quotas google.");
      }
      return null;
    }
    Quotas.Limits limits = Quotas.Limits.google();
    try {
      for (String limit : quotaLimits) {
        limits = limits.with(limit);
      }
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return limits;
  }

  @Override
  @SuppressWarnings("try") // the lock is held for as long as the server runs
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
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--tls-cert and --tls-key go together.");
    }
    if (propagationDelaySeconds < 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--propagation-delay must not be negative.");
    }
    Quotas.Limits limits = quotaLimits();
    logFormat.apply();
    OpenPeopleServer.Options options =
        new OpenPeopleServer.Options(
            host,
            port,
            inMemory ? "sqlite::memory:" : storage,
            authenticator,
            emulator,
            maxBodyBytes,
            new People.OtherContactsSettings(otherContactsFirstPageQuota, strictSearchWarmup),
            tlsCert == null || tlsKey == null ? null : new JettyServer.Tls(tlsCert, tlsKey),
            defaultRegion,
            Duration.ofSeconds(propagationDelaySeconds),
            limits);
    CountDownLatch stopped = new CountDownLatch(1);
    StorageLock lock;
    try {
      lock = StorageLock.acquire(options.storageUrl());
    } catch (StorageLock.HeldException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    }
    try (lock;
        OpenPeopleServer server = start(options)) {
      System.out.print(banner(server.url(displayHost(host)), emulator, options.storageUrl()));
      System.out.flush();
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
    }
    return 0;
  }

  /** Starts the server; a seed that cannot be restored is a clear refusal. */
  private OpenPeopleServer start(OpenPeopleServer.Options options) throws Exception {
    try {
      return OpenPeopleServer.start(options, seed);
    } catch (Snapshots.InvalidSnapshotException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--seed " + seed + " refused: " + e.getMessage());
    }
  }

  /** A wildcard listen address is shown as {@code localhost}, a name a browser can open. */
  static String displayHost(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.isEmpty() ? "localhost" : host;
  }

  /** What start-up prints: where the server is, and the credentials it takes. */
  static String banner(String url, boolean emulator, String storage) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "OpenPeople listening on %s (%s mode, storage %s)%n",
            url, emulator ? "emulator" : "production", storage));
    out.append(String.format("  console:   %s (the web console will be served here)%n", url));
    out.append(String.format("  metrics:   %smetrics%n", url));
    if (emulator) {
      out.append(
          String.format(
              "  tokens:    Authorization: Bearer alice@example.com   (every contacts scope)%n"
                  + "             Authorization: Bearer %s%n"
                  + "             (an unsigned JWT: its email claim is the user, its scope claim"
                  + " the scopes)%n",
              exampleJwt("alice@example.com", "contacts.readonly")));
    } else {
      out.append(
          String.format(
              "  tokens:    Authorization: Bearer <RS256/ES256 JWT of --jwt-issuer for"
                  + " --jwt-audience>%n"));
    }
    return out.toString();
  }

  /** An unsigned ({@code alg: none}) JWT, as emulator mode accepts. */
  static String exampleJwt(String email, String scope) {
    java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
    byte[] header = Json.write(Json.object().put("alg", "none").put("typ", "JWT"), false);
    byte[] claims = Json.write(Json.object().put("email", email).put("scope", scope), false);
    return base64.encodeToString(header) + "." + base64.encodeToString(claims) + ".";
  }
}

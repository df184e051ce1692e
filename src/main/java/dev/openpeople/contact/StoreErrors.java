// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import java.time.Instant;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates {@link StoreException} into API errors, in this one method, at this one point: {@link
 * #translating} wraps the server's {@link Storage}, and every store call runs inside one of its
 * transactions, so no failure of the database leaves it untranslated.
 */
public final class StoreErrors {
  private static final Logger LOG = LoggerFactory.getLogger(StoreErrors.class);

  private StoreErrors() {}

  public static ApiException toApi(StoreException e) {
    return switch (e.kind()) {
      case NOT_FOUND -> new ApiException(ApiError.NOT_FOUND);
      case CONFLICT -> new ApiException(ApiError.ALREADY_EXISTS, "The resource already exists.");
      case ABORTED -> new ApiException(ApiError.ABORTED);
      case UNAVAILABLE -> new ApiException(ApiError.UNAVAILABLE);
      case FAILED -> new ApiException(ApiError.INTERNAL);
    };
  }

  /** {@code storage} with every {@link StoreException} it throws turned into its API error. */
  public static Storage translating(Storage storage) {
    return new Translating(storage);
  }

  private static <T> T translate(Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      if (e instanceof StoreException store) {
        LOG.warn("storage failure: {}", e.toString(), e);
        throw toApi(store);
      }
      throw e;
    }
  }

  /** {@link #translate} for a call that returns nothing. */
  private static void run(Runnable call) {
    translate(
        () -> {
          call.run();
          return Boolean.TRUE;
        });
  }

  private record Translating(Storage storage) implements Storage {
    @Override
    public <T> T read(String email, Work<T> work) {
      return translate(() -> storage.read(email, work));
    }

    @Override
    public <T> T readStatement(String email, Work<T> work) {
      return translate(() -> storage.readStatement(email, work));
    }

    @Override
    public <T> T write(String email, Work<T> work) {
      return translate(() -> storage.write(email, work));
    }

    @Override
    public <T> T readDomain(String domain, DomainWork<T> work) {
      return translate(() -> storage.readDomain(domain, work));
    }

    @Override
    public <T> T writeDomain(String domain, DomainWork<T> work) {
      return translate(() -> storage.writeDomain(domain, work));
    }

    @Override
    public int purgeDomainTombstones(Instant before) {
      return translate(() -> storage.purgeDomainTombstones(before));
    }

    @Override
    public void reset() {
      run(storage::reset);
    }

    @Override
    public int purgeTombstones(Instant before) {
      return translate(() -> storage.purgeTombstones(before));
    }

    @Override
    public int reindex(IndexRules rules) {
      return translate(() -> storage.reindex(rules));
    }

    @Override
    public String secret(String name, Supplier<String> generator) {
      return translate(() -> storage.secret(name, generator));
    }

    @Override
    public AppPasswordStore appPasswords() {
      AppPasswordStore inner = storage.appPasswords();
      return new AppPasswordStore() {
        @Override
        public AppPassword insert(String email, String label, String hash, Instant created) {
          return translate(() -> inner.insert(email, label, hash, created));
        }

        @Override
        public java.util.List<AppPassword> list(String email) {
          return translate(() -> inner.list(email));
        }

        @Override
        public boolean delete(String email, long id) {
          return translate(() -> inner.delete(email, id));
        }
      };
    }

    @Override
    public SnapshotStore snapshots() {
      SnapshotStore inner = storage.snapshots();
      return new SnapshotStore() {
        @Override
        public boolean empty() {
          return translate(inner::empty);
        }

        @Override
        public java.util.List<String> domains() {
          return translate(inner::domains);
        }

        @Override
        public void createUser(User user, long domainSeq) {
          run(() -> inner.createUser(user, domainSeq));
        }

        @Override
        public void setDomainSeq(String domain, long lastSeq) {
          run(() -> inner.setDomainSeq(domain, lastSeq));
        }
      };
    }

    @Override
    public ServerState serverState() {
      ServerState inner = storage.serverState();
      return new ServerState() {
        @Override
        public Snapshot snapshot() {
          return translate(inner::snapshot);
        }

        @Override
        public long advanceClock(long millis) {
          return translate(() -> inner.advanceClock(millis));
        }

        @Override
        public java.util.List<Fault> faults() {
          return translate(inner::faults);
        }

        @Override
        public void addFault(String method, @Nullable String user, String kind, int count) {
          run(() -> inner.addFault(method, user, kind, count));
        }

        @Override
        public void clearFaults() {
          run(inner::clearFaults);
        }

        @Override
        public java.util.Optional<Fault> consumeFault(String method, String user) {
          return translate(() -> inner.consumeFault(method, user));
        }

        @Override
        public long count(String name, long period, long amount) {
          return translate(() -> inner.count(name, period, amount));
        }

        @Override
        public void mark(String name, long value) {
          run(() -> inner.mark(name, value));
        }

        @Override
        public java.util.OptionalLong mark(String name) {
          return translate(() -> inner.mark(name));
        }
      };
    }

    @Override
    public boolean ready() {
      return storage.ready();
    }

    @Override
    public void close() {
      storage.close();
    }
  }
}

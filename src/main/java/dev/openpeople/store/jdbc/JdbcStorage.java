// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.openpeople.contact.AppPasswordStore;
import dev.openpeople.contact.IndexRules;
import dev.openpeople.contact.ServerState;
import dev.openpeople.contact.SnapshotStore;
import dev.openpeople.contact.Storage;
import dev.openpeople.contact.StoreException;
import dev.openpeople.contact.User;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

/**
 * The SQL implementation of {@link Storage} shared by SQLite and PostgreSQL via a {@link Dialect}.
 */
public final class JdbcStorage implements Storage {
  /** The columns {@link #user} reads, in order. */
  static final String USER_COLUMNS = "id, email, last_seq, profile, created_at";

  private final Dialect dialect;
  private final HikariDataSource pool;

  /** Where write transactions get their connection: {@link #pool}, or one dedicated connection. */
  private final HikariDataSource writers;

  /** Group-commit lanes on PostgreSQL; users hash onto them (SQLite has one writer, one lane). */
  private static final int POSTGRES_LANES = 32;

  private final ReentrantLock writeLock = new ReentrantLock(true);
  private final GroupCommit commits;
  private final JdbcServerState serverState = new JdbcServerState(this);

  private final Timer readTime;
  private final Timer writeTime;
  private final PlannerStatistics statistics;

  /** A storage whose timings go nowhere. */
  public JdbcStorage(Dialect dialect) {
    this(dialect, new CompositeMeterRegistry());
  }

  /** A storage that times its user transactions and group commits into {@code meters}. */
  public JdbcStorage(Dialect dialect, MeterRegistry meters) {
    this.dialect = dialect;
    this.readTime = transactionTimer(meters, "read");
    this.writeTime = transactionTimer(meters, "write");
    HikariConfig config = new HikariConfig();
    config.setPoolName("openpeople");
    config.setConnectionTimeout(10_000);
    dialect.configure(config);
    try {
      this.pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      dialect.close();
      throw new StoreException(
          StoreException.Kind.UNAVAILABLE, "cannot connect: " + e.getMessage(), e);
    }
    List<ReentrantLock> lanes = new ArrayList<>();
    if (dialect.serializeWrites()) {
      lanes.add(writeLock);
    } else {
      for (int i = 0; i < POSTGRES_LANES; i++) {
        lanes.add(new ReentrantLock(true));
      }
    }
    this.statistics = new PlannerStatistics(pool, dialect.staleStatistics());
    Flyway.configure()
        .dataSource(pool)
        .locations(dialect.migrations())
        .failOnMissingLocations(true)
        .callbacks(new RewordedMigrations(dialect.migrations()))
        .javaMigrations(new V15UserTerms())
        .load()
        .migrate();
    this.writers = dialect.oneWriterConnection() ? writerPool(dialect, pool) : pool;
    this.commits = new GroupCommit(writers, lanes, meters);
  }

  /**
   * A pool of one connection for the writes of a dialect that serializes them anyway: the writer's
   * page cache then stays valid from one write to the next (see {@link
   * Dialect#oneWriterConnection}).
   */
  private static HikariDataSource writerPool(Dialect dialect, HikariDataSource pool) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("openpeople-writer");
    config.setConnectionTimeout(10_000);
    dialect.configure(config);
    config.setMaximumPoolSize(1);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      pool.close();
      dialect.close();
      throw new StoreException(
          StoreException.Kind.UNAVAILABLE, "cannot connect: " + e.getMessage(), e);
    }
  }

  private static Timer transactionTimer(MeterRegistry meters, String kind) {
    return Timer.builder("openpeople.storage.transactions")
        .description("User transactions, from the first statement to the commit")
        .tag("kind", kind)
        .register(meters);
  }

  @Override
  public <T extends @Nullable Object> T read(String email, Work<T> work) {
    return readTime.record(() -> readUntimed(email, work));
  }

  private <T extends @Nullable Object> T readUntimed(String email, Work<T> work) {
    User user = findOrCreate(email);
    return runRead(connection -> work.run(new JdbcUserSession(connection, user, false)));
  }

  @Override
  public <T extends @Nullable Object> T readStatement(String email, Work<T> work) {
    return readTime.record(
        () -> {
          User user = findOrCreate(email);
          return runStatement(connection -> work.run(new JdbcUserSession(connection, user, false)));
        });
  }

  @Override
  public <T extends @Nullable Object> T write(String email, Work<T> work) {
    T result = writeTime.record(() -> writeUntimed(email, work));
    statistics.afterWrite();
    return result;
  }

  private <T extends @Nullable Object> T writeUntimed(String email, Work<T> work) {
    try {
      return commits.run(email, connection -> writeAsExisting(connection, email, work));
    } catch (NoSuchUser e) {
      // The user's first write: create the user, outside the group commit, and write again.
      findOrCreate(email);
      try {
        return commits.run(email, connection -> writeAsExisting(connection, email, work));
      } catch (NoSuchUser again) {
        throw new StoreException(StoreException.Kind.NOT_FOUND, "user vanished", again);
      }
    }
  }

  /**
   * Runs {@code work} as the user {@code email}, whose row one statement locks and reads; {@link
   * NoSuchUser} when there is no such user yet.
   */
  private <T extends @Nullable Object> T writeAsExisting(
      Connection connection, String email, Work<T> work) throws SQLException {
    User user;
    try (PreparedStatement lock =
        connection.prepareStatement(
            "SELECT " + USER_COLUMNS + " FROM users WHERE email = ?" + dialect.lockRowClause())) {
      lock.setString(1, email);
      try (ResultSet rs = lock.executeQuery()) {
        if (!rs.next()) {
          throw new NoSuchUser();
        }
        user = user(rs);
      }
    }
    return work.run(new JdbcUserSession(connection, user, true));
  }

  /** A write found no row for its user: it must be created first. */
  private static final class NoSuchUser extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoSuchUser() {
      super("no such user", null, false, false);
    }
  }

  @Override
  public <T extends @Nullable Object> T readDomain(String domain, DomainWork<T> work) {
    return runRead(
        connection -> {
          // Read on first use, in the transaction's snapshot: one round trip fewer for reads that
          // do not need it (searchDirectoryPeople).
          long[] seq = {-1};
          LongSupplier lastSeq =
              () -> {
                if (seq[0] < 0) {
                  seq[0] = Statements.run(() -> domainSeq(connection, domain));
                }
                return seq[0];
              };
          return work.run(new JdbcDomainSession(connection, domain, lastSeq, false));
        });
  }

  @Override
  public <T extends @Nullable Object> T writeDomain(String domain, DomainWork<T> work) {
    return runWrite(
        connection -> {
          new Statements(connection)
              .update(
                  "INSERT INTO domains (name, last_seq) VALUES (?, 0) ON CONFLICT (name) DO NOTHING",
                  domain);
          // The no-op update takes the domain's row lock (PostgreSQL), so a domain's writes
          // serialize and its change sequence stays gap-free in commit order.
          long lastSeq;
          try (PreparedStatement lock =
              connection.prepareStatement(
                  "UPDATE domains SET last_seq = last_seq WHERE name = ? RETURNING last_seq")) {
            lock.setString(1, domain);
            try (ResultSet rs = lock.executeQuery()) {
              rs.next();
              lastSeq = rs.getLong(1);
            }
          }
          long seq = lastSeq;
          return work.run(new JdbcDomainSession(connection, domain, () -> seq, true));
        });
  }

  private static long domainSeq(Connection connection, String domain) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT last_seq FROM domains WHERE name = ?")) {
      select.setString(1, domain);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  @Override
  public int purgeDomainTombstones(Instant before) {
    return runWrite(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM shared_contacts WHERE deleted = TRUE AND updated_at < ?")) {
            delete.setLong(1, before.toEpochMilli());
            return delete.executeUpdate();
          }
        });
  }

  private User findOrCreate(String email) {
    Nesting.refuse();
    User user = existing(email);
    if (user != null) {
      return user;
    }
    // The write lock before the connection, as every writer takes them: an in-memory SQLite pool
    // has a single connection, which the lock's holder may be waiting for.
    if (dialect.serializeWrites()) {
      writeLock.lock();
    }
    try (Connection connection = writers.getConnection()) {
      create(connection, email);
      user = loadUser(connection, email);
      if (user == null) {
        throw new StoreException(StoreException.Kind.NOT_FOUND, "user not created", null);
      }
      return user;
    } catch (SQLException e) {
      throw Sql.failure(e);
    } finally {
      if (dialect.serializeWrites()) {
        writeLock.unlock();
      }
    }
  }

  private @Nullable User existing(String email) {
    try (Connection connection = pool.getConnection()) {
      return loadUser(connection, email);
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  /**
   * Creates a user in one transaction with the next number of its domain's change sequence (its
   * appearance is a directory change) and the search terms of its default profile. Rolls back,
   * leaving no gap, when another node created it.
   */
  private static void create(Connection connection, String email) throws SQLException {
    connection.setAutoCommit(false);
    try {
      String domain = DomainSequence.domainOf(email);
      long seq = DomainSequence.allocate(connection, domain, 1);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO users (email, last_seq, created_at, domain, domain_seq)"
                  + " VALUES (?, 0, ?, ?, ?) ON CONFLICT (email) DO NOTHING")) {
        insert.setString(1, email);
        insert.setLong(2, System.currentTimeMillis());
        insert.setString(3, domain);
        insert.setLong(4, seq);
        if (insert.executeUpdate() == 1) {
          User created = loadUser(connection, email);
          if (created != null) {
            ProfileTerms.insert(new Statements(connection), List.of(created));
          }
          connection.commit();
        } else {
          connection.rollback();
        }
      }
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  static @Nullable User loadUser(Connection connection, String email) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT " + USER_COLUMNS + " FROM users WHERE email = ?")) {
      select.setString(1, email);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? user(rs) : null;
      }
    }
  }

  static User user(ResultSet rs) throws SQLException {
    return new User(
        rs.getLong(1),
        rs.getString(2),
        rs.getLong(3),
        rs.getString(4),
        Instant.ofEpochMilli(rs.getLong(5)));
  }

  @Override
  public void reset() {
    runWrite(
        connection -> {
          for (String table :
              new String[] {
                "photos",
                "card_uids",
                "contact_terms",
                "group_members",
                "group_counts",
                "contact_groups",
                "contacts",
                "other_contact_terms",
                "other_contacts",
                "shared_contact_photos",
                "shared_contact_terms",
                "shared_contacts",
                "user_terms",
                "domains",
                "users",
                "server_counters"
              }) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table)) {
              delete.executeUpdate();
            }
          }
          return 0;
        });
  }

  @Override
  public int purgeTombstones(Instant before) {
    return runWrite(
        connection -> {
          int purged = 0;
          for (String table : new String[] {"contacts", "contact_groups", "other_contacts"}) {
            try (PreparedStatement delete =
                connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE deleted = TRUE AND updated_at < ?")) {
              delete.setLong(1, before.toEpochMilli());
              purged += delete.executeUpdate();
            }
          }
          return purged;
        });
  }

  @Override
  public int reindex(IndexRules rules) {
    return new Reindex(this, rules).run();
  }

  @Override
  public String secret(String name, Supplier<String> generator) {
    return runWrite(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
            insert.setString(1, name);
            insert.setString(2, generator.get());
            insert.executeUpdate();
          }
          try (PreparedStatement select =
              connection.prepareStatement("SELECT value FROM secrets WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
              rs.next();
              return rs.getString(1);
            }
          }
        });
  }

  @Override
  public AppPasswordStore appPasswords() {
    return new JdbcAppPasswordStore(this);
  }

  @Override
  public SnapshotStore snapshots() {
    return new JdbcSnapshotStore(this, dialect);
  }

  @Override
  public ServerState serverState() {
    return serverState;
  }

  @Override
  public boolean ready() {
    try (Connection connection = pool.getConnection();
        PreparedStatement ping = connection.prepareStatement("SELECT 1");
        ResultSet rs = ping.executeQuery()) {
      return rs.next();
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (writers != pool) {
      writers.close();
    }
    pool.close();
    dialect.close();
  }

  /** Work on a raw connection inside one write transaction. */
  @FunctionalInterface
  interface SqlWork<T extends @Nullable Object> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs work in a read-only transaction on a consistent snapshot. */
  <T extends @Nullable Object> T runRead(SqlWork<T> work) {
    Nesting.enter();
    try (Connection connection = pool.getConnection()) {
      dialect.beginRead(connection);
      try {
        return commit(connection, work);
      } finally {
        connection.setReadOnly(false);
      }
    } catch (SQLException e) {
      throw Sql.failure(e);
    } finally {
      Nesting.leave();
    }
  }

  /**
   * Runs work of one read-only statement on a connection in auto-commit mode: the statement is its
   * own transaction and snapshot, without the BEGIN and COMMIT round trips of {@link #runRead}.
   */
  <T extends @Nullable Object> T runStatement(SqlWork<T> work) {
    Nesting.enter();
    try (Connection connection = pool.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw Sql.failure(e);
    } finally {
      Nesting.leave();
    }
  }

  <T extends @Nullable Object> T runWrite(SqlWork<T> work) {
    Nesting.enter();
    if (dialect.serializeWrites()) {
      writeLock.lock();
    }
    try (Connection connection = writers.getConnection()) {
      connection.setAutoCommit(false);
      return commit(connection, work);
    } catch (SQLException e) {
      throw Sql.failure(e);
    } finally {
      if (dialect.serializeWrites()) {
        writeLock.unlock();
      }
      Nesting.leave();
      statistics.afterWrite();
    }
  }

  /** Runs work in the connection's open transaction and commits it, or rolls it back. */
  private static <T extends @Nullable Object> T commit(Connection connection, SqlWork<T> work)
      throws SQLException {
    try {
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.User;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;

/**
 * Migration 15, for both dialects: the words of each user's domain profile ({@link ProfileTerms}),
 * so that a directory search reads the profiles starting with its query from one index instead of
 * reading and testing every user of the domain, and an index of the users by domain and address. A
 * Java migration because the words come from the folding of {@link
 * dev.openpeople.contact.TextKeys}, which SQL cannot compute: it fills the table from the users
 * already stored, a batch at a time, in Flyway's transaction.
 */
final class V15UserTerms implements JavaMigration {
  private static final int BATCH = 500;

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("15");
  }

  @Override
  public String getDescription() {
    return "user terms";
  }

  /** None: the migration is code, which Flyway does not checksum. */
  @Override
  public @Nullable Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    boolean postgresql =
        "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
    try (Statement ddl = connection.createStatement()) {
      if (postgresql) {
        ddl.execute(
            "CREATE TABLE user_terms (domain TEXT NOT NULL, term TEXT COLLATE \"C\" NOT NULL,"
                + " user_id BIGINT NOT NULL, PRIMARY KEY (domain, term, user_id))");
      } else {
        ddl.execute(
            "CREATE TABLE user_terms (domain TEXT NOT NULL, term TEXT NOT NULL,"
                + " user_id INTEGER NOT NULL, PRIMARY KEY (domain, term, user_id)) WITHOUT ROWID");
      }
      ddl.execute("CREATE INDEX user_terms_by_user ON user_terms (user_id)");
      ddl.execute("CREATE INDEX users_by_domain_email ON users (domain, email)");
    }
    Statements sql = new Statements(connection);
    long after = Long.MIN_VALUE;
    while (true) {
      List<User> users =
          sql.select(
              // The columns of users as migration 14 left them, spelled out: a later migration may
              // change JdbcStorage's column list, and this one still runs on old databases.
              "SELECT id, email, last_seq, profile, created_at FROM users WHERE id > ?"
                  + " ORDER BY id LIMIT ?",
              rs ->
                  new User(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getLong(3),
                      rs.getString(4),
                      Instant.ofEpochMilli(rs.getLong(5))),
              after,
              BATCH);
      if (users.isEmpty()) {
        return;
      }
      ProfileTerms.insert(sql, users);
      after = users.get(users.size() - 1).id();
    }
  }
}

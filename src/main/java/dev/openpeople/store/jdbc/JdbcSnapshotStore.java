// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.SnapshotStore;
import dev.openpeople.contact.User;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** {@link SnapshotStore} over the {@code users} and {@code domains} tables. */
final class JdbcSnapshotStore implements SnapshotStore {
  private final JdbcStorage storage;
  private final Dialect dialect;

  JdbcSnapshotStore(JdbcStorage storage, Dialect dialect) {
    this.storage = storage;
    this.dialect = dialect;
  }

  @Override
  public boolean empty() {
    return storage.runRead(
        connection -> {
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM domains)");
              ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1) == 0;
          }
        });
  }

  @Override
  public List<String> domains() {
    return storage.runRead(
        connection -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement select =
                  connection.prepareStatement("SELECT name FROM domains ORDER BY name");
              ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              out.add(rs.getString(1));
            }
          }
          return out;
        });
  }

  @Override
  public void createUser(User user, long domainSeq) {
    storage.runWrite(
        connection -> {
          String domain = DomainSequence.domainOf(user.email());
          try (PreparedStatement domains =
              connection.prepareStatement(
                  "INSERT INTO domains (name, last_seq) VALUES (?, 0)"
                      + " ON CONFLICT (name) DO NOTHING")) {
            domains.setString(1, domain);
            domains.executeUpdate();
          }
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO users (id, email, last_seq, profile, created_at, domain,"
                      + " domain_seq) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, user.id());
            insert.setString(2, user.email());
            insert.setLong(3, user.lastSeq());
            insert.setString(4, user.profile());
            insert.setLong(5, user.created().toEpochMilli());
            insert.setString(6, domain);
            insert.setLong(7, domainSeq);
            insert.executeUpdate();
          }
          ProfileTerms.insert(new Statements(connection), List.of(user));
          String after = dialect.afterExplicitUserIds();
          if (!after.isEmpty()) {
            try (PreparedStatement bump = connection.prepareStatement(after)) {
              bump.executeQuery().close();
            }
          }
          return Boolean.TRUE;
        });
  }

  @Override
  public void setDomainSeq(String domain, long lastSeq) {
    storage.runWrite(
        connection -> {
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  "INSERT INTO domains (name, last_seq) VALUES (?, ?) ON CONFLICT (name)"
                      + " DO UPDATE SET last_seq = excluded.last_seq")) {
            upsert.setString(1, domain);
            upsert.setLong(2, lastSeq);
            upsert.executeUpdate();
          }
          return Boolean.TRUE;
        });
  }
}

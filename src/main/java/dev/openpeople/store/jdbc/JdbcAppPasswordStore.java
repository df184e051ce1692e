// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.AppPasswordStore;
import java.time.Instant;
import java.util.List;

/** App passwords in the {@code app_passwords} table (V7). */
final class JdbcAppPasswordStore implements AppPasswordStore {
  private final JdbcStorage storage;

  JdbcAppPasswordStore(JdbcStorage storage) {
    this.storage = storage;
  }

  @Override
  public AppPassword insert(String email, String label, String hash, Instant created) {
    long id =
        storage.runWrite(
            connection ->
                new Statements(connection)
                    .number(
                        "INSERT INTO app_passwords (email, label, hash, created_at)"
                            + " VALUES (?, ?, ?, ?) RETURNING id",
                        email,
                        label,
                        hash,
                        created.toEpochMilli()));
    return new AppPassword(id, email, label, hash, created);
  }

  @Override
  public List<AppPassword> list(String email) {
    return storage.runRead(
        connection ->
            new Statements(connection)
                .select(
                    "SELECT id, label, hash, created_at FROM app_passwords WHERE email = ?"
                        + " ORDER BY id",
                    rs ->
                        new AppPassword(
                            rs.getLong(1),
                            email,
                            rs.getString(2),
                            rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4))),
                    email));
  }

  @Override
  public boolean delete(String email, long id) {
    return storage.runWrite(
        connection ->
            new Statements(connection)
                    .update("DELETE FROM app_passwords WHERE email = ? AND id = ?", email, id)
                > 0);
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.AppPasswordStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** App passwords in the {@code app_passwords} table (V7). */
final class JdbcAppPasswordStore implements AppPasswordStore {
  private final JdbcStorage storage;

  JdbcAppPasswordStore(JdbcStorage storage) {
    this.storage = storage;
  }

  @Override
  public AppPassword insert(String email, String label, String hash, Instant created) {
    return storage.runWrite(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO app_passwords (email, label, hash, created_at) VALUES (?, ?, ?, ?)"
                      + " RETURNING id")) {
            insert.setString(1, email);
            insert.setString(2, label);
            insert.setString(3, hash);
            insert.setLong(4, created.toEpochMilli());
            try (ResultSet rs = insert.executeQuery()) {
              rs.next();
              return new AppPassword(rs.getLong(1), email, label, hash, created);
            }
          }
        });
  }

  @Override
  public List<AppPassword> list(String email) {
    return storage.runWrite(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT id, label, hash, created_at FROM app_passwords WHERE email = ?"
                      + " ORDER BY id")) {
            select.setString(1, email);
            List<AppPassword> out = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new AppPassword(
                        rs.getLong(1),
                        email,
                        rs.getString(2),
                        rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4))));
              }
            }
            return out;
          }
        });
  }

  @Override
  public boolean delete(String email, long id) {
    return storage.runWrite(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM app_passwords WHERE email = ? AND id = ?")) {
            delete.setString(1, email);
            delete.setLong(2, id);
            return delete.executeUpdate() > 0;
          }
        });
  }
}

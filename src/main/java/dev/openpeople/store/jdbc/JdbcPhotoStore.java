// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.Photo;
import dev.openpeople.contact.PhotoStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Contact photos in the {@code photos} table. */
final class JdbcPhotoStore implements PhotoStore {
  private final Connection connection;
  private final long userId;

  JdbcPhotoStore(Connection connection, long userId) {
    this.connection = connection;
    this.userId = userId;
  }

  @Override
  public Optional<Photo> get(long contactId) {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT content_type, bytes FROM photos WHERE user_id = ? AND contact_id = ?")) {
      select.setLong(1, userId);
      select.setLong(2, contactId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next()
            ? Optional.of(new Photo(rs.getString(1), rs.getBytes(2)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public void put(long contactId, Photo photo) {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO photos (user_id, contact_id, content_type, bytes) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (user_id, contact_id) DO UPDATE SET"
                + " content_type = EXCLUDED.content_type, bytes = EXCLUDED.bytes")) {
      upsert.setLong(1, userId);
      upsert.setLong(2, contactId);
      upsert.setString(3, photo.contentType());
      upsert.setBytes(4, photo.bytes());
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }

  @Override
  public void delete(long contactId) {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM photos WHERE user_id = ? AND contact_id = ?")) {
      delete.setLong(1, userId);
      delete.setLong(2, contactId);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw Sql.failure(e);
    }
  }
}

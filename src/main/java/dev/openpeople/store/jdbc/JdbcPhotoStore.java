// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.Photo;
import dev.openpeople.contact.PhotoStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Optional;

/** Contact photos in the {@code photos} table. */
record JdbcPhotoStore(Statements sql, long userId) implements PhotoStore {
  @Override
  public Optional<Photo> get(long contactId) {
    return sql
        .select(
            new ArrayList<>(1),
            "SELECT content_type, bytes FROM photos WHERE user_id = ? AND contact_id = ?",
            JdbcPhotoStore::photo,
            userId,
            contactId)
        .stream()
        .findFirst();
  }

  @Override
  public void put(long contactId, Photo photo) {
    sql.update(
        "INSERT INTO photos (user_id, contact_id, content_type, bytes) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (user_id, contact_id) DO UPDATE SET"
            + " content_type = EXCLUDED.content_type, bytes = EXCLUDED.bytes",
        userId,
        contactId,
        photo.contentType(),
        photo.bytes());
  }

  @Override
  public void delete(long contactId) {
    sql.update("DELETE FROM photos WHERE user_id = ? AND contact_id = ?", userId, contactId);
  }

  /** A photo row: content type, bytes. */
  static Photo photo(ResultSet rs) throws SQLException {
    return new Photo(rs.getString(1), rs.getBytes(2));
  }
}

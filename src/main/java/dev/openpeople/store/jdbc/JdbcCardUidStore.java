// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.CardUidStore;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.OptionalLong;

/** CardDAV card UIDs in the {@code card_uids} table. */
final class JdbcCardUidStore implements CardUidStore {
  private final Statements sql;
  private final long userId;

  JdbcCardUidStore(Connection connection, long userId) {
    this.sql = new Statements(connection);
    this.userId = userId;
  }

  @Override
  public OptionalLong find(String uid) {
    return sql
        .select(
            new ArrayList<Long>(1),
            "SELECT contact_id FROM card_uids WHERE user_id = ? AND uid = ?",
            rs -> rs.getLong(1),
            userId,
            uid)
        .stream()
        .mapToLong(Long::longValue)
        .findFirst();
  }

  @Override
  public void put(String uid, long contactId) {
    sql.update(
        "INSERT INTO card_uids (user_id, uid, contact_id) VALUES (?, ?, ?)"
            + " ON CONFLICT (user_id, uid) DO UPDATE SET contact_id = EXCLUDED.contact_id",
        userId,
        uid,
        contactId);
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import dev.openpeople.contact.CardUidStore;
import dev.openpeople.contact.ContactStore;
import dev.openpeople.contact.GroupStore;
import dev.openpeople.contact.OtherContactStore;
import dev.openpeople.contact.PhotoStore;
import dev.openpeople.contact.User;
import dev.openpeople.contact.UserSession;
import java.sql.Connection;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One user's view of one JDBC transaction. */
record JdbcUserSession(Connection connection, User user, boolean writable) implements UserSession {
  @Override
  public ContactStore contacts() {
    return new JdbcContactStore(connection, user.id());
  }

  @Override
  public PhotoStore photos() {
    return new JdbcPhotoStore(new Statements(connection), user.id());
  }

  @Override
  public CardUidStore cardUids() {
    return new JdbcCardUidStore(new Statements(connection), user.id());
  }

  @Override
  public GroupStore groups() {
    return new JdbcGroupStore(connection, user.id());
  }

  @Override
  public OtherContactStore otherContacts() {
    return new JdbcOtherContactStore(connection, user.id());
  }

  @Override
  public Map<String, User> usersByEmail(Collection<String> emails) {
    Map<String, User> out = new HashMap<>();
    for (String email : new LinkedHashSet<>(emails)) {
      @Nullable User found =
          Statements.<@Nullable User>run(() -> JdbcStorage.loadUser(connection, email));
      if (found != null) {
        out.put(email, found);
      }
    }
    return out;
  }

  @Override
  public long allocateSeqs(int count) {
    requireWritable();
    return new Statements(connection)
            .number(
                "UPDATE users SET last_seq = last_seq + ? WHERE id = ? RETURNING last_seq",
                count,
                user.id())
        - count
        + 1;
  }

  @Override
  public void setProfile(String profileJson) {
    requireWritable();
    // A directory change of the user's domain (listDirectoryPeople sync), in this transaction.
    long seq = DomainSequence.allocate(connection, DomainSequence.domainOf(user.email()), 1);
    new Statements(connection)
        .update(
            "UPDATE users SET profile = ?, domain_seq = ? WHERE id = ?",
            profileJson,
            seq,
            user.id());
    ProfileTerms.write(
        new Statements(connection),
        new User(user.id(), user.email(), user.lastSeq(), profileJson, user.created()));
  }

  private void requireWritable() {
    if (!writable) {
      throw new IllegalStateException("write inside a read transaction");
    }
  }
}

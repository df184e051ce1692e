// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openpeople.contact.TextKeys;
import dev.openpeople.contact.User;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The words a directory search (searchDirectoryPeople) matches in a domain profile, and their rows
 * in {@code user_terms}: the folded display names and e-mail addresses of the user's profile (the
 * stored one, or the default one derived from the address), each address also cut at "@" and ".". A
 * query matches a profile when its search text contains a space followed by the query; for a query
 * without spaces that is when one of the terms (the words after a space, {@link
 * JdbcSharedContactStore#terms}) starts with it. The terms are rewritten in the transaction that
 * creates a user or changes its profile.
 */
final class ProfileTerms {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}@.]+");

  private ProfileTerms() {}

  /** The search text of a user's profile: a space before each word. */
  static String text(User user) {
    StringBuilder words = new StringBuilder();
    if (user.profile() == null) {
      words.append(' ').append(user.defaultName()).append(' ').append(user.email());
    } else {
      JsonNode body = parse(user.profile());
      body.path("names").forEach(n -> words.append(' ').append(n.path("displayName").asText()));
      body.path("emailAddresses").forEach(e -> words.append(' ').append(e.path("value").asText()));
    }
    String text = NOT_WORD.matcher(TextKeys.fold(words.toString())).replaceAll(" ");
    return " " + text.replace('@', ' ').replace('.', ' ') + " " + text;
  }

  /** True when the user's profile has a word starting with the folded {@code prefix}. */
  static boolean matches(User user, String prefix) {
    return text(user).contains(" " + prefix);
  }

  /** Replaces the user's rows of {@code user_terms} with the terms of its profile. */
  static void write(Statements sql, User user) {
    sql.update("DELETE FROM user_terms WHERE user_id = ?", user.id());
    insert(sql, List.of(user));
  }

  /** Adds the terms of users that have none yet. */
  static void insert(Statements sql, List<User> users) {
    record Term(String domain, String term, long userId) {}
    List<Term> rows = new ArrayList<>();
    for (User user : users) {
      String domain = DomainSequence.domainOf(user.email());
      for (String term : JdbcSharedContactStore.terms(text(user))) {
        rows.add(new Term(domain, term, user.id()));
      }
    }
    Statements.exec(
        () ->
            sql.batch(
                "INSERT INTO user_terms (domain, term, user_id) VALUES (?, ?, ?)",
                rows,
                (insert, row) -> {
                  insert.setString(1, row.domain());
                  insert.setString(2, row.term());
                  insert.setLong(3, row.userId());
                }));
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is corrupt", e);
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static dev.openpeople.store.TestContacts.contact;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactKeys;
import dev.openpeople.contact.IndexRules;
import dev.openpeople.contact.OtherContactStore;
import dev.openpeople.contact.SharedContact;
import dev.openpeople.contact.SortOrder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every backend's {@link dev.openpeople.contact.Storage#reindex} must do, identically. */
interface ReindexContract extends StorageFixture {
  /** Rules that key a body by its reversed text, so that the new order differs from the old. */
  record Reversing(String version) implements IndexRules {
    @Override
    public ContactKeys contact(String body) {
      String key = new StringBuilder(body).reverse().toString();
      return new ContactKeys(key, key, List.of("new " + body));
    }

    @Override
    public String sharedContact(String entry) {
      return " new " + entry;
    }
  }

  @Test
  default void reindexRewritesKeysAndTermsOfLiveRowsOnceAVersion() {
    String user = "reindex@example.com";
    insert(user, contact(1, 1, "ab", "ab", "old"), contact(2, 2, "ba", "ba", "old"));
    insert(user, contact(3, 3, "c", "c", "old"));
    storage()
        .write(
            user,
            s -> {
              s.contacts().markDeleted(3, s.allocateSeqs(1), Instant.now());
              s.allocateSeqs(1);
              s.otherContacts()
                  .insert(
                      List.of(new OtherContactStore.Row(contact(9, 5, "o", "o", "old"), "o@x")));
              return null;
            });
    Instant at = Instant.ofEpochMilli(1_700_000_000_000L);
    storage()
        .writeDomain(
            "reindex.example.com",
            s -> {
              s.allocateSeqs(1);
              s.sharedContacts()
                  .put(
                      new SharedContact(
                          "reindex.example.com", "ab", 1, at, at, false, "x", "{}", " old", 0));
              return null;
            });

    assertThat(storage().reindex(new Reversing("v1"))).isEqualTo(4);

    // The keys of {"n":"ab"} and {"n":"ba"} reversed: contact 2 sorts first now.
    assertThat(
            storage()
                .<List<Long>>read(
                    user,
                    s -> idsOf(s.contacts().page(SortOrder.FIRST_NAME_ASCENDING, null, 99, 9))))
        .containsExactly(2L, 1L);
    assertThat(get(user, 1).map(c -> c.keys().firstName())).hasValue("}\"ba\":\"n\"{");
    assertThat(get(user, 1).map(Contact::seq)).hasValue(1L);
    assertThat(search(user, "old", 10)).isEmpty();
    assertThat(search(user, "new {\"n\":\"ba", 10)).containsExactly(2L);
    assertThat(searchOthers(user, "new ", 10)).containsExactly(9L);
    assertThat(searchOthers(user, "old", 10)).isEmpty();
    assertThat(
            storage()
                .<List<SharedContact>>readDomain(
                    "reindex.example.com", s -> s.sharedContacts().search("new x", 0, 10)))
        .extracting(SharedContact::seq)
        .containsExactly(1L);

    assertThat(storage().reindex(new Reversing("v1"))).as("the same version again").isZero();
    assertThat(storage().reindex(new Reversing("v2"))).as("another version").isEqualTo(4);
  }
}

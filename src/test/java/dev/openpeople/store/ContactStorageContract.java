// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.store;

import static dev.openpeople.store.TestContacts.contact;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.contact.Contact;
import dev.openpeople.contact.Photo;
import dev.openpeople.contact.SortOrder;
import dev.openpeople.contact.Storage;
import dev.openpeople.listing.Cursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link Storage} backend must do with contacts and their photos, identically. */
interface ContactStorageContract extends StorageFixture {
  @Test
  default void pagesInEverySortOrderWithKeysetCursors() {
    String user = "page@example.com";
    insert(
        user,
        contact(10, 1, "cy", "zed", "cy"),
        contact(11, 2, "al", "yo", "al"),
        contact(12, 3, "bo", "yo", "bo"),
        contact(13, 4, "al", "xi", "al"));

    assertThat(pageAll(user, SortOrder.LAST_MODIFIED_ASCENDING))
        .containsExactly(10L, 11L, 12L, 13L);
    assertThat(pageAll(user, SortOrder.LAST_MODIFIED_DESCENDING))
        .containsExactly(13L, 12L, 11L, 10L);
    assertThat(pageAll(user, SortOrder.FIRST_NAME_ASCENDING)).containsExactly(11L, 13L, 12L, 10L);
    assertThat(pageAll(user, SortOrder.LAST_NAME_ASCENDING)).containsExactly(13L, 11L, 12L, 10L);
    assertThat(
            storage()
                .<List<Long>>read(
                    user,
                    s -> idsOf(s.contacts().page(SortOrder.LAST_MODIFIED_ASCENDING, null, 2, 10))))
        .containsExactly(10L, 11L);
  }

  private List<Long> pageAll(String user, SortOrder order) {
    List<Long> out = new ArrayList<>();
    Cursor cursor = null;
    while (true) {
      Cursor at = cursor;
      List<Contact> page = storage().read(user, s -> s.contacts().page(order, at, 100, 1));
      if (page.isEmpty()) {
        return out;
      }
      out.add(page.get(0).id());
      cursor = Contact.cursorAfter(page.get(0), order);
    }
  }

  @Test
  default void deletesLeaveTombstonesInTheChangeLogOnly() {
    String user = "tomb@example.com";
    insert(user, contact(20, 1, "a", "a", "a"), contact(21, 2, "b", "b", "b"));
    storage()
        .write(
            user,
            s -> {
              s.contacts().markDeleted(20, s.allocateSeqs(1), Instant.now());
              return null;
            });

    assertThat(get(user, 20)).isEmpty();
    assertThat(storage().<Long>read(user, s -> s.contacts().countLive(100))).isEqualTo(1);
    List<Contact> changes = storage().read(user, s -> s.contacts().changes(1, 100, 10));
    assertThat(idsOf(changes)).containsExactly(21L, 20L);
    assertThat(changes.get(1).deleted()).isTrue();
    assertThat(storage().<Long>read(user, s -> s.contacts().countChanges(1, 100))).isEqualTo(2);
    assertThat(search(user, "a", 10)).isEmpty();
  }

  @Test
  default void updateReplacesBodyKeysAndSearchTermsWhileTouchKeepsTerms() {
    String user = "upd@example.com";
    insert(user, contact(30, 1, "old", "old", "old name", "name"));
    storage()
        .write(
            user,
            s -> {
              s.contacts()
                  .update(List.of(contact(30, s.allocateSeqs(1), "new", "new", "new name")));
              return null;
            });
    assertThat(search(user, "old", 10)).isEmpty();
    assertThat(search(user, "new n", 10)).containsExactly(30L);

    storage()
        .write(
            user,
            s -> {
              Contact current = s.contacts().get(30).orElseThrow();
              s.contacts().touch(current.withPhoto(s.allocateSeqs(1), Instant.now(), 9));
              return null;
            });
    Contact touched = storage().read(user, s -> s.contacts().get(30)).orElseThrow();
    assertThat(touched.photoVersion()).isEqualTo(9);
    assertThat(touched.seq()).isEqualTo(3);
    assertThat(search(user, "new", 10)).containsExactly(30L);
  }

  @Test
  default void searchIsAPrefixRangeIncludingNonAscii() {
    String user = "search@example.com";
    insert(
        user,
        contact(40, 1, "z", "z", "zoë", "émile zola", "zola"),
        contact(41, 2, "y", "y", "zorro"));

    assertThat(search(user, "zo", 10)).containsExactlyInAnyOrder(40L, 41L);
    assertThat(search(user, "émile z", 10)).containsExactly(40L);
    assertThat(search(user, "mile", 10)).isEmpty();
    assertThat(search(user, "zo", 1)).hasSize(1);
  }

  @Test
  default void searchReturnsDistinctContactsEvenWhenOneHasManyMatchingTerms() {
    String user = "terms@example.com";
    String[] many = new String[100];
    for (int i = 0; i < many.length; i++) {
      many[i] = "aa" + (1000 + i);
    }
    insert(user, contact(50, 1, "a", "a", many), contact(51, 2, "b", "b", "ab"));

    assertThat(search(user, "a", 2)).containsExactly(50L, 51L);
    assertThat(search(user, "aa1", 5)).containsExactly(50L);
  }

  @Test
  default void photosArePutReplacedAndDeleted() {
    String user = "photo@example.com";
    storage()
        .write(
            user,
            s -> {
              s.photos().put(50, new Photo("image/png", new byte[] {1, 2}));
              s.photos().put(50, new Photo("image/jpeg", new byte[] {3}));
              return null;
            });
    Photo photo = storage().read(user, s -> s.photos().get(50)).orElseThrow();
    assertThat(photo.contentType()).isEqualTo("image/jpeg");
    assertThat(photo.bytes()).containsExactly(3);

    storage()
        .write(
            user,
            s -> {
              s.photos().delete(50);
              return null;
            });
    assertThat(storage().<Optional<Photo>>read(user, s -> s.photos().get(50))).isEmpty();
  }

  @Test
  default void purgeRemovesOnlyOldTombstones() {
    String user = "purge@example.com";
    insert(user, contact(60, 1, "a", "a"), contact(61, 2, "b", "b"));
    storage()
        .write(
            user,
            s -> {
              s.contacts()
                  .markDeleted(60, s.allocateSeqs(1), Instant.parse("2020-01-01T00:00:00Z"));
              s.contacts()
                  .markDeleted(61, s.allocateSeqs(1), Instant.parse("2030-01-01T00:00:00Z"));
              return null;
            });

    assertThat(storage().purgeTombstones(Instant.parse("2025-01-01T00:00:00Z"))).isEqualTo(1);
    assertThat(idsOf(storage().read(user, s -> s.contacts().changes(0, 100, 10))))
        .containsExactly(61L);
  }
}

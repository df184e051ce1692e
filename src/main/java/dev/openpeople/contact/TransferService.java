// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.contact.ContactService.ContactDraft;
import dev.openpeople.listing.Cursor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Contacts in and out of a user's address book in bulk (file import and export): batches of new
 * contacts written whole through {@link ContactService#insert}, photos included, and every contact
 * streamed out of one consistent snapshot with its photo and the names of its groups.
 */
public final class TransferService {
  private static final int CHUNK = 1000;

  /**
   * A new contact of an import: its draft, its photo and its vCard UID (CardDAV finds the card by
   * it), each null when the file had none.
   */
  public record NewContact(ContactDraft draft, @Nullable Photo photo, @Nullable String uid) {}

  /** Receives an export: the user's group names first, then each live contact. */
  public interface ExportSink {
    void groups(Map<String, String> namesById);

    void contact(Contact contact, @Nullable Photo photo);
  }

  private final ContactService contacts;

  public TransferService(ContactService contacts) {
    this.contacts = contacts;
  }

  /** The user's groups: names by id. */
  public Map<String, String> groups(String email) {
    return contacts.storage().read(email, TransferService::groupNames);
  }

  /** The ids of the user's groups with these names, created (in one transaction) when missing. */
  public Map<String, String> groupIds(String email, List<String> names) {
    return contacts
        .storage()
        .write(
            email,
            session -> {
              List<String> ids = GroupService.idsByName(session, names, contacts.now());
              Map<String, String> out = new HashMap<>();
              for (int i = 0; i < names.size(); i++) {
                out.put(names.get(i), ids.get(i));
              }
              return out;
            });
  }

  /**
   * Creates contacts {@code ids} in one transaction (all of them or none), with their photos; every
   * group a draft names must exist.
   */
  public List<Contact> create(String email, List<Long> ids, List<NewContact> batch) {
    List<ContactDraft> drafts = new ArrayList<>(batch.size());
    batch.forEach(c -> drafts.add(c.draft()));
    return contacts
        .storage()
        .write(
            email,
            session -> {
              List<Contact> created = contacts.insert(session, ids, drafts);
              List<Contact> out = new ArrayList<>(created.size());
              for (int i = 0; i < created.size(); i++) {
                Photo photo = batch.get(i).photo();
                Contact contact = created.get(i);
                String uid = batch.get(i).uid();
                if (uid != null) {
                  session.cardUids().put(uid, contact.id());
                }
                if (photo != null) {
                  // The photo's version is the contact's own sequence number: no new number.
                  session.photos().put(contact.id(), photo);
                  contact = contact.withPhoto(contact.seq(), contact.updated(), contact.seq());
                  session.contacts().touch(contact);
                }
                out.add(contact);
              }
              return out;
            });
  }

  /** Streams every live contact of the user, oldest change first, from one snapshot. */
  public void export(String email, ExportSink sink) {
    contacts
        .storage()
        .read(
            email,
            session -> {
              sink.groups(groupNames(session));
              long lastSeq = session.user().lastSeq();
              Cursor after = null;
              while (true) {
                List<Contact> page =
                    session
                        .contacts()
                        .page(SortOrder.LAST_MODIFIED_ASCENDING, after, lastSeq, CHUNK);
                for (Contact contact : page) {
                  sink.contact(contact, session.photos().of(contact));
                }
                if (page.size() < CHUNK) {
                  return Boolean.TRUE;
                }
                after =
                    Contact.cursorAfter(
                        page.get(page.size() - 1), SortOrder.LAST_MODIFIED_ASCENDING);
              }
            });
  }

  /** User group names by id (system groups have none). */
  static Map<String, String> groupNames(UserSession session) {
    Map<String, String> names = new HashMap<>();
    String after = null;
    while (true) {
      List<ContactGroup> page = session.groups().page(after, Long.MAX_VALUE, CHUNK);
      for (ContactGroup group : page) {
        names.put(group.id(), group.name());
      }
      if (page.size() < CHUNK) {
        return names;
      }
      after = page.get(page.size() - 1).id();
    }
  }
}

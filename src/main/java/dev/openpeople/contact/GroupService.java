// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The rules of contact-group writes (digest §6): unique names, etag preconditions, system groups
 * that cannot change, and membership changes that rewrite each affected contact with a new change
 * sequence so its etag changes and incremental contact syncs see it.
 */
public final class GroupService {
  /** What members.modify could not do. */
  public record ModifyResult(
      List<Long> notFound, List<Long> canNotRemoveLastGroup, boolean changed) {}

  private static final int SLICE = 1000;

  private final ContactService contacts;

  public GroupService(ContactService contacts) {
    this.contacts = contacts;
  }

  public ContactService contacts() {
    return contacts;
  }

  public ContactGroup create(String email, String name, String clientData) {
    return contacts
        .storage()
        .write(
            email,
            session -> {
              requireUniqueName(session, name, null);
              String id;
              do {
                id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
              } while (session.groups().get(id).isPresent());
              ContactGroup group =
                  new ContactGroup(
                      id, session.allocateSeqs(1), contacts.now(), false, name, clientData);
              session.groups().insert(group);
              return group;
            });
  }

  /**
   * Updates a user group; a null name or client data keeps the current one. A given etag must be
   * the current one (400 FAILED_PRECONDITION).
   */
  public ContactGroup update(
      String email,
      String id,
      @Nullable String etag,
      @Nullable String name,
      @Nullable String clientData) {
    return contacts
        .storage()
        .write(
            email,
            session -> {
              ContactGroup current = requireUserGroup(session, id, "updated");
              if (etag != null && !etag.isEmpty() && !etag.equals(Etags.group(current))) {
                throw new ApiException(ApiError.GROUP_ETAG_MISMATCH);
              }
              String newName = name == null ? current.name() : name;
              if (!newName.equals(current.name())) {
                requireUniqueName(session, newName, id);
              }
              ContactGroup updated =
                  current.withChange(
                      session.allocateSeqs(1),
                      contacts.now(),
                      newName,
                      clientData == null ? current.clientData() : clientData);
              session.groups().update(updated);
              return updated;
            });
  }

  /**
   * Deletes a user group. Its members are deleted too when {@code deleteContacts}, else each loses
   * the membership (a contact left with none falls back to myContacts, so it keeps one).
   */
  public void delete(String email, String id, boolean deleteContacts, MembershipEditor editor) {
    contacts
        .storage()
        .<@Nullable Void>write(
            email,
            session -> {
              requireUserGroup(session, id, "deleted");
              List<Long> members = session.groups().members(id, Integer.MAX_VALUE);
              Instant now = contacts.now();
              if (deleteContacts) {
                ContactService.deleteAll(session, members, now);
              } else {
                // In slices, so a huge group never holds all its members' bodies at once.
                for (int from = 0; from < members.size(); from += SLICE) {
                  List<Long> slice = members.subList(from, Math.min(members.size(), from + SLICE));
                  leaveGroup(session, id, session.contacts().getAll(slice), editor, now);
                }
              }
              session.groups().markDeleted(id, session.allocateSeqs(1), now);
              return null;
            });
  }

  /**
   * Adds and removes members of a group (members.modify). Unknown contacts are reported, not
   * failed; a removal that would leave a contact without any group is skipped and reported.
   */
  public ModifyResult modify(
      String email, String groupId, List<Long> add, List<Long> remove, MembershipEditor editor) {
    return contacts
        .storage()
        .write(
            email,
            session -> {
              Optional<SystemGroups> system = SystemGroups.byId(groupId);
              ContactGroup group = null;
              if (system.isEmpty()) {
                group =
                    session
                        .groups()
                        .get(groupId)
                        .orElseThrow(() -> new ApiException(ApiError.NOT_FOUND));
              } else if (!add.isEmpty() && !system.get().acceptsMembers()) {
                throw new ApiException(ApiError.DEPRECATED_SYSTEM_GROUP);
              }
              Instant now = contacts.now();
              ModifyResult result = applyModify(session, groupId, add, remove, editor, now);
              if (group != null && result.changed()) {
                session
                    .groups()
                    .update(
                        group.withChange(
                            session.allocateSeqs(1), now, group.name(), group.clientData()));
              }
              return result;
            });
  }

  private static ModifyResult applyModify(
      UserSession session,
      String groupId,
      List<Long> add,
      List<Long> remove,
      MembershipEditor editor,
      Instant now) {
    Set<Long> all = new LinkedHashSet<>(add);
    all.addAll(remove);
    Map<Long, Contact> found = new HashMap<>();
    session.contacts().getAll(all).forEach(c -> found.put(c.id(), c));
    Set<Long> adding = Set.copyOf(add);
    Set<Long> removing = Set.copyOf(remove);
    List<Long> notFound = new ArrayList<>();
    List<Long> lastGroup = new ArrayList<>();
    List<Contact> changed = new ArrayList<>();
    List<ContactService.ContactDraft> drafts = new ArrayList<>();
    for (long id : all) {
      Contact contact = found.get(id);
      if (contact == null) {
        notFound.add(id);
        continue;
      }
      List<String> before = editor.groups(contact);
      List<String> after = new ArrayList<>(before);
      if (adding.contains(id) && !after.contains(groupId)) {
        after.add(groupId);
      }
      if (removing.contains(id)) {
        after.remove(groupId);
        if (after.isEmpty()) {
          lastGroup.add(id);
          continue;
        }
      }
      if (!after.equals(before)) {
        changed.add(contact);
        drafts.add(editor.withGroups(contact, after));
      }
    }
    ContactService.rewrite(session, changed, drafts, now);
    return new ModifyResult(notFound, lastGroup, !changed.isEmpty());
  }

  /** Removes every given contact from a group; one left without any group goes to myContacts. */
  private static void leaveGroup(
      UserSession session, String id, List<Contact> members, MembershipEditor editor, Instant now) {
    List<ContactService.ContactDraft> drafts = new ArrayList<>(members.size());
    for (Contact contact : members) {
      List<String> groups = new ArrayList<>(editor.groups(contact));
      groups.remove(id);
      if (groups.isEmpty()) {
        groups.add(SystemGroups.MY_CONTACTS.id());
      }
      drafts.add(editor.withGroups(contact, groups));
    }
    ContactService.rewrite(session, members, drafts, now);
  }

  private static ContactGroup requireUserGroup(UserSession session, String id, String verb) {
    if (SystemGroups.byId(id).isPresent()) {
      throw ApiException.invalid("System contact groups cannot be %s.", verb);
    }
    return session.groups().get(id).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND));
  }

  private static void requireUniqueName(UserSession session, String name, @Nullable String self) {
    Optional<ContactGroup> same = session.groups().byName(name);
    if (same.isPresent() && !same.get().id().equals(self)) {
      throw new ApiException(
          ApiError.ALREADY_EXISTS,
          String.format("Contact group name \"%s\" already exists.", name));
    }
  }
}

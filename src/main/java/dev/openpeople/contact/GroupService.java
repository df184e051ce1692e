// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.listing.Listing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
 * The rules of contact groups (https://developers.google.com/people/api/rest/v1/contactGroups):
 * unique names, etag preconditions, system groups that cannot change, and membership changes that
 * rewrite each affected contact with a new change sequence so its etag changes and incremental
 * contact syncs see it.
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

  /** A page of contactGroups.list and, when asked, the member counts of its groups. */
  public record GroupsPage(Listing.Page<GroupRows.Row> page, Map<String, Long> memberCounts) {}

  /**
   * A page of the system groups then the user's groups, or of the groups changed since the
   * request's sync token (contactGroups.list).
   */
  public GroupsPage list(
      String email, Listing listing, Listing.Request request, boolean memberCounts) {
    Instant now = contacts.now();
    return contacts
        .storage()
        .read(
            email,
            session -> {
              Listing.Page<GroupRows.Row> page =
                  listing.page(
                      new GroupRows(session.groups()),
                      request,
                      session.user().id(),
                      session.user().lastSeq(),
                      now);
              Map<String, Long> counts =
                  memberCounts
                      ? session
                          .groups()
                          .memberCounts(page.rows().stream().map(GroupRows.Row::id).toList())
                      : Map.of();
              return new GroupsPage(page, counts);
            });
  }

  /**
   * A group as get and batchGet read it: the user group (empty for a system group), its live member
   * count and the ids of up to maxMembers members.
   */
  public record GroupDetail(Optional<ContactGroup> group, long memberCount, List<Long> members) {}

  /**
   * The groups among {@code ids} that exist (system groups and live user groups), by id, read in
   * one transaction with up to {@code maxMembers} member ids each.
   */
  public Map<String, GroupDetail> get(String email, Collection<String> ids, int maxMembers) {
    return contacts
        .storage()
        .read(
            email,
            session -> {
              Set<String> unique = new LinkedHashSet<>(ids);
              Map<String, ContactGroup> users = new HashMap<>();
              session.groups().getAll(unique).forEach(g -> users.put(g.id(), g));
              Map<String, Long> counts = session.groups().memberCounts(unique);
              Map<String, GroupDetail> out = new HashMap<>();
              for (String id : unique) {
                if (users.containsKey(id) || SystemGroups.byId(id).isPresent()) {
                  List<Long> members =
                      maxMembers > 0 ? session.groups().members(id, maxMembers) : List.of();
                  out.put(
                      id,
                      new GroupDetail(
                          Optional.ofNullable(users.get(id)),
                          counts.getOrDefault(id, 0L),
                          members));
                }
              }
              return out;
            });
  }

  public ContactGroup create(String email, String name, String clientData) {
    return contacts
        .storage()
        .write(
            email,
            session -> {
              requireUniqueName(session, name, null);
              return insertNew(session, name, clientData, contacts.now());
            });
  }

  /** Inserts a new user group with a fresh random id and the next sequence number. */
  static ContactGroup insertNew(UserSession session, String name, String clientData, Instant now) {
    String id;
    do {
      id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    } while (session.groups().get(id).isPresent());
    ContactGroup group =
        new ContactGroup(id, session.allocateSeqs(1), now, false, name, clientData);
    session.groups().insert(group);
    return group;
  }

  /** The ids of the user groups with these names, creating the missing ones (in the session). */
  static List<String> idsByName(UserSession session, List<String> names, Instant now) {
    List<String> ids = new ArrayList<>(names.size());
    for (String name : names) {
      Optional<ContactGroup> group = session.groups().byName(name);
      ids.add(group.isPresent() ? group.get().id() : insertNew(session, name, "[]", now).id());
    }
    return ids;
  }

  /** An updated group and its live member count. */
  public record Updated(ContactGroup group, long memberCount) {}

  /**
   * Updates a user group; a null name or client data keeps the current one. A given etag must be
   * the current one (400 FAILED_PRECONDITION).
   */
  public Updated update(
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
              long count = session.groups().memberCounts(List.of(id)).getOrDefault(id, 0L);
              return new Updated(updated, count);
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

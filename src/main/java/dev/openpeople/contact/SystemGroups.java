// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.contact;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The system contact groups every user has
 * (https://developers.google.com/people/api/rest/v1/contactGroups/list), in the order they are
 * listed. Only myContacts and starred accept new members; the others are deprecated and only allow
 * removals.
 */
public enum SystemGroups {
  MY_CONTACTS("myContacts", "My Contacts", true),
  STARRED("starred", "Starred", true),
  FRIENDS("friends", "Friends", false),
  FAMILY("family", "Family", false),
  COWORKERS("coworkers", "Coworkers", false),
  CHAT_BUDDIES("chatBuddies", "Chat contacts", false),
  ALL("all", "All Contacts", false),
  BLOCKED("blocked", "Blocked", false);

  private static final Pattern USER_GROUP_ID = Pattern.compile("[0-9a-f]{1,16}");

  private final String id;
  private final String formattedName;
  private final boolean acceptsMembers;

  SystemGroups(String id, String formattedName, boolean acceptsMembers) {
    this.id = id;
    this.formattedName = formattedName;
    this.acceptsMembers = acceptsMembers;
  }

  public String id() {
    return id;
  }

  public String formattedName() {
    return formattedName;
  }

  public boolean acceptsMembers() {
    return acceptsMembers;
  }

  public static Optional<SystemGroups> byId(String id) {
    for (SystemGroups group : values()) {
      if (group.id.equals(id)) {
        return Optional.of(group);
      }
    }
    return Optional.empty();
  }

  /** True for a syntactically valid user group id: 1 to 16 lower-case hex digits. */
  public static boolean isUserGroupId(String id) {
    return USER_GROUP_ID.matcher(id).matches();
  }
}

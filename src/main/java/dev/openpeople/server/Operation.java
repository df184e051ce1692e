// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

/**
 * Every People API v1 method, named after its discovery ID (ARCHITECTURE.md, "Where each API method
 * lives").
 */
public enum Operation {
  CONTACT_GROUPS_BATCH_GET("people.contactGroups.batchGet"),
  CONTACT_GROUPS_CREATE("people.contactGroups.create"),
  CONTACT_GROUPS_DELETE("people.contactGroups.delete"),
  CONTACT_GROUPS_GET("people.contactGroups.get"),
  CONTACT_GROUPS_LIST("people.contactGroups.list"),
  CONTACT_GROUPS_UPDATE("people.contactGroups.update"),
  CONTACT_GROUPS_MEMBERS_MODIFY("people.contactGroups.members.modify"),
  OTHER_CONTACTS_COPY_OTHER_CONTACT_TO_MY_CONTACTS_GROUP(
      "people.otherContacts.copyOtherContactToMyContactsGroup"),
  OTHER_CONTACTS_LIST("people.otherContacts.list"),
  OTHER_CONTACTS_SEARCH("people.otherContacts.search"),
  PEOPLE_BATCH_CREATE_CONTACTS("people.people.batchCreateContacts"),
  PEOPLE_BATCH_DELETE_CONTACTS("people.people.batchDeleteContacts"),
  PEOPLE_BATCH_UPDATE_CONTACTS("people.people.batchUpdateContacts"),
  PEOPLE_CREATE_CONTACT("people.people.createContact"),
  PEOPLE_DELETE_CONTACT("people.people.deleteContact"),
  PEOPLE_DELETE_CONTACT_PHOTO("people.people.deleteContactPhoto"),
  PEOPLE_GET("people.people.get"),
  PEOPLE_GET_BATCH_GET("people.people.getBatchGet"),
  PEOPLE_LIST_DIRECTORY_PEOPLE("people.people.listDirectoryPeople"),
  PEOPLE_SEARCH_CONTACTS("people.people.searchContacts"),
  PEOPLE_SEARCH_DIRECTORY_PEOPLE("people.people.searchDirectoryPeople"),
  PEOPLE_UPDATE_CONTACT("people.people.updateContact"),
  PEOPLE_UPDATE_CONTACT_PHOTO("people.people.updateContactPhoto"),
  PEOPLE_CONNECTIONS_LIST("people.people.connections.list");

  private final String discoveryId;

  Operation(String discoveryId) {
    this.discoveryId = discoveryId;
  }

  public String discoveryId() {
    return discoveryId;
  }

  /** The RPC name Google reports in ErrorInfo metadata, e.g. {@code ...People.CreateContact}. */
  public String rpcName() {
    String[] parts = discoveryId.split("\\.", -1);
    String method = parts[parts.length - 1];
    String resource = parts[parts.length - 2];
    String service =
        switch (resource) {
          case "contactGroups", "members" -> "ContactGroupService";
          case "otherContacts" -> "OtherContacts";
          default -> "PeopleService";
        };
    return "google.people.v1."
        + service
        + "."
        + Character.toUpperCase(method.charAt(0))
        + method.substring(1);
  }
}

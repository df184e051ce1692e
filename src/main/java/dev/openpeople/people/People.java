// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import dev.openpeople.contact.ContactService;
import dev.openpeople.contact.GroupService;
import dev.openpeople.contact.OtherContactService;
import dev.openpeople.contact.PhoneNumbers;
import dev.openpeople.contact.SharedContactService;
import dev.openpeople.people.contactgroups.ContactGroupsMembersRoutes;
import dev.openpeople.people.contactgroups.ContactGroupsRoutes;
import dev.openpeople.people.contacts.PeopleBatchRoutes;
import dev.openpeople.people.contacts.PeopleConnectionsRoutes;
import dev.openpeople.people.contacts.PeoplePhotoRoutes;
import dev.openpeople.people.contacts.PeopleRoutes;
import dev.openpeople.people.contacts.PeopleSearchRoutes;
import dev.openpeople.people.directory.PeopleDirectoryRoutes;
import dev.openpeople.people.othercontacts.OtherContactsRoutes;
import dev.openpeople.people.person.ContactBodies;
import dev.openpeople.people.person.Persons;
import dev.openpeople.server.Discovery;
import dev.openpeople.server.Routes;
import dev.openpeople.token.TokenSigner;
import java.util.List;

/** Builds every Routes instance of the People API over one contact service. */
public final class People {
  private People() {}

  /**
   * Settings of the otherContacts methods.
   *
   * @param firstPageQuota first pages of full syncs allowed per user and minute; 0 for no limit
   * @param strictSearchWarmup search sees only data as of the user's last warmup request
   */
  public record OtherContactsSettings(int firstPageQuota, boolean strictSearchWarmup) {}

  /** The services the People API reads and writes through. */
  public record Services(
      ContactService contacts,
      OtherContactService otherContacts,
      SharedContactService sharedContacts) {}

  public static List<Routes> routes(
      Services services,
      OtherContactsSettings settings,
      Discovery discovery,
      TokenSigner signer,
      PhoneNumbers phones) {
    ContactBodies bodies = new ContactBodies(discovery, phones);
    Persons persons = new Persons(signer);
    ContactService contacts = services.contacts();
    GroupService groups = new GroupService(contacts);
    return List.of(
        new ContactGroupsRoutes(groups, bodies, signer),
        new ContactGroupsMembersRoutes(groups, bodies),
        new PeopleRoutes(contacts, bodies, persons),
        new PeopleBatchRoutes(contacts, bodies, persons),
        new PeoplePhotoRoutes(contacts, persons, signer),
        new PeopleSearchRoutes(contacts, persons, phones),
        new PeopleConnectionsRoutes(contacts, persons, signer),
        new OtherContactsRoutes(
            services.otherContacts(),
            bodies,
            persons,
            signer,
            settings.firstPageQuota(),
            settings.strictSearchWarmup()),
        new PeopleDirectoryRoutes(contacts, services.sharedContacts(), signer),
        new DiscoveryRoutes(discovery));
  }
}

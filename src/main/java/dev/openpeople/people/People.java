// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import dev.openpeople.contact.ContactService;
import dev.openpeople.server.Discovery;
import dev.openpeople.server.Routes;
import dev.openpeople.token.TokenSigner;
import java.util.List;

/** Builds every Routes instance of the People API over one contact service. */
public final class People {
  private People() {}

  public static List<Routes> routes(
      ContactService contacts, Discovery discovery, TokenSigner signer) {
    ContactBodies bodies = new ContactBodies(discovery);
    Persons persons = new Persons(signer);
    return List.of(
        new PeopleRoutes(contacts, bodies, persons),
        new PeopleBatchRoutes(contacts, bodies, persons, signer),
        new PeoplePhotoRoutes(contacts, bodies, persons, signer),
        new PeopleSearchRoutes(contacts, bodies, persons, signer),
        new PeopleConnectionsRoutes(contacts, bodies, persons, signer),
        new PeopleDirectoryRoutes(contacts, signer),
        new DiscoveryRoutes(discovery));
  }
}

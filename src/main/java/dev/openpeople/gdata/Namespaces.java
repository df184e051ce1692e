// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import java.util.Set;

/**
 * The XML namespaces of the GData Contacts v3 protocol
 * (https://developers.google.com/contacts/v3/reference).
 */
final class Namespaces {
  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String GD = "http://schemas.google.com/g/2005";
  static final String GCONTACT = "http://schemas.google.com/contact/2008";
  static final String BATCH = "http://schemas.google.com/gdata/batch";
  static final String APP = "http://www.w3.org/2007/app";
  static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";
  static final String KIND_SCHEME = "http://schemas.google.com/g/2005#kind";
  static final String CONTACT_KIND = "http://schemas.google.com/contact/2008#contact";
  static final String PHOTO_REL = "http://schemas.google.com/contacts/2008/rel#photo";

  /** The {@code gd:} elements a contact entry may carry. */
  static final Set<String> GD_ELEMENTS =
      Set.of(
          "name",
          "email",
          "phoneNumber",
          "im",
          "structuredPostalAddress",
          "postalAddress",
          "organization",
          "extendedProperty",
          "where");

  /** The {@code gContact:} elements a shared contact may carry (no group memberships). */
  static final Set<String> GCONTACT_ELEMENTS =
      Set.of(
          "billingInformation",
          "directoryServer",
          "initials",
          "maidenName",
          "mileage",
          "nickname",
          "occupation",
          "shortName",
          "subject",
          "hobby",
          "yomiName",
          "fileAs",
          "birthday",
          "calendarLink",
          "event",
          "externalId",
          "gender",
          "jot",
          "language",
          "priority",
          "relation",
          "sensitivity",
          "userDefinedField",
          "website");

  private Namespaces() {}
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import javax.xml.namespace.QName;

/** The XML names of WebDAV (RFC 4918), CardDAV (RFC 6352), sync (RFC 6578) and CTag. */
final class DavNames {
  private DavNames() {}

  static final String DAV = "DAV:";
  static final String CARD = "urn:ietf:params:xml:ns:carddav";
  static final String CS = "http://calendarserver.org/ns/";

  static QName dav(String name) {
    return new QName(DAV, name);
  }

  static QName card(String name) {
    return new QName(CARD, name);
  }

  static final QName PROPFIND = dav("propfind");
  static final QName PROP = dav("prop");
  static final QName ALLPROP = dav("allprop");
  static final QName PROPNAME = dav("propname");
  static final QName HREF = dav("href");
  static final QName RESOURCETYPE = dav("resourcetype");
  static final QName DISPLAYNAME = dav("displayname");
  static final QName GETETAG = dav("getetag");
  static final QName GETCONTENTTYPE = dav("getcontenttype");
  static final QName GETCONTENTLENGTH = dav("getcontentlength");
  static final QName SYNC_TOKEN = dav("sync-token");
  static final QName SYNC_LEVEL = dav("sync-level");
  static final QName LIMIT = dav("limit");
  static final QName NRESULTS = dav("nresults");
  static final QName CURRENT_USER_PRINCIPAL = dav("current-user-principal");
  static final QName PRINCIPAL_URL = dav("principal-URL");
  static final QName OWNER = dav("owner");
  static final QName SUPPORTED_REPORT_SET = dav("supported-report-set");
  static final QName CURRENT_USER_PRIVILEGE_SET = dav("current-user-privilege-set");
  static final QName ADD_MEMBER = dav("add-member");
  static final QName QUOTA_USED = dav("quota-used-bytes");
  static final QName QUOTA_AVAILABLE = dav("quota-available-bytes");
  static final QName SYNC_COLLECTION = dav("sync-collection");
  static final QName CTAG = new QName(CS, "getctag");
  static final QName ADDRESSBOOK_HOME_SET = card("addressbook-home-set");
  static final QName ADDRESSBOOK_DESCRIPTION = card("addressbook-description");
  static final QName SUPPORTED_ADDRESS_DATA = card("supported-address-data");
  static final QName MAX_RESOURCE_SIZE = card("max-resource-size");
  static final QName ADDRESS_DATA = card("address-data");
  static final QName MULTIGET = card("addressbook-multiget");
  static final QName QUERY = card("addressbook-query");
  static final QName FILTER = card("filter");
  static final QName PROP_FILTER = card("prop-filter");
  static final QName TEXT_MATCH = card("text-match");
  static final QName CARD_LIMIT = card("limit");

  // Preconditions (RFC 4918 section 16, RFC 6352 sections 6.3.2.1 and 8.6, RFC 6578 section 3.2).
  static final QName PROPFIND_FINITE_DEPTH = dav("propfind-finite-depth");
  static final QName VALID_SYNC_TOKEN = dav("valid-sync-token");
  static final QName NEED_PRIVILEGES = dav("need-privileges");
  static final QName NUMBER_OF_MATCHES = dav("number-of-matches-within-limits");
  static final QName CANNOT_MODIFY = dav("cannot-modify-protected-property");
  static final QName VALID_ADDRESS_DATA = card("valid-address-data");
  static final QName SUPPORTED_ADDRESS_DATA_CONDITION = card("supported-address-data");
  static final QName MAX_RESOURCE_SIZE_CONDITION = card("max-resource-size");
  static final QName SUPPORTED_FILTER = card("supported-filter");
  static final QName SUPPORTED_COLLATION = card("supported-collation");
  static final QName NO_UID_CONFLICT = card("no-uid-conflict");
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.vcard;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.chain.ChainingTextWriter;
import java.util.List;

/**
 * vCard 3.0 (RFC 2426) and 4.0 (RFC 6350) to and from People API {@code Person} fields, read and
 * written with ez-vcard. It knows nothing of HTTP or storage, so CardDAV and file import/export
 * share it. The mapping (also in {@code docs/vcard-mapping.md}):
 *
 * <table>
 *   <caption>vCard property and Person field</caption>
 *   <tr><th>vCard</th><th>Person</th></tr>
 *   <tr><td>N, FN, X-PHONETIC-FIRST/MIDDLE/LAST-NAME</td>
 *       <td>names[0] family/given/middle/prefix/suffix, unstructuredName, phonetic names</td></tr>
 *   <tr><td>NICKNAME (each value)</td><td>nicknames[].value</td></tr>
 *   <tr><td>EMAIL;TYPE=home|work|other</td><td>emailAddresses[] (value, type)</td></tr>
 *   <tr><td>TEL;TYPE=cell, home, work, fax, pager, main, other</td>
 *       <td>phoneNumbers[] (mobile, home, work, homeFax, workFax, otherFax, pager, workMobile,
 *       workPager, main, other)</td></tr>
 *   <tr><td>ADR</td><td>addresses[] (poBox, extendedAddress, streetAddress, city, region,
 *       postalCode, country, type)</td></tr>
 *   <tr><td>ORG (name; department), TITLE, ROLE, paired by position</td>
 *       <td>organizations[] (name, department, title, jobDescription)</td></tr>
 *   <tr><td>BDAY (date, year-less date, or text)</td><td>birthdays[0] (date or text)</td></tr>
 *   <tr><td>ANNIVERSARY (4.0), X-ANNIVERSARY, X-ABDATE + X-ABLabel</td>
 *       <td>events[] (date, type)</td></tr>
 *   <tr><td>URL;TYPE=</td><td>urls[] (value, type)</td></tr>
 *   <tr><td>NOTE (several joined by a blank line)</td><td>biographies[0] (TEXT_PLAIN)</td></tr>
 *   <tr><td>RELATED (4.0, read), X-ABRELATEDNAMES + X-ABLabel</td>
 *       <td>relations[] (person, type)</td></tr>
 *   <tr><td>IMPP;X-SERVICE-TYPE= (and X-AIM, X-JABBER, X-SKYPE, ... when read)</td>
 *       <td>imClients[] (username, protocol, type)</td></tr>
 *   <tr><td>CATEGORIES</td><td>{@link PersonCard#categories()}: the caller maps them to the
 *       user's contact groups by name</td></tr>
 *   <tr><td>UID</td><td>{@link PersonCard#uid()}</td></tr>
 *   <tr><td>any other property (PHOTO, GEO, KEY, X-*, ...)</td><td>{@link
 *       PersonCard#unmapped()}, verbatim</td></tr>
 * </table>
 *
 * <p>A type with no vCard TYPE word is written as Apple's {@code itemN.X-ABLabel}; the primary item
 * of a field with several is {@code TYPE=pref} (3.0) or {@code PREF=1} (4.0). PRODID and REV are
 * the writer's, so they are dropped on read.
 */
public final class VCards {
  private VCards() {}

  /** Reads exactly one vCard 3.0 or 4.0 with a UID and a name, or throws. */
  public static PersonCard read(String text) {
    List<VCard> cards = Ezvcard.parse(text).all();
    if (cards.isEmpty()) {
      throw new InvalidVCardException("The body is not a vCard.");
    }
    if (cards.size() > 1) {
      throw new InvalidVCardException("The body must hold exactly one vCard, not " + cards.size());
    }
    VCard card = cards.get(0);
    if (card.getVersion() != VCardVersion.V3_0 && card.getVersion() != VCardVersion.V4_0) {
      throw new InvalidVCardException("Only vCard 3.0 and 4.0 are accepted.");
    }
    if (card.getFormattedName() == null && card.getStructuredName() == null) {
      throw new InvalidVCardException("The vCard has neither FN nor N.");
    }
    PersonCard read = new VCardToPerson(card).read();
    if (read.uid().isEmpty()) {
      throw new InvalidVCardException("The vCard has no UID.");
    }
    return read;
  }

  /** The vCard text of a contact in the given version (3.0 or 4.0). */
  public static String write(PersonCard card, VCardVersion version) {
    return writer(List.of(new PersonToVCard(card, version).write()), version).go();
  }

  static ChainingTextWriter writer(List<VCard> cards, VCardVersion version) {
    // Not version-strict: properties kept verbatim are written back even if the other version
    // does not define them.
    return Ezvcard.write(cards).version(version).prodId(false).versionStrict(false);
  }
}

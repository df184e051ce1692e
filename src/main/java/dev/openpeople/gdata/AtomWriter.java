// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import static dev.openpeople.error.GDataErrors.escape;

import dev.openpeople.contact.Etags;
import dev.openpeople.contact.SharedContact;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes Atom 1.0 feeds and entries in the GData v3 shape
 * (https://developers.google.com/contacts/v3/reference): fixed namespace prefixes, absolute links
 * on the server's own origin, strong entry etags.
 */
final class AtomWriter {
  static final String ATOM_TYPE = "application/atom+xml; charset=UTF-8";
  static final String XML_DECL = "<?xml version='1.0' encoding='UTF-8'?>";
  static final String NAMESPACES =
      " xmlns='"
          + Namespaces.ATOM
          + "' xmlns:openSearch='"
          + Namespaces.OPENSEARCH
          + "' xmlns:gContact='"
          + Namespaces.GCONTACT
          + "' xmlns:batch='"
          + Namespaces.BATCH
          + "' xmlns:gd='"
          + Namespaces.GD
          + "' xmlns:app='"
          + Namespaces.APP
          + "'";

  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private AtomWriter() {}

  static String time(Instant instant) {
    return RFC3339.format(instant);
  }

  /** The URLs of one domain's feeds on the server's origin. */
  record Urls(String origin, String domain, Projection projection) {
    String base() {
      return origin + "/m8/feeds/contacts/" + domain + "/base";
    }

    String feed() {
      return origin + "/m8/feeds/contacts/" + domain + "/" + projection.name();
    }

    String id(String contactId) {
      return base() + "/" + contactId;
    }

    String self(String contactId) {
      return feed() + "/" + contactId;
    }

    String photo(String contactId) {
      return origin + "/m8/feeds/photos/media/" + domain + "/" + contactId;
    }
  }

  /** An entry; {@code root} adds the XML declaration and namespace declarations. */
  static void entry(StringBuilder out, SharedContact contact, Urls urls, boolean root) {
    entryStart(out, contact, urls, root, List.of());
    out.append("</entry>");
  }

  /**
   * Everything of an entry but its end tag; {@code extra} elements (batch status) come right after
   * the start tag.
   */
  static void entryStart(
      StringBuilder out, SharedContact contact, Urls urls, boolean root, List<String> extra) {
    if (root) {
      out.append(XML_DECL).append("<entry").append(NAMESPACES);
    } else {
      out.append("<entry");
    }
    if (contact.deleted()) {
      out.append('>');
      extra.forEach(out::append);
      escape(out.append("<id>"), urls.id(contact.id())).append("</id>");
      out.append("<updated>").append(time(contact.updated())).append("</updated>");
      out.append("<gd:deleted/>");
      return;
    }
    escape(out.append(" gd:etag='"), Etags.sharedContact(contact)).append("'>");
    extra.forEach(out::append);
    StoredEntry stored = StoredEntry.parse(contact.entry());
    escape(out.append("<id>"), urls.id(contact.id())).append("</id>");
    String updated = time(contact.updated());
    out.append("<updated>").append(updated).append("</updated>");
    out.append("<app:edited>").append(updated).append("</app:edited>");
    out.append("<category scheme='")
        .append(Namespaces.KIND_SCHEME)
        .append("' term='")
        .append(Namespaces.CONTACT_KIND)
        .append("'/>");
    escape(out.append("<title>"), stored.displayTitle()).append("</title>");
    if (stored.content() != null) {
      escape(out.append("<content type='text'>"), stored.content()).append("</content>");
    }
    out.append("<link rel='").append(Namespaces.PHOTO_REL).append("' type='image/*' href='");
    escape(out, urls.photo(contact.id())).append('\'');
    if (contact.photoVersion() != 0) {
      escape(out.append(" gd:etag='"), Etags.sharedPhoto(contact)).append('\'');
    }
    out.append("/>");
    if (contact.photoVersion() != 0) {
      // The photo's edit link (the Java client's ContactEntry.getContactEditPhotoLink).
      out.append("<link rel='").append(Namespaces.EDIT_PHOTO_REL).append("' type='image/*' href='");
      escape(out, urls.photo(contact.id())).append("'/>");
    }
    link(out, "self", urls.self(contact.id()));
    link(out, "edit", urls.self(contact.id()));
    for (XmlElement element : stored.elements()) {
      if (urls.projection().shows(element)) {
        element(out, element, Namespaces.ATOM);
      }
    }
  }

  static void link(StringBuilder out, String rel, String href) {
    escape(
            escape(out.append("<link rel='"), rel).append("' type='application/atom+xml' href='"),
            href)
        .append("'/>");
  }

  /** One stored element with the protocol's prefixes; other namespaces are declared in place. */
  static void element(StringBuilder out, XmlElement element, String defaultNs) {
    String prefix;
    String childDefault = defaultNs;
    boolean declare = false;
    switch (element.ns()) {
      case Namespaces.GD -> prefix = "gd:";
      case Namespaces.GCONTACT -> prefix = "gContact:";
      default -> {
        prefix = "";
        if (!element.ns().equals(defaultNs)) {
          declare = true;
          childDefault = element.ns();
        }
      }
    }
    out.append('<').append(prefix).append(element.name());
    if (declare) {
      escape(out.append(" xmlns='"), element.ns()).append('\'');
    }
    for (Map.Entry<String, String> attribute : element.attributes().entrySet()) {
      escape(out.append(' ').append(attribute.getKey()).append("='"), attribute.getValue())
          .append('\'');
    }
    if (element.text().isEmpty() && element.children().isEmpty()) {
      out.append("/>");
      return;
    }
    escape(out.append('>'), element.text());
    for (XmlElement child : element.children()) {
      element(out, child, childDefault);
    }
    out.append("</").append(prefix).append(element.name()).append('>');
  }
}

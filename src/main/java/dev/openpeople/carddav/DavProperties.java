// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import static dev.openpeople.carddav.DavNames.card;
import static dev.openpeople.carddav.DavNames.dav;

import dev.openpeople.carddav.DavWriter.Value;
import dev.openpeople.contact.Contact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * The live properties of each kind of resource (RFC 4918 section 15, RFC 6352 sections 6 and 7, RFC
 * 6578 section 4, RFC 5995 section 3.2.1, CTag), and how a property request picks from them.
 */
final class DavProperties {
  private DavProperties() {}

  /** What a PROPFIND (or a REPORT's {@code prop}) asks for. */
  record Request(Kind kind, List<QName> names) {
    enum Kind {
      PROP,
      ALLPROP,
      PROPNAME
    }

    static final Request ALL = new Request(Kind.ALLPROP, List.of());

    boolean wants(QName name) {
      return kind != Kind.PROP || names.contains(name);
    }

    /** Whether answering needs the cards' text (address-data or its length). */
    boolean withText() {
      return kind == Kind.PROP
          && (names.contains(DavNames.ADDRESS_DATA) || names.contains(DavNames.GETCONTENTLENGTH));
    }
  }

  /** Largest card accepted (RFC 6352 section 6.2.3), and the most a PUT body may be. */
  static final int MAX_RESOURCE_SIZE = 512 * 1024;

  static final String VCARD_TYPE = "text/vcard; charset=utf-8";

  /** Properties allprop leaves out because they cost a rendering (RFC 4918 section 9.1). */
  private static final Set<QName> NOT_IN_ALLPROP =
      Set.of(DavNames.ADDRESS_DATA, DavNames.GETCONTENTLENGTH);

  static Map<QName, Value> root(String email) {
    Map<QName, Value> props = new LinkedHashMap<>();
    props.put(DavNames.RESOURCETYPE, Value.elements(dav("collection")));
    discovery(props, email);
    return props;
  }

  /**
   * What discovery asks wherever it lands (RFC 6764 section 6, RFC 5397, RFC 6352 section 7.1.1):
   * Google's address book answers all three, so every collection here does.
   */
  private static void discovery(Map<QName, Value> props, String email) {
    props.put(DavNames.CURRENT_USER_PRINCIPAL, Value.href(DavPath.principal(email)));
    props.put(DavNames.PRINCIPAL_URL, Value.href(DavPath.principal(email)));
    props.put(DavNames.ADDRESSBOOK_HOME_SET, Value.href(DavPath.home(email)));
  }

  static Map<QName, Value> principal(String email) {
    Map<QName, Value> props = new LinkedHashMap<>();
    props.put(DavNames.RESOURCETYPE, Value.elements(dav("collection"), dav("principal")));
    props.put(DavNames.DISPLAYNAME, Value.text(email));
    discovery(props, email);
    props.put(card("principal-address"), Value.EMPTY);
    return props;
  }

  static Map<QName, Value> home(String email) {
    Map<QName, Value> props = new LinkedHashMap<>();
    props.put(DavNames.RESOURCETYPE, Value.elements(dav("collection")));
    discovery(props, email);
    props.put(DavNames.OWNER, Value.href(DavPath.principal(email)));
    props.put(DavNames.CURRENT_USER_PRIVILEGE_SET, privileges(false));
    return props;
  }

  static Map<QName, Value> book(String email, String ctag, String syncToken) {
    Map<QName, Value> props = new LinkedHashMap<>();
    props.put(DavNames.RESOURCETYPE, Value.elements(dav("collection"), card("addressbook")));
    props.put(DavNames.DISPLAYNAME, Value.text("Contacts"));
    props.put(DavNames.ADDRESSBOOK_DESCRIPTION, Value.text("Contacts of " + email));
    props.put(DavNames.CTAG, Value.text(ctag));
    props.put(DavNames.SYNC_TOKEN, Value.text(syncToken));
    props.put(
        DavNames.SUPPORTED_REPORT_SET,
        out -> {
          for (QName report :
              List.of(DavNames.MULTIGET, DavNames.QUERY, DavNames.SYNC_COLLECTION)) {
            out.writeStartElement("d", "supported-report", DavNames.DAV);
            out.writeStartElement("d", "report", DavNames.DAV);
            DavWriter.start(out, report, true);
            out.writeEndElement();
            out.writeEndElement();
          }
        });
    props.put(
        DavNames.SUPPORTED_ADDRESS_DATA,
        out -> {
          for (String version : List.of("3.0", "4.0")) {
            out.writeEmptyElement("card", "address-data-type", DavNames.CARD);
            out.writeAttribute("content-type", "text/vcard");
            out.writeAttribute("version", version);
          }
        });
    props.put(DavNames.MAX_RESOURCE_SIZE, Value.text(Integer.toString(MAX_RESOURCE_SIZE)));
    props.put(DavNames.CURRENT_USER_PRIVILEGE_SET, privileges(true));
    props.put(DavNames.OWNER, Value.href(DavPath.principal(email)));
    discovery(props, email);
    props.put(DavNames.ADD_MEMBER, Value.href(DavPath.book(email)));
    props.put(DavNames.GETCONTENTTYPE, Value.text("httpd/unix-directory"));
    return props;
  }

  /** A card's properties; {@code vcard} renders its text only when a property needs it. */
  static Map<QName, Value> cardProperties(
      Contact contact, java.util.function.Supplier<String> vcard, Request request) {
    Map<QName, Value> props = new LinkedHashMap<>();
    props.put(DavNames.RESOURCETYPE, Value.EMPTY);
    props.put(DavNames.GETETAG, Value.text(Cards.etag(contact)));
    props.put(DavNames.GETCONTENTTYPE, Value.text(VCARD_TYPE));
    if (request.kind() == Request.Kind.PROPNAME) {
      props.put(DavNames.GETCONTENTLENGTH, Value.EMPTY);
      props.put(DavNames.ADDRESS_DATA, Value.EMPTY);
      return props;
    }
    if (request.kind() == Request.Kind.PROP
        && (request.wants(DavNames.ADDRESS_DATA) || request.wants(DavNames.GETCONTENTLENGTH))) {
      String text = vcard.get();
      props.put(DavNames.ADDRESS_DATA, Value.text(text));
      props.put(
          DavNames.GETCONTENTLENGTH,
          Value.text(
              Integer.toString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)));
    }
    return props;
  }

  private static Value privileges(boolean writable) {
    List<String> names = new ArrayList<>(List.of("read", "read-current-user-privilege-set"));
    if (writable) {
      names.addAll(List.of("write", "write-content", "bind", "unbind"));
    }
    return out -> {
      for (String name : names) {
        out.writeStartElement("d", "privilege", DavNames.DAV);
        out.writeEmptyElement("d", name, DavNames.DAV);
        out.writeEndElement();
      }
    };
  }

  /** Writes one response: the requested (or all) properties, unknown ones as 404. */
  static void respond(DavWriter writer, String href, Map<QName, Value> props, Request request) {
    switch (request.kind()) {
      case ALLPROP -> {
        Map<QName, Value> shown = new LinkedHashMap<>(props);
        shown.keySet().removeAll(NOT_IN_ALLPROP);
        writer.response(href, shown, List.of(), List.of(), false);
      }
      case PROPNAME -> writer.response(href, props, List.of(), List.of(), true);
      case PROP -> {
        Map<QName, Value> found = new LinkedHashMap<>();
        List<QName> missing = new ArrayList<>();
        for (QName name : request.names()) {
          Value value = props.get(name);
          if (value != null) {
            found.put(name, value);
          } else {
            missing.add(name);
          }
        }
        writer.response(href, found, missing, List.of(), false);
      }
    }
  }

  /** The property request of a PROPFIND body (null or empty: allprop, RFC 4918 section 9.1). */
  static Request propfind(@org.jspecify.annotations.Nullable DavElement body) {
    if (body == null) {
      return Request.ALL;
    }
    if (!body.name().equals(DavNames.PROPFIND)) {
      throw DavException.badRequest("The body of a PROPFIND must be DAV:propfind.");
    }
    if (body.child(DavNames.PROPNAME) != null) {
      return new Request(Request.Kind.PROPNAME, List.of());
    }
    DavElement prop = body.child(DavNames.PROP);
    if (prop != null) {
      return prop(prop);
    }
    if (body.child(DavNames.ALLPROP) != null) {
      return Request.ALL;
    }
    throw DavException.badRequest("DAV:propfind needs prop, allprop or propname.");
  }

  static Request prop(DavElement prop) {
    List<QName> names = new ArrayList<>();
    for (DavElement child : prop.children()) {
      names.add(child.name());
    }
    return new Request(Request.Kind.PROP, names);
  }
}

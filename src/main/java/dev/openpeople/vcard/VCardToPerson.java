// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.vcard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ezvcard.VCard;
import ezvcard.parameter.ImageType;
import ezvcard.parameter.VCardParameter;
import ezvcard.property.Address;
import ezvcard.property.Anniversary;
import ezvcard.property.Birthday;
import ezvcard.property.Categories;
import ezvcard.property.DateOrTimeProperty;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Impp;
import ezvcard.property.Nickname;
import ezvcard.property.Note;
import ezvcard.property.Organization;
import ezvcard.property.Photo;
import ezvcard.property.ProductId;
import ezvcard.property.RawProperty;
import ezvcard.property.Related;
import ezvcard.property.Revision;
import ezvcard.property.Role;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Title;
import ezvcard.property.Uid;
import ezvcard.property.Url;
import ezvcard.property.VCardProperty;
import ezvcard.util.PartialDate;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads one parsed vCard into a {@link PersonCard}; see {@link VCards} for the mapping table. */
final class VCardToPerson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final VCard card;
  private final ObjectNode person = JSON.objectNode();
  private final Set<VCardProperty> consumed = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<String, String> labels = new HashMap<>();
  private final List<String> categories = new ArrayList<>();
  private final List<ObjectNode> organizations = new ArrayList<>();
  private int titles;
  private int roles;
  private PersonCard.@Nullable Image photo;

  VCardToPerson(VCard card) {
    this.card = card;
  }

  PersonCard read() {
    collectLabels();
    names();
    for (VCardProperty property : card.getProperties()) {
      read(property);
    }
    if (!organizations.isEmpty()) {
      ArrayNode items = person.putArray("organizations");
      organizations.forEach(items::add);
    }
    Uid uid = card.getUid();
    String uidValue = uid == null || uid.getValue() == null ? "" : uid.getValue().trim();
    return new PersonCard(person, uidValue, categories, photo, unmapped());
  }

  /** Apple's grouped labels: {@code item1.X-ABLabel:Custom} names the type of {@code item1.*}. */
  private void collectLabels() {
    for (RawProperty raw : card.getExtendedProperties()) {
      if (raw.getPropertyName().equalsIgnoreCase("X-ABLABEL") && raw.getGroup() != null) {
        labels.put(raw.getGroup().toLowerCase(Locale.ROOT), raw.getValue());
      }
    }
  }

  private @Nullable String label(VCardProperty property) {
    String group = property.getGroup();
    if (group == null) {
      return null;
    }
    String label = labels.get(group.toLowerCase(Locale.ROOT));
    if (label == null) {
      return null;
    }
    for (RawProperty raw : card.getExtendedProperties()) {
      if (raw.getPropertyName().equalsIgnoreCase("X-ABLABEL")
          && group.equalsIgnoreCase(raw.getGroup())) {
        consumed.add(raw);
      }
    }
    return VCardTypes.fromLabel(label);
  }

  private void names() {
    ObjectNode name = JSON.objectNode();
    StructuredName n = card.getStructuredName();
    if (n != null) {
      consumed.add(n);
      put(name, "familyName", n.getFamily());
      put(name, "givenName", n.getGiven());
      put(name, "middleName", String.join(" ", n.getAdditionalNames()));
      put(name, "honorificPrefix", String.join(" ", n.getPrefixes()));
      put(name, "honorificSuffix", String.join(" ", n.getSuffixes()));
    }
    FormattedName fn = card.getFormattedName();
    if (fn != null) {
      consumed.add(fn);
      put(name, "unstructuredName", fn.getValue());
    }
    for (RawProperty raw : card.getExtendedProperties()) {
      String field =
          switch (raw.getPropertyName().toUpperCase(Locale.ROOT)) {
            case "X-PHONETIC-FIRST-NAME" -> "phoneticGivenName";
            case "X-PHONETIC-MIDDLE-NAME" -> "phoneticMiddleName";
            case "X-PHONETIC-LAST-NAME" -> "phoneticFamilyName";
            default -> null;
          };
      if (field != null) {
        consumed.add(raw);
        put(name, field, raw.getValue());
      }
    }
    if (name.size() > 0) {
      person.putArray("names").add(name);
    }
  }

  private void read(VCardProperty property) {
    switch (property) {
      case Nickname nickname -> {
        consumed.add(nickname);
        for (String value : nickname.getValues()) {
          item("nicknames").put("value", value);
        }
      }
      case Email email -> email(email);
      case Telephone phone -> phone(phone);
      case Address address -> address(address);
      case Organization org -> organization(org);
      case Title title -> orgAt(titles++, title).put("title", title.getValue());
      case Role role -> orgAt(roles++, role).put("jobDescription", role.getValue());
      case Birthday birthday -> date(birthday, item("birthdays"));
      case Anniversary anniversary -> event(anniversary, "anniversary");
      case Url url -> url(url);
      case Note note -> note(note);
      case Related related -> relation(related);
      case Impp impp -> impp(impp);
      case Categories list -> {
        consumed.add(list);
        list.getValues().stream().filter(v -> !v.isBlank()).forEach(categories::add);
      }
      case Uid uid -> consumed.add(uid);
      case ProductId prodId -> consumed.add(prodId);
      case Revision revision -> consumed.add(revision);
      case Photo image -> photo(image);
      case RawProperty raw -> raw(raw);
      default -> {}
    }
  }

  /**
   * The first inline PHOTO (3.0 {@code ENCODING=b}, 4.0 {@code data:} URI) is the contact photo; a
   * PHOTO by URL, or a second one, stays with the unmapped properties.
   */
  private void photo(Photo image) {
    byte[] data = image.getData();
    if (photo != null || data == null || data.length == 0) {
      return;
    }
    consumed.add(image);
    ImageType type = image.getContentType();
    String media = type == null || type.getMediaType() == null ? "" : type.getMediaType();
    photo = new PersonCard.Image(media, data);
  }

  private void email(Email email) {
    consumed.add(email);
    ObjectNode item = item("emailAddresses");
    item.put("value", email.getValue());
    String type = typeOf(email, VCardTypes.plainType(words(email.getTypes())));
    put(item, "type", type);
    primary(item, email.getPref(), words(email.getTypes()));
  }

  private void phone(Telephone phone) {
    consumed.add(phone);
    ObjectNode item = item("phoneNumbers");
    String value = phone.getText();
    if (value == null && phone.getUri() != null) {
      value = phone.getUri().getNumber();
    }
    item.put("value", value == null ? "" : value);
    put(item, "type", typeOf(phone, VCardTypes.phoneType(words(phone.getTypes()))));
    primary(item, phone.getPref(), words(phone.getTypes()));
  }

  private void address(Address address) {
    consumed.add(address);
    ObjectNode item = item("addresses");
    put(item, "poBox", address.getPoBox());
    put(item, "extendedAddress", address.getExtendedAddressFull());
    put(item, "streetAddress", address.getStreetAddressFull());
    put(item, "city", address.getLocality());
    put(item, "region", address.getRegion());
    put(item, "postalCode", address.getPostalCode());
    put(item, "country", address.getCountry());
    put(item, "type", typeOf(address, VCardTypes.plainType(words(address.getTypes()))));
    primary(item, address.getPref(), words(address.getTypes()));
  }

  private void organization(Organization org) {
    consumed.add(org);
    ObjectNode item = orgAt(organizations.size(), org);
    List<String> values = org.getValues();
    if (!values.isEmpty()) {
      put(item, "name", values.get(0));
    }
    if (values.size() > 1) {
      put(item, "department", String.join(";", values.subList(1, values.size())));
    }
  }

  /** ORG, TITLE and ROLE pair by position: the n-th of each describe the n-th organization. */
  private ObjectNode orgAt(int index, VCardProperty property) {
    consumed.add(property);
    while (organizations.size() <= index) {
      organizations.add(JSON.objectNode());
    }
    return organizations.get(index);
  }

  private void url(Url url) {
    consumed.add(url);
    ObjectNode item = item("urls");
    item.put("value", url.getValue());
    String type = url.getType();
    if (type == null) {
      type = VCardTypes.plainType(url.getParameters().getTypes());
    }
    put(item, "type", typeOf(url, type == null ? null : type.toLowerCase(Locale.ROOT)));
  }

  /** People contacts have one biography: several NOTEs join with a blank line. */
  private void note(Note note) {
    consumed.add(note);
    ArrayNode bios = person.withArray("biographies");
    if (bios.isEmpty()) {
      ObjectNode bio = bios.addObject();
      bio.put("value", note.getValue());
      bio.put("contentType", "TEXT_PLAIN");
    } else {
      ObjectNode bio = (ObjectNode) bios.get(0);
      bio.put("value", bio.path("value").asText() + "\n\n" + note.getValue());
    }
  }

  private void relation(Related related) {
    consumed.add(related);
    String value = related.getText() != null ? related.getText() : related.getUri();
    ObjectNode item = item("relations");
    item.put("person", value == null ? "" : value);
    List<String> types = words(related.getTypes());
    put(item, "type", typeOf(related, types.isEmpty() ? null : types.get(0)));
  }

  private void impp(Impp impp) {
    consumed.add(impp);
    ObjectNode item = item("imClients");
    String handle = impp.getHandle();
    item.put("username", handle == null ? String.valueOf(impp.getUri()) : handle);
    String service = impp.getParameter("X-SERVICE-TYPE");
    String protocol = service != null ? service : impp.getProtocol();
    put(item, "protocol", protocol == null ? null : VCardTypes.protocol(protocol));
    put(item, "type", typeOf(impp, VCardTypes.plainType(words(impp.getTypes()))));
  }

  private void raw(RawProperty raw) {
    String name = raw.getPropertyName().toUpperCase(Locale.ROOT);
    String im = VCardTypes.IM_PROPERTIES.get(name);
    if (im != null) {
      consumed.add(raw);
      ObjectNode item = item("imClients");
      item.put("username", raw.getValue());
      item.put("protocol", im);
      put(item, "type", VCardTypes.plainType(raw.getParameters().getTypes()));
    } else if (name.equals("X-ABDATE") || name.equals("X-ANNIVERSARY")) {
      String label = label(raw);
      ObjectNode item = item("events");
      if (!date(raw.getValue(), raw.getParameter("X-APPLE-OMIT-YEAR"), item)) {
        person.withArray("events").remove(person.withArray("events").size() - 1);
        return;
      }
      consumed.add(raw);
      put(
          item,
          "type",
          label != null ? label : name.equals("X-ANNIVERSARY") ? "anniversary" : null);
    } else if (name.equals("X-ABRELATEDNAMES")) {
      consumed.add(raw);
      ObjectNode item = item("relations");
      item.put("person", raw.getValue());
      String type = label(raw);
      put(item, "type", type != null ? type : VCardTypes.plainType(raw.getParameters().getTypes()));
    }
  }

  private void event(DateOrTimeProperty property, String type) {
    ObjectNode item = item("events");
    date(property, item);
    item.put("type", type);
  }

  /** A BDAY or ANNIVERSARY as a People Date (year optional) or, failing that, as text. */
  private void date(DateOrTimeProperty property, ObjectNode item) {
    consumed.add(property);
    Temporal date = property.getDate();
    PartialDate partial = property.getPartialDate();
    String omitYear = property.getParameter("X-APPLE-OMIT-YEAR");
    if (date != null && date.isSupported(ChronoField.DAY_OF_MONTH)) {
      int year = date.get(ChronoField.YEAR);
      ObjectNode d = item.putObject("date");
      if (omitYear == null || !omitYear.equals(Integer.toString(year))) {
        d.put("year", year);
      }
      d.put("month", date.get(ChronoField.MONTH_OF_YEAR));
      d.put("day", date.get(ChronoField.DAY_OF_MONTH));
    } else if (partial != null && partial.getMonth() != null) {
      ObjectNode d = item.putObject("date");
      if (partial.getYear() != null) {
        d.put("year", partial.getYear());
      }
      d.put("month", partial.getMonth());
      if (partial.getDate() != null) {
        d.put("day", partial.getDate());
      }
    } else if (property.getText() != null) {
      item.put("text", property.getText());
    }
  }

  /** A date written as text (X-ABDATE is not typed): ISO 8601, full or without the year. */
  private static boolean date(String value, @Nullable String omitYear, ObjectNode item) {
    String text = value.trim();
    try {
      LocalDate date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
      ObjectNode d = item.putObject("date");
      if (omitYear == null || !omitYear.equals(Integer.toString(date.getYear()))) {
        d.put("year", date.getYear());
      }
      d.put("month", date.getMonthValue());
      d.put("day", date.getDayOfMonth());
      return true;
    } catch (DateTimeParseException e) {
      try {
        PartialDate partial = PartialDate.parse(text);
        if (partial.getMonth() == null || partial.getDate() == null) {
          return false;
        }
        ObjectNode d = item.putObject("date");
        d.put("month", partial.getMonth());
        d.put("day", partial.getDate());
        return true;
      } catch (IllegalArgumentException notPartial) {
        return false;
      }
    }
  }

  private @Nullable String typeOf(VCardProperty property, @Nullable String fromTypes) {
    String label = label(property);
    return label != null ? label : fromTypes;
  }

  private static void primary(ObjectNode item, @Nullable Integer pref, List<String> types) {
    if ((pref != null && pref == 1) || VCardTypes.preferred(types)) {
      item.putObject("metadata").put("primary", true);
    }
  }

  private ObjectNode item(String field) {
    return person.withArray(field).addObject();
  }

  private static List<String> words(List<? extends VCardParameter> types) {
    List<String> out = new ArrayList<>(types.size());
    for (VCardParameter type : types) {
      out.add(type.getValue());
    }
    return out;
  }

  private static void put(ObjectNode node, String key, @Nullable String value) {
    if (value != null && !value.isEmpty()) {
      node.put(key, value);
    }
  }

  /** The properties no Person field took, as the text of a vCard of the same version. */
  private String unmapped() {
    VCard rest = new VCard(card.getVersion());
    for (VCardProperty property : card.getProperties()) {
      if (!consumed.contains(property)) {
        rest.addProperty(property);
      }
    }
    if (rest.getProperties().isEmpty()) {
      return "";
    }
    return VCards.writer(List.of(rest), card.getVersion()).go();
  }
}

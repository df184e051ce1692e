// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.vcard;

import com.fasterxml.jackson.databind.JsonNode;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.AddressType;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.ImageType;
import ezvcard.parameter.ImppType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Anniversary;
import ezvcard.property.Birthday;
import ezvcard.property.Categories;
import ezvcard.property.Email;
import ezvcard.property.Impp;
import ezvcard.property.Nickname;
import ezvcard.property.Organization;
import ezvcard.property.Photo;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Title;
import ezvcard.property.Url;
import ezvcard.property.VCardProperty;
import ezvcard.util.PartialDate;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Writes a {@link PersonCard} as a vCard; see {@link VCards} for the mapping table. */
final class PersonToVCard {
  private final PersonCard source;
  private final JsonNode person;
  private final VCardVersion version;
  private final VCard card;
  private final Set<String> usedGroups = new HashSet<>();
  private int nextGroup = 1;

  PersonToVCard(PersonCard source, VCardVersion version) {
    this.source = source;
    this.person = source.person();
    this.version = version;
    this.card = new VCard(version);
  }

  VCard write() {
    List<VCardProperty> unmapped = unmappedProperties();
    for (VCardProperty property : unmapped) {
      if (property.getGroup() != null) {
        usedGroups.add(property.getGroup().toLowerCase(Locale.ROOT));
      }
    }
    card.setUid(new ezvcard.property.Uid(source.uid()));
    names();
    each("nicknames", n -> card.addNickname(nickname(n.path("value").asText())));
    each("emailAddresses", this::email);
    each("phoneNumbers", this::phone);
    each("addresses", this::address);
    organizations();
    JsonNode birthday = person.path("birthdays").path(0);
    if (!birthday.isMissingNode()) {
      card.setBirthday(birthday(birthday));
    }
    each("events", this::event);
    each("urls", this::url);
    String note = person.path("biographies").path(0).path("value").asText("");
    if (!note.isEmpty()) {
      card.addNote(note);
    }
    each("relations", this::relation);
    each("imClients", this::im);
    if (!source.categories().isEmpty()) {
      Categories categories = new Categories();
      categories.getValues().addAll(source.categories());
      card.addCategories(categories);
    }
    PersonCard.Image photo = source.photo();
    if (photo != null) {
      // vCard 3.0: PHOTO;ENCODING=b;TYPE=JPEG; 4.0: a data: URI (RFC 6350 section 6.2.4).
      card.addPhoto(new Photo(photo.bytes(), ImageType.find(null, photo.mediaType(), null)));
      unmapped.removeIf(property -> property instanceof Photo);
    }
    unmapped.forEach(card::addProperty);
    return card;
  }

  private List<VCardProperty> unmappedProperties() {
    if (source.unmapped().isEmpty()) {
      return new java.util.ArrayList<>();
    }
    VCard rest = Ezvcard.parse(source.unmapped()).first();
    return rest == null
        ? new java.util.ArrayList<>()
        : new java.util.ArrayList<>(rest.getProperties());
  }

  private void names() {
    JsonNode name = person.path("names").path(0);
    String fn = name.path("unstructuredName").asText(name.path("displayName").asText(""));
    if (fn.isEmpty()) {
      fn = fallbackName();
    }
    card.setFormattedName(fn);
    StructuredName n = new StructuredName();
    n.setFamily(text(name, "familyName"));
    n.setGiven(text(name, "givenName"));
    addIfPresent(n.getAdditionalNames(), text(name, "middleName"));
    addIfPresent(n.getPrefixes(), text(name, "honorificPrefix"));
    addIfPresent(n.getSuffixes(), text(name, "honorificSuffix"));
    card.setStructuredName(n);
    raw("X-PHONETIC-FIRST-NAME", text(name, "phoneticGivenName"));
    raw("X-PHONETIC-MIDDLE-NAME", text(name, "phoneticMiddleName"));
    raw("X-PHONETIC-LAST-NAME", text(name, "phoneticFamilyName"));
  }

  /** vCard requires FN: a card without a name is shown by its organization, e-mail or phone. */
  private String fallbackName() {
    for (String[] path :
        new String[][] {
          {"organizations", "name"}, {"emailAddresses", "value"}, {"phoneNumbers", "value"}
        }) {
      String value = person.path(path[0]).path(0).path(path[1]).asText("");
      if (!value.isEmpty()) {
        return value;
      }
    }
    return "";
  }

  private static Nickname nickname(String value) {
    Nickname nickname = new Nickname();
    nickname.getValues().add(value);
    return nickname;
  }

  private void email(JsonNode item) {
    Email email = new Email(item.path("value").asText(""));
    plainOrLabelled(item, email, word -> email.getTypes().add(EmailType.get(word)));
    preferred(item, email, () -> email.getTypes().add(EmailType.PREF), email::setPref);
    card.addEmail(email);
  }

  private void phone(JsonNode item) {
    Telephone phone = new Telephone(item.path("value").asText(""));
    String type = item.path("type").asText("");
    List<String> words = VCardTypes.PHONE.get(type);
    if (words != null) {
      words.forEach(w -> phone.getTypes().add(TelephoneType.get(w)));
    } else {
      labelled(phone, type);
    }
    preferred(item, phone, () -> phone.getTypes().add(TelephoneType.PREF), phone::setPref);
    card.addTelephoneNumber(phone);
  }

  private void address(JsonNode item) {
    Address address = new Address();
    address.setPoBox(text(item, "poBox"));
    address.setExtendedAddress(text(item, "extendedAddress"));
    address.setStreetAddress(text(item, "streetAddress"));
    address.setLocality(text(item, "city"));
    address.setRegion(text(item, "region"));
    address.setPostalCode(text(item, "postalCode"));
    address.setCountry(text(item, "country"));
    plainOrLabelled(item, address, word -> address.getTypes().add(AddressType.get(word)));
    preferred(item, address, () -> address.getTypes().add(AddressType.PREF), address::setPref);
    card.addAddress(address);
  }

  /**
   * ORG, TITLE and ROLE are written for every organization once any has one, so that the n-th of
   * each still describe the n-th organization when read back.
   */
  private void organizations() {
    JsonNode orgs = person.path("organizations");
    boolean titles = any(orgs, "title");
    boolean roles = any(orgs, "jobDescription");
    for (JsonNode org : orgs) {
      Organization property = new Organization();
      property.getValues().add(org.path("name").asText(""));
      String department = org.path("department").asText("");
      if (!department.isEmpty()) {
        property.getValues().add(department);
      }
      card.addOrganization(property);
      if (titles) {
        card.addTitle(new Title(org.path("title").asText("")));
      }
      if (roles) {
        card.addRole(org.path("jobDescription").asText(""));
      }
    }
  }

  private static boolean any(JsonNode items, String key) {
    for (JsonNode item : items) {
      if (!item.path(key).asText("").isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private Birthday birthday(JsonNode item) {
    JsonNode date = item.path("date");
    if (date.has("month") && date.has("day")) {
      if (date.has("year") && date.path("year").asInt() > 0) {
        return new Birthday(
            LocalDate.of(
                date.path("year").asInt(), date.path("month").asInt(), date.path("day").asInt()));
      }
      return new Birthday(
          PartialDate.builder()
              .month(date.path("month").asInt())
              .date(date.path("day").asInt())
              .build());
    }
    return new Birthday(item.path("text").asText(""));
  }

  /**
   * Events: vCard 4.0 has ANNIVERSARY (one); every other event, and all of them in vCard 3.0, are
   * Apple's {@code X-ABDATE} with an {@code X-ABLabel}, a year-less date written with year 1604 and
   * {@code X-APPLE-OMIT-YEAR=1604} as Apple does.
   */
  private void event(JsonNode item) {
    JsonNode date = item.path("date");
    if (!date.has("month") || !date.has("day")) {
      return;
    }
    String type = item.path("type").asText("");
    boolean hasYear = date.path("year").asInt(0) > 0;
    int year = hasYear ? date.path("year").asInt() : 1604;
    LocalDate day = LocalDate.of(year, date.path("month").asInt(), date.path("day").asInt());
    if (version == VCardVersion.V4_0
        && type.equals("anniversary")
        && card.getAnniversary() == null) {
      card.setAnniversary(
          hasYear
              ? new Anniversary(day)
              : new Anniversary(
                  PartialDate.builder()
                      .month(day.getMonthValue())
                      .date(day.getDayOfMonth())
                      .build()));
      return;
    }
    RawProperty property = card.addExtendedProperty("X-ABDATE", day.toString());
    if (!hasYear) {
      property.setParameter("X-APPLE-OMIT-YEAR", "1604");
    }
    labelled(property, type);
  }

  private void url(JsonNode item) {
    Url url = new Url(item.path("value").asText(""));
    String type = item.path("type").asText("");
    if (!type.isEmpty()) {
      url.setType(type);
    }
    card.addUrl(url);
  }

  private void relation(JsonNode item) {
    RawProperty property =
        card.addExtendedProperty("X-ABRELATEDNAMES", item.path("person").asText(""));
    labelled(property, item.path("type").asText(""));
  }

  private void im(JsonNode item) {
    String protocol = item.path("protocol").asText("");
    String scheme = VCardTypes.IM_SCHEMES.getOrDefault(protocol, "x-apple");
    Impp impp = new Impp(scheme, item.path("username").asText(""));
    if (!protocol.isEmpty()) {
      impp.setParameter("X-SERVICE-TYPE", protocol);
    }
    plainOrLabelled(item, impp, word -> impp.getTypes().add(ImppType.get(word)));
    card.addImpp(impp);
  }

  /**
   * The item's type: a plain one (home, work, other) as a TYPE word, given to {@code addType}; any
   * other as a label ({@link #labelled}).
   */
  private void plainOrLabelled(
      JsonNode item, VCardProperty property, java.util.function.Consumer<String> addType) {
    String type = item.path("type").asText("");
    if (VCardTypes.PLAIN.contains(type)) {
      addType.accept(type);
    } else {
      labelled(property, type);
    }
  }

  /** A custom type goes into an {@code itemN.X-ABLabel} in the property's group. */
  private void labelled(VCardProperty property, String type) {
    if (type.isEmpty()) {
      return;
    }
    String group;
    do {
      group = "item" + nextGroup++;
    } while (usedGroups.contains(group));
    property.setGroup(group);
    RawProperty label = card.addExtendedProperty("X-ABLabel", VCardTypes.toLabel(type));
    label.setGroup(group);
  }

  /** The primary item: {@code TYPE=pref} in vCard 3.0, {@code PREF=1} in 4.0. */
  private void preferred(
      JsonNode item, VCardProperty property, Runnable v3, java.util.function.Consumer<Integer> v4) {
    if (!item.path("metadata").path("primary").asBoolean(false)
        || person.path(fieldOf(property)).size() < 2) {
      return;
    }
    if (version == VCardVersion.V4_0) {
      v4.accept(1);
    } else {
      v3.run();
    }
  }

  private static String fieldOf(VCardProperty property) {
    return switch (property) {
      case Email e -> "emailAddresses";
      case Telephone t -> "phoneNumbers";
      default -> "addresses";
    };
  }

  private void raw(String name, @Nullable String value) {
    if (value != null) {
      card.addExtendedProperty(name, value);
    }
  }

  private void each(String field, java.util.function.Consumer<JsonNode> write) {
    for (JsonNode item : person.path(field)) {
      write.accept(item);
    }
  }

  private static @Nullable String text(JsonNode node, String key) {
    String value = node.path(key).asText("");
    return value.isEmpty() ? null : value;
  }

  private static void addIfPresent(List<String> list, @Nullable String value) {
    if (value != null) {
      list.add(value);
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.Address;
import com.google.api.services.people.v1.model.Biography;
import com.google.api.services.people.v1.model.Birthday;
import com.google.api.services.people.v1.model.CalendarUrl;
import com.google.api.services.people.v1.model.ClientData;
import com.google.api.services.people.v1.model.Date;
import com.google.api.services.people.v1.model.EmailAddress;
import com.google.api.services.people.v1.model.Event;
import com.google.api.services.people.v1.model.ExternalId;
import com.google.api.services.people.v1.model.FieldMetadata;
import com.google.api.services.people.v1.model.Gender;
import com.google.api.services.people.v1.model.ImClient;
import com.google.api.services.people.v1.model.Interest;
import com.google.api.services.people.v1.model.Locale;
import com.google.api.services.people.v1.model.Location;
import com.google.api.services.people.v1.model.MiscKeyword;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Nickname;
import com.google.api.services.people.v1.model.Occupation;
import com.google.api.services.people.v1.model.Organization;
import com.google.api.services.people.v1.model.Person;
import com.google.api.services.people.v1.model.PhoneNumber;
import com.google.api.services.people.v1.model.Relation;
import com.google.api.services.people.v1.model.SipAddress;
import com.google.api.services.people.v1.model.Source;
import com.google.api.services.people.v1.model.Url;
import com.google.api.services.people.v1.model.UserDefined;
import dev.openpeople.OpenPeopleServerExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every contact field group written through the official client comes back as written. */
class PeopleFieldsClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final String ALL_WRITABLE =
      "addresses,biographies,birthdays,calendarUrls,clientData,emailAddresses,events,externalIds,"
          + "genders,imClients,interests,locales,locations,memberships,miscKeywords,names,nicknames,"
          + "occupations,organizations,phoneNumbers,relations,sipAddresses,urls,userDefined";

  private final PeopleService alice = SERVER.people("alice@example.com");

  static Person everything() {
    Person person =
        new Person()
            .setAddresses(
                List.of(
                    new Address()
                        .setStreetAddress("1 Main St")
                        .setExtendedAddress("Apt 2")
                        .setPoBox("PO 9")
                        .setCity("Springfield")
                        .setRegion("IL")
                        .setPostalCode("62701")
                        .setCountry("USA")
                        .setCountryCode("US")
                        .setType("home")))
            .setBiographies(List.of(new Biography().setValue("Bio").setContentType("TEXT_PLAIN")))
            .setBirthdays(
                List.of(new Birthday().setDate(new Date().setYear(1990).setMonth(4).setDay(12))))
            .setCalendarUrls(List.of(new CalendarUrl().setUrl("https://cal/x").setType("work")))
            .setClientData(List.of(new ClientData().setKey("app").setValue("42")))
            .setEmailAddresses(
                List.of(
                    new EmailAddress()
                        .setValue("ann@example.com")
                        .setType("home")
                        .setDisplayName("A")))
            .setEvents(
                List.of(
                    new Event().setDate(new Date().setMonth(6).setDay(1)).setType("anniversary")))
            .setExternalIds(List.of(new ExternalId().setValue("cust-1").setType("customer")))
            .setGenders(List.of(new Gender().setValue("female").setAddressMeAs("she")))
            .setImClients(
                List.of(new ImClient().setUsername("ann").setProtocol("skype").setType("work")))
            .setInterests(List.of(new Interest().setValue("chess")))
            .setLocales(List.of(new Locale().setValue("fr-CA")))
            .setUserDefined(List.of(new UserDefined().setKey("shoe").setValue("38")));
    return withWorkAndPlaces(person);
  }

  private static Person withWorkAndPlaces(Person person) {
    return person
        .setLocations(
            List.of(
                new Location()
                    .setValue("HQ")
                    .setType("desk")
                    .setCurrent(true)
                    .setBuildingId("B1")
                    .setFloor("3")
                    .setFloorSection("N")
                    .setDeskCode("3N-12")))
        .setMiscKeywords(List.of(new MiscKeyword().setValue("vip").setType("OUTLOOK_USER")))
        .setNames(
            List.of(
                new Name()
                    .setGivenName("Ann")
                    .setMiddleName("B")
                    .setFamilyName("Cole")
                    .setHonorificPrefix("Dr.")
                    .setHonorificSuffix("PhD")
                    .setPhoneticGivenName("an")))
        .setNicknames(List.of(new Nickname().setValue("Annie").setType("DEFAULT")))
        .setOccupations(List.of(new Occupation().setValue("Engineer")))
        .setOrganizations(
            List.of(
                new Organization()
                    .setName("Acme")
                    .setTitle("CTO")
                    .setDepartment("R&D")
                    .setCurrent(true)
                    .setType("work")
                    .setStartDate(new Date().setYear(2020).setMonth(1).setDay(2))
                    .setFullTimeEquivalentMillipercent(100000)))
        .setPhoneNumbers(List.of(new PhoneNumber().setValue("+1 555 0199").setType("workMobile")))
        .setRelations(List.of(new Relation().setPerson("Bob").setType("spouse")))
        .setSipAddresses(List.of(new SipAddress().setValue("sip:ann@example.com").setType("work")))
        .setUrls(List.of(new Url().setValue("https://ann.example").setType("blog")));
  }

  @Test
  void everyWritableFieldGroupRoundTrips() throws Exception {
    Person created =
        alice.people().createContact(everything()).setPersonFields(ALL_WRITABLE).execute();

    Person got =
        alice.people().get(created.getResourceName()).setPersonFields(ALL_WRITABLE).execute();

    assertThat(got.getAddresses().get(0).getCity()).isEqualTo("Springfield");
    assertThat(got.getAddresses().get(0).getCountryCode()).isEqualTo("US");
    assertThat(got.getAddresses().get(0).getFormattedValue()).contains("1 Main St");
    assertThat(got.getBiographies().get(0).getValue()).isEqualTo("Bio");
    assertThat(got.getBirthdays().get(0).getDate().getDay()).isEqualTo(12);
    assertThat(got.getCalendarUrls().get(0).getUrl()).isEqualTo("https://cal/x");
    assertThat(got.getClientData().get(0).getValue()).isEqualTo("42");
    assertThat(got.getEmailAddresses().get(0).getDisplayName()).isEqualTo("A");
    assertThat(got.getEvents().get(0).getFormattedType()).isEqualTo("Anniversary");
    assertThat(got.getExternalIds().get(0).getValue()).isEqualTo("cust-1");
    assertThat(got.getGenders().get(0).getAddressMeAs()).isEqualTo("she");
    assertThat(got.getImClients().get(0).getUsername()).isEqualTo("ann");
    assertThat(got.getInterests().get(0).getValue()).isEqualTo("chess");
    assertThat(got.getLocales().get(0).getValue()).isEqualTo("fr-CA");
    assertThat(got.getLocations().get(0).getDeskCode()).isEqualTo("3N-12");
    assertThat(got.getMiscKeywords().get(0).getType()).isEqualTo("OUTLOOK_USER");
    assertThat(got.getNames().get(0).getDisplayName()).isEqualTo("Dr. Ann B Cole, PhD");
    assertThat(got.getNames().get(0).getPhoneticGivenName()).isEqualTo("an");
    assertThat(got.getNicknames().get(0).getValue()).isEqualTo("Annie");
    assertThat(got.getOccupations().get(0).getValue()).isEqualTo("Engineer");
    assertThat(got.getOrganizations().get(0).getStartDate().getYear()).isEqualTo(2020);
    assertThat(got.getOrganizations().get(0).getFullTimeEquivalentMillipercent()).isEqualTo(100000);
    assertThat(got.getPhoneNumbers().get(0).getFormattedType()).isEqualTo("Work Mobile");
    assertThat(got.getRelations().get(0).getPerson()).isEqualTo("Bob");
    assertThat(got.getSipAddresses().get(0).getValue()).isEqualTo("sip:ann@example.com");
    assertThat(got.getUrls().get(0).getValue()).isEqualTo("https://ann.example");
    assertThat(got.getUserDefined().get(0).getKey()).isEqualTo("shoe");
    assertThat(got.getMemberships()).isNotEmpty();
    assertThat(got).isEqualTo(created);
  }

  @Test
  void updateContactIgnoresNonContactData() throws Exception {
    Person created = alice.people().createContact(everything()).execute();
    FieldMetadata profileSource =
        new FieldMetadata().setSource(new Source().setType("PROFILE").setId("1234"));
    Person change =
        new Person()
            .setEtag(created.getEtag())
            .setEmailAddresses(
                List.of(
                    new EmailAddress().setValue("new@example.com"),
                    new EmailAddress()
                        .setValue("from-profile@example.com")
                        .setMetadata(profileSource)));

    Person updated =
        alice
            .people()
            .updateContact(created.getResourceName(), change)
            .setUpdatePersonFields("emailAddresses")
            .setPersonFields("emailAddresses")
            .execute();

    assertThat(updated.getEmailAddresses())
        .extracting(EmailAddress::getValue)
        .containsExactly("new@example.com");
  }
}

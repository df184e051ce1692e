// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.BatchCreateContactsRequest;
import com.google.api.services.people.v1.model.ContactToCreate;
import com.google.api.services.people.v1.model.EmailAddress;
import com.google.api.services.people.v1.model.ListConnectionsResponse;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import dev.openpeople.OpenPeopleServerExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The web console in headless Chromium, emulator mode: each test clicks through one flow and checks
 * the result through the API, as a client sees it. Each test acts as its own user, so they do not
 * see each other's data; reset runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  @RegisterExtension static final ConsoleBrowser BROWSER = new ConsoleBrowser(SERVER);

  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<Person> connections(String user) throws Exception {
    ListConnectionsResponse page =
        SERVER
            .people(user)
            .people()
            .connections()
            .list("people/me")
            .setPersonFields("names,emailAddresses,phoneNumbers,organizations,memberships")
            .setPageSize(1000)
            .execute();
    return page.getConnections() == null ? List.of() : page.getConnections();
  }

  private static void createContacts(String user, int count, String prefix) throws Exception {
    PeopleService people = SERVER.people(user);
    List<ContactToCreate> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batch.add(
          new ContactToCreate()
              .setContactPerson(
                  new Person()
                      .setNames(
                          List.of(new Name().setGivenName(prefix + String.format("%03d", i))))));
    }
    people
        .people()
        .batchCreateContacts(
            new BatchCreateContactsRequest().setContacts(batch).setReadMask("names"))
        .execute();
  }

  private static Person create(String user, String givenName) throws Exception {
    return SERVER
        .people(user)
        .people()
        .createContact(new Person().setNames(List.of(new Name().setGivenName(givenName))))
        .execute();
  }

  private static JsonNode emulator(String method, String path, String body) throws Exception {
    return JSON.readTree(SERVER.call(method, path, null, body).body());
  }

  @Test
  @Order(1)
  void createEditAndDeleteAContact() throws Exception {
    String user = "crud@example.com";
    BROWSER.open(user, "contacts");
    BROWSER.click(By.cssSelector("[data-action='new-contact']"));
    BROWSER.type(By.id("givenName"), "Ada");
    BROWSER.type(By.id("familyName"), "Lovelace");
    BROWSER.type(By.id("email"), "ada@engines.example");
    BROWSER.type(By.id("phone"), "+44 20 7946 0018");
    BROWSER.type(By.id("organization"), "Analytical Engines");
    BROWSER.screenshot("contact-new");
    BROWSER.click(By.id("save-contact"));
    BROWSER.flash("Created people/c");

    List<Person> saved = connections(user);
    assertThat(saved).hasSize(1);
    Person ada = saved.get(0);
    assertThat(ada.getNames().get(0).getDisplayName()).isEqualTo("Ada Lovelace");
    assertThat(ada.getEmailAddresses().get(0).getValue()).isEqualTo("ada@engines.example");
    assertThat(ada.getPhoneNumbers().get(0).getCanonicalForm()).isEqualTo("+442079460018");
    assertThat(ada.getOrganizations().get(0).getName()).isEqualTo("Analytical Engines");

    // The People API JSON and the vCard (the CardDAV card) of the same contact.
    BROWSER.click(By.id("tab-json"));
    BROWSER.waitText(By.id("contact-json"), "\"resourceName\": \"" + ada.getResourceName() + "\"");
    // The keyboard moves between tabs too (arrow keys, as WAI-ARIA tabs do).
    BROWSER.driver().findElement(By.id("tab-json")).sendKeys(Keys.ARROW_RIGHT);
    BROWSER.waitFor(By.cssSelector("#tab-vcard[aria-selected='true']"));
    BROWSER.waitText(By.id("contact-vcard"), "BEGIN:VCARD");
    BROWSER.waitText(By.id("contact-vcard"), "FN:Ada Lovelace");
    BROWSER.waitText(By.id("contact-vcard"), "VERSION:4.0");
    BROWSER.screenshot("contact-vcard");

    BROWSER.click(By.id("tab-form"));
    BROWSER.type(By.id("organization"), "Difference Engines");
    BROWSER.click(By.id("save-contact"));
    BROWSER.flash("Saved " + ada.getResourceName());
    Person edited = connections(user).get(0);
    assertThat(edited.getOrganizations().get(0).getName()).isEqualTo("Difference Engines");
    assertThat(edited.getEtag()).isNotEqualTo(ada.getEtag());

    // A stale etag: someone else changed the contact since the form was loaded.
    SERVER
        .people(user)
        .people()
        .updateContact(
            ada.getResourceName(),
            new Person()
                .setEtag(edited.getEtag())
                .setNames(List.of(new Name().setGivenName("Augusta").setFamilyName("King"))))
        .setUpdatePersonFields("names")
        .execute();
    BROWSER.type(By.id("notes"), "first programmer");
    BROWSER.click(By.id("save-contact"));
    assertThat(BROWSER.flash("FAILED_PRECONDITION")).startsWith("400");
    assertThat(connections(user).get(0).getNames().get(0).getGivenName()).isEqualTo("Augusta");

    BROWSER.nav("contacts");
    BROWSER.click(
        By.cssSelector("#contacts-table a[data-resource='" + ada.getResourceName() + "']"));
    BROWSER.click(By.id("delete-contact"));
    BROWSER.flash("Deleted " + ada.getResourceName());
    assertThat(connections(user)).isEmpty();
  }

  @Test
  @Order(2)
  void pagesAndSearchesContacts() throws Exception {
    String user = "pages@example.com";
    createContacts(user, 60, "Person ");
    SERVER
        .people(user)
        .people()
        .createContact(
            new Person()
                .setNames(List.of(new Name().setGivenName("Zebediah").setFamilyName("Quill")))
                .setEmailAddresses(List.of(new EmailAddress().setValue("zq@example.org"))))
        .execute();
    BROWSER.open(user, "contacts");
    BROWSER.waitRows("contacts-table", 25);
    BROWSER.waitText(By.cssSelector("[data-role='page-label']"), "61 in all");
    assertThat(BROWSER.rows("contacts-table").get(0).getText()).startsWith("Person 000");
    BROWSER.click(By.cssSelector("[data-action='next-page']"));
    BROWSER.waitText(By.cssSelector("[data-role='page-label']"), "Page 2");
    assertThat(BROWSER.rows("contacts-table").get(0).getText()).startsWith("Person 025");
    BROWSER.click(By.cssSelector("[data-action='next-page']"));
    BROWSER.waitText(By.cssSelector("[data-role='page-label']"), "Page 3");
    BROWSER.waitRows("contacts-table", 11);
    assertThat(
            BROWSER.driver().findElement(By.cssSelector("[data-action='next-page']")).isEnabled())
        .isFalse();
    BROWSER.click(By.cssSelector("[data-action='prev-page']"));
    BROWSER.waitText(By.cssSelector("[data-role='page-label']"), "Page 2");
    assertThat(BROWSER.rows("contacts-table").get(0).getText()).startsWith("Person 025");

    BROWSER.select(By.id("contact-page-size"), "100");
    BROWSER.waitRows("contacts-table", 61);
    BROWSER.screenshot("contacts-paged");

    BROWSER.type(By.id("contact-search"), "zebed");
    BROWSER.click(By.cssSelector("form[role='search'] button[type='submit']"));
    BROWSER.waitRows("contacts-table", 1);
    assertThat(BROWSER.rows("contacts-table").get(0).getText())
        .contains("Zebediah Quill", "zq@example.org");
    BROWSER.type(By.id("contact-search"), "zq@example");
    BROWSER.click(By.cssSelector("form[role='search'] button[type='submit']"));
    BROWSER.waitText(By.id("contacts-table"), "Zebediah Quill");
    BROWSER.screenshot("contacts-search");
  }

  @Test
  @Order(3)
  void groupsAreCreatedJoinedAndListed() throws Exception {
    String user = "groups@example.com";
    BROWSER.open(user, "groups");
    BROWSER.type(By.id("group-name"), "Climbers");
    BROWSER.click(By.cssSelector("#group-name ~ button, form.toolbar button[type='submit']"));
    BROWSER.flash("Created contactGroups/");
    BROWSER.waitText(By.id("groups-table"), "Climbers");
    String group =
        SERVER.people(user).contactGroups().list().execute().getContactGroups().stream()
            .filter(g -> "Climbers".equals(g.getName()))
            .findFirst()
            .orElseThrow()
            .getResourceName();

    BROWSER.nav("contacts");
    BROWSER.click(By.cssSelector("[data-action='new-contact']"));
    BROWSER.type(By.id("givenName"), "Alex");
    BROWSER.type(By.id("familyName"), "Honnold");
    BROWSER.click(By.id("group-" + group.substring(group.indexOf('/') + 1)));
    BROWSER.click(By.id("save-contact"));
    BROWSER.flash("Created people/c");
    Person alex = connections(user).get(0);
    assertThat(alex.getMemberships())
        .extracting(m -> m.getContactGroupMembership().getContactGroupResourceName())
        .containsExactlyInAnyOrder("contactGroups/myContacts", group);

    BROWSER.nav("groups");
    BROWSER.click(By.cssSelector("[data-group-link='Climbers']"));
    BROWSER.waitText(By.id("members-table"), "Alex Honnold");
    BROWSER.screenshot("group-members");

    BROWSER.click(By.cssSelector("[data-delete-group='Climbers']"));
    BROWSER.flash("Deleted " + group);
    assertThat(SERVER.people(user).contactGroups().list().execute().getContactGroups())
        .noneMatch(g -> "Climbers".equals(g.getName()));
  }

  @Test
  @Order(4)
  void otherContactsAreListedSearchedAndSaved() throws Exception {
    String user = "others@example.com";
    String path = "/emulator/v1/users/" + user + "/otherContacts";
    SERVER.call(
        "POST",
        path,
        null,
        "{\"names\":[{\"givenName\":\"Olive\"}],\"emailAddresses\":[{\"value\":\"olive@mail.example\"}]}");
    SERVER.call(
        "POST",
        path,
        null,
        "{\"names\":[{\"givenName\":\"Oscar\"}],\"emailAddresses\":[{\"value\":\"oscar@mail.example\"}]}");
    BROWSER.open(user, "other");
    BROWSER.waitRows("other-table", 2);
    BROWSER.type(By.id("other-search"), "oscar");
    BROWSER.click(By.cssSelector("form[role='search'] button[type='submit']"));
    BROWSER.waitRows("other-table", 1);
    assertThat(BROWSER.rows("other-table").get(0).getText()).contains("oscar@mail.example");
    BROWSER.click(By.cssSelector("#other-table [data-copy]"));
    BROWSER.flash("Saved as people/c");
    assertThat(connections(user))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.getEmailAddresses().get(0).getValue())
                    .isEqualTo("oscar@mail.example"));
    BROWSER.screenshot("other-contacts");
  }

  @Test
  @Order(5)
  void usersArePagedAndActedAs() throws Exception {
    for (int i = 0; i < 27; i++) {
      SERVER.call(
          "GET",
          "/v1/people/me/connections?personFields=names",
          String.format("u%02d@team.example", i),
          null);
    }
    BROWSER.open("u00@team.example", "users");
    BROWSER.waitRows("users-table", 25);
    BROWSER.click(By.cssSelector("[data-action='next-page']"));
    BROWSER.waitRows("users-table", 2);
    assertThat(BROWSER.rows("users-table").get(1).getText()).contains("u26@team.example");
    BROWSER.screenshot("users");
    createContacts("u26@team.example", 1, "Teammate ");
    BROWSER.click(By.cssSelector("[data-user='u26@team.example']"));
    BROWSER.waitText(By.id("contacts-table"), "Teammate 000");
    assertThat(BROWSER.driver().findElement(By.id("whoami")).getText())
        .contains("u26@team.example");
  }

  @Test
  @Order(6)
  void sharedContactsAreCreatedAndDeleted() throws Exception {
    String admin = "admin@shared.example";
    BROWSER.open(admin, "shared");
    BROWSER.waitFor(By.id("shared-table"));
    BROWSER.type(By.id("shared-given"), "Front");
    BROWSER.type(By.id("shared-family"), "Desk");
    BROWSER.type(By.id("shared-email"), "desk@shared.example");
    BROWSER.click(By.cssSelector("#shared-form button[type='submit']"));
    BROWSER.flash("Created the shared contact");
    BROWSER.waitText(By.id("shared-table"), "desk@shared.example");
    String feed = SERVER.call("GET", "/m8/feeds/contacts/shared.example/full", admin, null).body();
    assertThat(feed)
        .contains(
            "<gd:givenName>Front</gd:givenName><gd:familyName>Desk</gd:familyName>",
            "desk@shared.example");
    BROWSER.screenshot("shared-contacts");

    BROWSER.click(By.cssSelector("[data-delete-shared='Front Desk']"));
    BROWSER.flash("Deleted shared contact");
    assertThat(SERVER.call("GET", "/m8/feeds/contacts/shared.example/full", admin, null).body())
        .doesNotContain("desk@shared.example");
  }

  @Test
  @Order(7)
  void changeLogShowsLatestChangesAndChangesSinceASyncPoint() throws Exception {
    String user = "changes@example.com";
    createContacts(user, 3, "Early ");
    Person late = create(user, "Latest");
    BROWSER.open(user, "changes");
    BROWSER.waitRows("latest-table", 4);
    assertThat(BROWSER.rows("latest-table").get(0).getText()).startsWith("Latest");
    BROWSER.click(By.id("sync-start"));
    BROWSER.waitText(By.id("sync-status"), "Sync point set");
    SERVER.people(user).people().deleteContact(late.getResourceName()).execute();
    create(user, "Newcomer");
    BROWSER.click(By.id("sync-refresh"));
    BROWSER.waitText(By.id("sync-status"), "2 changes seen");
    assertThat(BROWSER.driver().findElement(By.id("sync-table")).getText())
        .contains(late.getResourceName(), "deleted", "Newcomer");
    BROWSER.screenshot("change-log");
  }

  @Test
  @Order(8)
  void clockAdvancesAndFaultsAreArmedAndCleared() throws Exception {
    long before = emulator("GET", "/emulator/v1/clock", null).path("offsetSeconds").asLong();
    BROWSER.open("faults@example.com", "emulator");
    BROWSER.waitText(By.id("clock-now"), "Server time");
    BROWSER.type(By.id("clock-seconds"), "7200");
    BROWSER.click(By.id("clock-advance"));
    BROWSER.flash("Clock advanced by 7200 s");
    assertThat(emulator("GET", "/emulator/v1/clock", null).path("offsetSeconds").asLong())
        .isEqualTo(before + 7200);

    BROWSER.type(By.id("fault-method"), "people.people.connections.list");
    BROWSER.select(By.id("fault-error"), "UNAVAILABLE");
    BROWSER.type(By.id("fault-count"), "2");
    BROWSER.type(By.id("fault-user"), "faults@example.com");
    BROWSER.click(By.id("fault-arm"));
    BROWSER.flash("Fault armed");
    BROWSER.waitText(By.id("faults-table"), "people.people.connections.list");
    JsonNode armed = emulator("GET", "/emulator/v1/faults", null).path("faults");
    assertThat(armed).hasSize(1);
    assertThat(armed.get(0).path("error").asText()).isEqualTo("UNAVAILABLE");
    assertThat(armed.get(0).path("count").asInt()).isEqualTo(2);
    BROWSER.screenshot("faults-armed");

    // The armed fault reaches the console like any client: its contacts view shows the 503.
    BROWSER.nav("contacts");
    assertThat(BROWSER.flash("503 UNAVAILABLE")).isNotEmpty();
    BROWSER.nav("emulator");
    BROWSER.waitText(By.id("faults-table"), "people.people.connections.list");
    BROWSER.click(By.id("fault-clear"));
    BROWSER.flash("Faults cleared");
    BROWSER.waitRows("faults-table", 0);
    assertThat(emulator("GET", "/emulator/v1/faults", null).path("faults")).isEmpty();
  }

  @Test
  @Order(9)
  void importsAFileAndExportsEveryFormat() throws Exception {
    String user = "data@example.com";
    createContacts(user, 2, "Exported ");
    BROWSER.open(user, "data");
    BROWSER
        .driver()
        .findElement(By.id("import-file"))
        .sendKeys(
            Path.of("src/test/resources/transfer/contacts-v3.vcf").toAbsolutePath().toString());
    BROWSER.click(By.id("import"));
    assertThat(BROWSER.flash("Imported 3 from contacts-v3.vcf")).contains("skipped 2");
    // Bad cards are listed with where they were in the file and why they were skipped.
    BROWSER.waitText(By.id("import-skipped"), "card 2 (line 10)");
    BROWSER.waitText(By.id("import-skipped"), "Only vCard 3.0 and 4.0 are accepted.");
    assertThat(connections(user)).hasSize(5);
    BROWSER.screenshot("import");

    for (String[] format :
        new String[][] {
          {"vcard", "VERSION:3.0", ".vcf"},
          {"vcard4", "VERSION:4.0", ".vcf"},
          {"csv", "First Name", ".csv"},
          {"json", "\"resourceName\"", ".json"}
        }) {
      BROWSER.select(By.id("export-format"), format[0]);
      BROWSER.click(By.id("export"));
      BROWSER.waitText(By.id("export-preview"), format[1]);
      BROWSER.waitText(By.id("export-preview"), "Exported 001");
      assertThat(BROWSER.driver().findElement(By.id("export-link")).getText())
          .isEqualTo("Download " + user + format[2]);
    }
    BROWSER.screenshot("export");
  }

  @Test
  @Order(100)
  void resetWipesEverything() throws Exception {
    String user = "reset@example.com";
    createContacts(user, 2, "Doomed ");
    BROWSER.open(user, "emulator");
    BROWSER.click(By.id("reset"));
    BROWSER.screenshot("reset-confirm");
    BROWSER.click(By.id("reset-confirm"));
    BROWSER.flash("Everything was reset");
    assertThat(connections(user)).isEmpty();
    assertThat(connections("crud@example.com")).isEmpty();
  }
}

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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The web console in headless Chromium, emulator mode: each test clicks through one flow and checks
 * the result through the API, as a client sees it. Each test acts as its own user, so they do not
 * see each other's data; reset runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static ConsoleBrowser browser;

  @BeforeAll
  static void openBrowser() {
    browser = new ConsoleBrowser(SERVER.baseUrl());
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void screenshot(TestInfo test) {
    browser.screenshot(test.getTestMethod().orElseThrow().getName());
  }

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

  private static JsonNode emulator(String method, String path, String body) throws Exception {
    return JSON.readTree(SERVER.call(method, path, null, body).body());
  }

  @Test
  @Order(1)
  void createEditAndDeleteAContact() throws Exception {
    String user = "crud@example.com";
    browser.open(user, "contacts");
    browser.click(By.cssSelector("[data-action='new-contact']"));
    browser.type(By.id("givenName"), "Ada");
    browser.type(By.id("familyName"), "Lovelace");
    browser.type(By.id("email"), "ada@engines.example");
    browser.type(By.id("phone"), "+44 20 7946 0018");
    browser.type(By.id("organization"), "Analytical Engines");
    browser.screenshot("contact-new");
    browser.click(By.id("save-contact"));
    browser.flash("Created people/c");

    List<Person> saved = connections(user);
    assertThat(saved).hasSize(1);
    Person ada = saved.get(0);
    assertThat(ada.getNames().get(0).getDisplayName()).isEqualTo("Ada Lovelace");
    assertThat(ada.getEmailAddresses().get(0).getValue()).isEqualTo("ada@engines.example");
    assertThat(ada.getPhoneNumbers().get(0).getCanonicalForm()).isEqualTo("+442079460018");
    assertThat(ada.getOrganizations().get(0).getName()).isEqualTo("Analytical Engines");

    // The People API JSON and the vCard (the CardDAV card) of the same contact.
    browser.click(By.id("tab-json"));
    browser.waitText(By.id("contact-json"), "\"resourceName\": \"" + ada.getResourceName() + "\"");
    browser.click(By.id("tab-vcard"));
    browser.waitText(By.id("contact-vcard"), "BEGIN:VCARD");
    browser.waitText(By.id("contact-vcard"), "FN:Ada Lovelace");
    browser.waitText(By.id("contact-vcard"), "VERSION:4.0");
    browser.screenshot("contact-vcard");

    browser.click(By.id("tab-form"));
    browser.type(By.id("organization"), "Difference Engines");
    browser.click(By.id("save-contact"));
    browser.flash("Saved " + ada.getResourceName());
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
    browser.type(By.id("notes"), "first programmer");
    browser.click(By.id("save-contact"));
    assertThat(browser.flash("FAILED_PRECONDITION")).startsWith("400");
    assertThat(connections(user).get(0).getNames().get(0).getGivenName()).isEqualTo("Augusta");

    browser.nav("contacts");
    browser.click(
        By.cssSelector("#contacts-table a[data-resource='" + ada.getResourceName() + "']"));
    browser.click(By.id("delete-contact"));
    browser.flash("Deleted " + ada.getResourceName());
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
    browser.open(user, "contacts");
    browser.waitRows("contacts-table", 25);
    browser.waitText(By.cssSelector("[data-role='page-label']"), "61 in all");
    assertThat(browser.rows("contacts-table").get(0).getText()).startsWith("Person 000");
    browser.click(By.cssSelector("[data-action='next-page']"));
    browser.waitText(By.cssSelector("[data-role='page-label']"), "Page 2");
    assertThat(browser.rows("contacts-table").get(0).getText()).startsWith("Person 025");
    browser.click(By.cssSelector("[data-action='next-page']"));
    browser.waitText(By.cssSelector("[data-role='page-label']"), "Page 3");
    browser.waitRows("contacts-table", 11);
    assertThat(
            browser.driver().findElement(By.cssSelector("[data-action='next-page']")).isEnabled())
        .isFalse();
    browser.click(By.cssSelector("[data-action='prev-page']"));
    browser.waitText(By.cssSelector("[data-role='page-label']"), "Page 2");
    assertThat(browser.rows("contacts-table").get(0).getText()).startsWith("Person 025");

    browser.select(By.id("contact-page-size"), "100");
    browser.waitRows("contacts-table", 61);
    browser.screenshot("contacts-paged");

    browser.type(By.id("contact-search"), "zebed");
    browser.click(By.cssSelector("form[role='search'] button[type='submit']"));
    browser.waitRows("contacts-table", 1);
    assertThat(browser.rows("contacts-table").get(0).getText())
        .contains("Zebediah Quill", "zq@example.org");
    browser.type(By.id("contact-search"), "zq@example");
    browser.click(By.cssSelector("form[role='search'] button[type='submit']"));
    browser.waitText(By.id("contacts-table"), "Zebediah Quill");
    browser.screenshot("contacts-search");
  }

  @Test
  @Order(3)
  void groupsAreCreatedJoinedAndListed() throws Exception {
    String user = "groups@example.com";
    browser.open(user, "groups");
    browser.type(By.id("group-name"), "Climbers");
    browser.click(By.cssSelector("#group-name ~ button, form.toolbar button[type='submit']"));
    browser.flash("Created contactGroups/");
    browser.waitText(By.id("groups-table"), "Climbers");
    String group =
        SERVER.people(user).contactGroups().list().execute().getContactGroups().stream()
            .filter(g -> "Climbers".equals(g.getName()))
            .findFirst()
            .orElseThrow()
            .getResourceName();

    browser.nav("contacts");
    browser.click(By.cssSelector("[data-action='new-contact']"));
    browser.type(By.id("givenName"), "Alex");
    browser.type(By.id("familyName"), "Honnold");
    browser.click(By.id("group-" + group.substring(group.indexOf('/') + 1)));
    browser.click(By.id("save-contact"));
    browser.flash("Created people/c");
    Person alex = connections(user).get(0);
    assertThat(alex.getMemberships())
        .extracting(m -> m.getContactGroupMembership().getContactGroupResourceName())
        .containsExactlyInAnyOrder("contactGroups/myContacts", group);

    browser.nav("groups");
    browser.click(By.cssSelector("[data-group-link='Climbers']"));
    browser.waitText(By.id("members-table"), "Alex Honnold");
    browser.screenshot("group-members");

    browser.click(By.cssSelector("[data-delete-group='Climbers']"));
    browser.flash("Deleted " + group);
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
    browser.open(user, "other");
    browser.waitRows("other-table", 2);
    browser.type(By.id("other-search"), "oscar");
    browser.click(By.cssSelector("form[role='search'] button[type='submit']"));
    browser.waitRows("other-table", 1);
    assertThat(browser.rows("other-table").get(0).getText()).contains("oscar@mail.example");
    browser.click(By.cssSelector("#other-table [data-copy]"));
    browser.flash("Saved as people/c");
    assertThat(connections(user))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.getEmailAddresses().get(0).getValue())
                    .isEqualTo("oscar@mail.example"));
    browser.screenshot("other-contacts");
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
    browser.open("u00@team.example", "users");
    browser.waitRows("users-table", 25);
    browser.click(By.cssSelector("[data-action='next-page']"));
    browser.waitRows("users-table", 2);
    assertThat(browser.rows("users-table").get(1).getText()).contains("u26@team.example");
    browser.screenshot("users");
    createContacts("u26@team.example", 1, "Teammate ");
    browser.click(By.cssSelector("[data-user='u26@team.example']"));
    browser.waitText(By.id("contacts-table"), "Teammate 000");
    assertThat(browser.driver().findElement(By.id("whoami")).getText())
        .contains("u26@team.example");
  }

  @Test
  @Order(6)
  void sharedContactsAreCreatedAndDeleted() throws Exception {
    String admin = "admin@shared.example";
    browser.open(admin, "shared");
    browser.waitFor(By.id("shared-table"));
    browser.type(By.id("shared-given"), "Front");
    browser.type(By.id("shared-family"), "Desk");
    browser.type(By.id("shared-email"), "desk@shared.example");
    browser.click(By.cssSelector("#shared-form button[type='submit']"));
    browser.flash("Created the shared contact");
    browser.waitText(By.id("shared-table"), "desk@shared.example");
    String feed = SERVER.call("GET", "/m8/feeds/contacts/shared.example/full", admin, null).body();
    assertThat(feed)
        .contains(
            "<gd:givenName>Front</gd:givenName><gd:familyName>Desk</gd:familyName>",
            "desk@shared.example");
    browser.screenshot("shared-contacts");

    browser.click(By.cssSelector("[data-delete-shared='Front Desk']"));
    browser.flash("Deleted shared contact");
    assertThat(SERVER.call("GET", "/m8/feeds/contacts/shared.example/full", admin, null).body())
        .doesNotContain("desk@shared.example");
  }

  @Test
  @Order(7)
  void changeLogShowsLatestChangesAndChangesSinceASyncPoint() throws Exception {
    String user = "changes@example.com";
    createContacts(user, 3, "Early ");
    Person late =
        SERVER
            .people(user)
            .people()
            .createContact(new Person().setNames(List.of(new Name().setGivenName("Latest"))))
            .execute();
    browser.open(user, "changes");
    browser.waitRows("latest-table", 4);
    assertThat(browser.rows("latest-table").get(0).getText()).startsWith("Latest");
    browser.click(By.id("sync-start"));
    browser.waitText(By.id("sync-status"), "Sync point set");
    SERVER.people(user).people().deleteContact(late.getResourceName()).execute();
    SERVER
        .people(user)
        .people()
        .createContact(new Person().setNames(List.of(new Name().setGivenName("Newcomer"))))
        .execute();
    browser.click(By.id("sync-refresh"));
    browser.waitText(By.id("sync-status"), "2 changes seen");
    assertThat(browser.driver().findElement(By.id("sync-table")).getText())
        .contains(late.getResourceName(), "deleted", "Newcomer");
    browser.screenshot("change-log");
  }

  @Test
  @Order(8)
  void clockAdvancesAndFaultsAreArmedAndCleared() throws Exception {
    long before = emulator("GET", "/emulator/v1/clock", null).path("offsetSeconds").asLong();
    browser.open("faults@example.com", "emulator");
    browser.waitText(By.id("clock-now"), "Server time");
    browser.type(By.id("clock-seconds"), "7200");
    browser.click(By.id("clock-advance"));
    browser.flash("Clock advanced by 7200 s");
    assertThat(emulator("GET", "/emulator/v1/clock", null).path("offsetSeconds").asLong())
        .isEqualTo(before + 7200);

    browser.type(By.id("fault-method"), "people.people.connections.list");
    browser.select(By.id("fault-error"), "UNAVAILABLE");
    browser.type(By.id("fault-count"), "2");
    browser.type(By.id("fault-user"), "faults@example.com");
    browser.click(By.id("fault-arm"));
    browser.flash("Fault armed");
    browser.waitText(By.id("faults-table"), "people.people.connections.list");
    JsonNode armed = emulator("GET", "/emulator/v1/faults", null).path("faults");
    assertThat(armed).hasSize(1);
    assertThat(armed.get(0).path("error").asText()).isEqualTo("UNAVAILABLE");
    assertThat(armed.get(0).path("count").asInt()).isEqualTo(2);
    browser.screenshot("faults-armed");

    // The armed fault reaches the console like any client: its contacts view shows the 503.
    browser.nav("contacts");
    assertThat(browser.flash("503 UNAVAILABLE")).isNotEmpty();
    browser.nav("emulator");
    browser.waitText(By.id("faults-table"), "people.people.connections.list");
    browser.click(By.id("fault-clear"));
    browser.flash("Faults cleared");
    browser.waitRows("faults-table", 0);
    assertThat(emulator("GET", "/emulator/v1/faults", null).path("faults")).isEmpty();
  }

  @Test
  @Order(9)
  void importAndExportUseTheDataRoutesOrSayTheyAreMissing() throws Exception {
    String user = "data@example.com";
    createContacts(user, 2, "Exported ");
    boolean present =
        SERVER
                .call("GET", "/emulator/v1/users/" + user + ":export?format=vcard", null, null)
                .statusCode()
            != 404;
    browser.open(user, "data");
    browser.select(By.id("export-format"), "vcard");
    browser.click(By.id("export"));
    if (present) {
      browser.waitFor(By.id("export-link"));
      assertThat(browser.driver().findElement(By.id("export-result")).getText())
          .contains(user + ".vcf");
    } else {
      assertThat(browser.flash("Export is not available on this server")).contains("404");
    }
    java.nio.file.Path card = java.nio.file.Files.createTempFile("console-import", ".vcf");
    java.nio.file.Files.writeString(
        card,
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:imp-1\r\nFN:Imported One\r\nN:One;Imported;;;\r\nEND:VCARD\r\n");
    browser.driver().findElement(By.id("import-file")).sendKeys(card.toString());
    browser.click(By.id("import"));
    if (present) {
      browser.flash("Imported");
      assertThat(connections(user))
          .anySatisfy(
              p -> assertThat(p.getNames().get(0).getDisplayName()).isEqualTo("Imported One"));
    } else {
      assertThat(browser.flash("Import is not available on this server")).contains("404");
      assertThat(connections(user)).hasSize(2);
    }
    browser.screenshot("import-export");
  }

  @Test
  @Order(100)
  void resetWipesEverything() throws Exception {
    String user = "reset@example.com";
    createContacts(user, 2, "Doomed ");
    browser.open(user, "emulator");
    browser.click(By.id("reset"));
    browser.screenshot("reset-confirm");
    browser.click(By.id("reset-confirm"));
    browser.flash("Everything was reset");
    assertThat(connections(user)).isEmpty();
    assertThat(connections("crud@example.com")).isEmpty();
  }
}

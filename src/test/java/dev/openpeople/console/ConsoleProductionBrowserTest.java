// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import dev.openpeople.OpenPeopleServerExtension;
import dev.openpeople.TestJwts;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The console against a production-mode server ({@code --auth jwt}): the page is public, every data
 * call carries the pasted token, admin views need the {@code openpeople_admin_domains} claim, and
 * the emulator views say they are off.
 */
class ConsoleProductionBrowserTest {
  private static final TestJwts JWTS = new TestJwts("console");
  private static final String SCOPES =
      "https://www.googleapis.com/auth/contacts https://www.googleapis.com/auth/directory.readonly"
          + " https://www.google.com/m8/feeds";

  @RegisterExtension
  static final OpenPeopleServerExtension SERVER =
      new OpenPeopleServerExtension(JWTS.serverOptions());

  private static ConsoleBrowser browser;

  private static String token(String email, List<String> adminDomains) {
    return JWTS.token(email, SCOPES, adminDomains);
  }

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

  @Test
  void aUsersTokenSeesTheirDataButNoAdminOrEmulatorViews() throws Exception {
    String user = token("pat@corp.example", List.of());
    SERVER
        .people(user)
        .people()
        .createContact(new Person().setNames(List.of(new Name().setGivenName("Prod Friend"))))
        .execute();
    browser.open(user, "contacts");
    browser.waitText(By.id("mode"), "production");
    assertThat(browser.driver().findElement(By.id("token")).getAttribute("type"))
        .isEqualTo("password");
    browser.waitText(By.id("contacts-table"), "Prod Friend");
    browser.waitText(By.id("whoami"), "pat@corp.example");
    // The token lives in sessionStorage: a reload keeps it.
    browser.driver().navigate().refresh();
    browser.waitText(By.id("contacts-table"), "Prod Friend");

    browser.nav("users");
    browser.waitText(By.id("admin-only"), "Only an administrator of corp.example");
    browser.nav("shared");
    browser.waitText(By.id("admin-only"), "Only administrators of corp.example");
    assertThat(browser.driver().findElements(By.id("shared-form"))).isEmpty();
    browser.nav("emulator");
    browser.waitText(By.id("emulator-only"), "only in emulator mode");
    browser.screenshot("production-user");
  }

  @Test
  void anAdminsTokenListsUsersAndWritesSharedContacts() throws Exception {
    SERVER.call(
        "GET",
        "/v1/people/me/connections?personFields=names",
        token("kim@corp.example", List.of()),
        null);
    String admin = token("boss@corp.example", List.of("corp.example"));
    browser.open(admin, "users");
    browser.waitText(By.id("whoami"), "admin of corp.example");
    browser.waitText(By.id("users-table"), "kim@corp.example");

    browser.nav("shared");
    browser.type(By.id("shared-given"), "Reception");
    browser.click(By.cssSelector("#shared-form button[type='submit']"));
    browser.flash("Created the shared contact");
    browser.waitText(By.id("shared-table"), "Reception");
    assertThat(SERVER.call("GET", "/m8/feeds/contacts/corp.example/full", admin, null).body())
        .contains("<gd:givenName>Reception</gd:givenName>");
    browser.screenshot("production-admin");
  }
}

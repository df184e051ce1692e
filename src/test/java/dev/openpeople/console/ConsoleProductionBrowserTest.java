// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import dev.openpeople.OpenPeopleServerExtension;
import dev.openpeople.TestJwts;
import java.util.List;
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

  @RegisterExtension static final ConsoleBrowser BROWSER = new ConsoleBrowser(SERVER);

  private static String token(String email, List<String> adminDomains) {
    return JWTS.token(email, SCOPES, adminDomains);
  }

  @Test
  void aUsersTokenSeesTheirDataButNoAdminOrEmulatorViews() throws Exception {
    String user = token("pat@corp.example", List.of());
    SERVER
        .people(user)
        .people()
        .createContact(new Person().setNames(List.of(new Name().setGivenName("Prod Friend"))))
        .execute();
    BROWSER.open(user, "contacts");
    BROWSER.waitText(By.id("mode"), "production");
    assertThat(BROWSER.driver().findElement(By.id("token")).getAttribute("type"))
        .isEqualTo("password");
    BROWSER.waitText(By.id("contacts-table"), "Prod Friend");
    BROWSER.waitText(By.id("whoami"), "pat@corp.example");
    // The token lives in sessionStorage: a reload keeps it.
    BROWSER.driver().navigate().refresh();
    BROWSER.waitText(By.id("contacts-table"), "Prod Friend");

    BROWSER.nav("users");
    BROWSER.waitText(By.id("admin-only"), "Only an administrator of corp.example");
    BROWSER.nav("shared");
    BROWSER.waitText(By.id("admin-only"), "Only administrators of corp.example");
    assertThat(BROWSER.driver().findElements(By.id("shared-form"))).isEmpty();
    BROWSER.nav("data");
    BROWSER.waitText(By.id("admin-only"), "Only administrators of corp.example import and export");
    BROWSER.nav("emulator");
    BROWSER.waitText(By.id("emulator-only"), "only in emulator mode");
    BROWSER.screenshot("production-user");
  }

  @Test
  void anAdminsTokenListsUsersAndWritesSharedContacts() throws Exception {
    SERVER.call(
        "GET",
        "/v1/people/me/connections?personFields=names",
        token("kim@corp.example", List.of()),
        null);
    String admin = token("boss@corp.example", List.of("corp.example"));
    BROWSER.open(admin, "users");
    BROWSER.waitText(By.id("whoami"), "admin of corp.example");
    BROWSER.waitText(By.id("users-table"), "kim@corp.example");

    BROWSER.nav("shared");
    BROWSER.type(By.id("shared-given"), "Reception");
    BROWSER.click(By.cssSelector("#shared-form button[type='submit']"));
    BROWSER.flash("Created the shared contact");
    BROWSER.waitText(By.id("shared-table"), "Reception");
    assertThat(SERVER.call("GET", "/m8/feeds/contacts/corp.example/full", admin, null).body())
        .contains("<gd:givenName>Reception</gd:givenName>");
    BROWSER.screenshot("production-admin");
  }
}

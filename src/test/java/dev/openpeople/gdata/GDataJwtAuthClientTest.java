// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gdata.data.contacts.ContactEntry;
import com.google.gdata.data.contacts.ContactFeed;
import com.google.gdata.util.ServiceForbiddenException;
import dev.openpeople.OpenPeopleServerExtension;
import dev.openpeople.TestJwts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Production mode: administrators come from the {@code openpeople_admin_domains} claim. */
class GDataJwtAuthClientTest {
  static final TestJwts JWTS = new TestJwts("gdata");

  @RegisterExtension
  static final OpenPeopleServerExtension SERVER =
      new OpenPeopleServerExtension(JWTS.serverOptions());

  private static String token(String email, List<String> adminDomains) {
    return JWTS.token(email, "https://www.google.com/m8/feeds/", adminDomains);
  }

  @Test
  void onlyClaimedAdministratorsWriteAndDomainUsersRead() throws Exception {
    ContactEntry created =
        GDataClients.contacts(token("boss@corp.example", List.of("corp.example")))
            .insert(
                GDataClients.feed(SERVER, "corp.example", "full"),
                GDataContactsClientTest.richEntry("Prod", "Shared"));
    assertThat(created.getId()).contains("/corp.example/base/");

    var user = GDataClients.contacts(token("user@corp.example", List.of()));
    ContactFeed feed =
        user.getFeed(GDataClients.feed(SERVER, "corp.example", "full"), ContactFeed.class);
    assertThat(feed.getEntries()).hasSize(1);
    assertThatThrownBy(
            () ->
                user.insert(
                    GDataClients.feed(SERVER, "corp.example", "full"),
                    GDataContactsClientTest.richEntry("Not", "Allowed")))
        .isInstanceOf(ServiceForbiddenException.class);
  }
}

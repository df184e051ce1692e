// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import com.google.api.client.auth.oauth2.BearerToken;
import com.google.api.client.auth.oauth2.Credential;
import com.google.gdata.client.contacts.ContactsService;
import dev.openpeople.OpenPeopleServerExtension;
import java.net.URI;
import java.net.URL;

/**
 * The official GData Java client pointed at a test server
 * (https://github.com/google/gdata-java-client).
 */
final class GDataClients {
  private GDataClients() {}

  static ContactsService contacts(String token) {
    ContactsService service = new ContactsService("openpeople-tests");
    service.setOAuth2Credentials(
        new Credential(BearerToken.authorizationHeaderAccessMethod()).setAccessToken(token));
    return service;
  }

  static URL feed(OpenPeopleServerExtension server, String domain, String projection)
      throws Exception {
    return URI.create(server.baseUrl() + "m8/feeds/contacts/" + domain + "/" + projection).toURL();
  }
}

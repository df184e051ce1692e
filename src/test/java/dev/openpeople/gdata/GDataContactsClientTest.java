// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gdata.client.contacts.ContactsService;
import com.google.gdata.data.Link;
import com.google.gdata.data.PlainTextConstruct;
import com.google.gdata.data.contacts.Birthday;
import com.google.gdata.data.contacts.ContactEntry;
import com.google.gdata.data.contacts.ContactFeed;
import com.google.gdata.data.contacts.Website;
import com.google.gdata.data.extensions.City;
import com.google.gdata.data.extensions.Email;
import com.google.gdata.data.extensions.ExtendedProperty;
import com.google.gdata.data.extensions.FamilyName;
import com.google.gdata.data.extensions.FullName;
import com.google.gdata.data.extensions.GivenName;
import com.google.gdata.data.extensions.Im;
import com.google.gdata.data.extensions.Name;
import com.google.gdata.data.extensions.OrgName;
import com.google.gdata.data.extensions.OrgTitle;
import com.google.gdata.data.extensions.Organization;
import com.google.gdata.data.extensions.PhoneNumber;
import com.google.gdata.data.extensions.StructuredPostalAddress;
import com.google.gdata.util.NotModifiedException;
import com.google.gdata.util.PreconditionFailedException;
import com.google.gdata.util.ResourceNotFoundException;
import com.google.gdata.util.ServiceForbiddenException;
import dev.openpeople.OpenPeopleServerExtension;
import java.net.URI;
import java.net.URL;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Single-entry operations of the shared contacts feed through the official GData Java client. */
class GDataContactsClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final String ADMIN = "admin@single.example.com";
  private static final String DOMAIN = "single.example.com";

  static ContactEntry richEntry(String given, String family) {
    ContactEntry entry = new ContactEntry();
    Name name = new Name();
    name.setGivenName(new GivenName(given, null));
    name.setFamilyName(new FamilyName(family, null));
    name.setFullName(new FullName(given + " " + family, null));
    entry.setName(name);
    entry.setContent(new PlainTextConstruct("Met at the offsite"));
    Email email = new Email();
    email.setAddress(given.toLowerCase(Locale.ROOT) + "@vendor.test");
    email.setRel("http://schemas.google.com/g/2005#work");
    email.setPrimary(true);
    entry.addEmailAddress(email);
    PhoneNumber phone = new PhoneNumber();
    phone.setPhoneNumber("(800) 555-0100");
    phone.setRel("http://schemas.google.com/g/2005#work");
    entry.addPhoneNumber(phone);
    Im im = new Im();
    im.setAddress(given.toLowerCase(Locale.ROOT) + "@chat.test");
    im.setProtocol("http://schemas.google.com/g/2005#GOOGLE_TALK");
    im.setRel("http://schemas.google.com/g/2005#home");
    entry.addImAddress(im);
    StructuredPostalAddress address = new StructuredPostalAddress();
    address.setCity(new City("Mountain View"));
    address.setRel("http://schemas.google.com/g/2005#work");
    entry.addStructuredPostalAddress(address);
    Organization org = new Organization();
    org.setOrgName(new OrgName("Example Corp"));
    org.setOrgTitle(new OrgTitle("Buyer"));
    org.setRel("http://schemas.google.com/g/2005#work");
    entry.addOrganization(org);
    ExtendedProperty crm = new ExtendedProperty();
    crm.setName("crm-id");
    crm.setValue("A-1042");
    entry.addExtendedProperty(crm);
    Website site = new Website();
    site.setHref("https://alex.example.org");
    site.setRel(Website.Rel.HOME_PAGE);
    entry.addWebsite(site);
    entry.setBirthday(new Birthday("--06-15"));
    return entry;
  }

  @Test
  void insertReturnsEntryWithStrongEtagAndLinksOnOwnOrigin() throws Exception {
    ContactsService client = GDataClients.contacts(ADMIN);
    ContactEntry created =
        client.insert(GDataClients.feed(SERVER, DOMAIN, "full"), richEntry("Alex", "Kim"));
    assertThat(created.getId())
        .startsWith(SERVER.baseUrl() + "m8/feeds/contacts/" + DOMAIN + "/base/");
    assertThat(created.getEtag()).startsWith("\"").endsWith("\"");
    assertThat(created.getEditLink().getHref())
        .startsWith(SERVER.baseUrl() + "m8/feeds/contacts/" + DOMAIN + "/full/");
    assertThat(created.getContactPhotoLink()).isNotNull();
    assertThat(created.getContactPhotoLink().getEtag()).isNull();
    assertThat(created.getTitle().getPlainText()).isEqualTo("Alex Kim");
  }

  @Test
  void everyContactElementRoundTrips() throws Exception {
    ContactsService client = GDataClients.contacts(ADMIN);
    ContactEntry created =
        client.insert(GDataClients.feed(SERVER, DOMAIN, "full"), richEntry("Sam", "Lee"));
    ContactEntry read =
        client.getEntry(URI.create(created.getSelfLink().getHref()).toURL(), ContactEntry.class);
    assertThat(read.getName().getGivenName().getValue()).isEqualTo("Sam");
    assertThat(read.getName().getFamilyName().getValue()).isEqualTo("Lee");
    assertThat(read.getName().getFullName().getValue()).isEqualTo("Sam Lee");
    assertThat(read.getEmailAddresses()).hasSize(1);
    assertThat(read.getEmailAddresses().get(0).getAddress()).isEqualTo("sam@vendor.test");
    assertThat(read.getEmailAddresses().get(0).getPrimary()).isTrue();
    assertThat(read.getPhoneNumbers().get(0).getPhoneNumber()).isEqualTo("(800) 555-0100");
    assertThat(read.getImAddresses().get(0).getProtocol())
        .isEqualTo("http://schemas.google.com/g/2005#GOOGLE_TALK");
    assertThat(read.getStructuredPostalAddresses().get(0).getCity().getValue())
        .isEqualTo("Mountain View");
    assertThat(read.getOrganizations().get(0).getOrgName().getValue()).isEqualTo("Example Corp");
    assertThat(read.getOrganizations().get(0).getOrgTitle().getValue()).isEqualTo("Buyer");
    assertThat(read.getExtendedProperties()).hasSize(1);
    assertThat(read.getExtendedProperties().get(0).getValue()).isEqualTo("A-1042");
    assertThat(read.getWebsites().get(0).getHref()).isEqualTo("https://alex.example.org");
    assertThat(read.getBirthday().getWhen()).isEqualTo("--06-15");
    assertThat(((com.google.gdata.data.TextContent) read.getContent()).getContent().getPlainText())
        .isEqualTo("Met at the offsite");
    assertThat(read.getEtag()).isEqualTo(created.getEtag());
  }

  @Test
  void updateReplacesEntryAndStaleEtagFails() throws Exception {
    ContactsService client = GDataClients.contacts(ADMIN);
    ContactEntry created =
        client.insert(GDataClients.feed(SERVER, DOMAIN, "full"), richEntry("Pat", "Doe"));
    created.getName().getFullName().setValue("Patricia Doe");
    created.getEmailAddresses().clear();
    ContactEntry updated = created.update();
    assertThat(updated.getEtag()).isNotEqualTo(created.getEtag());
    assertThat(updated.getTitle().getPlainText()).isEqualTo("Patricia Doe");
    assertThat(updated.getEmailAddresses()).isEmpty();
    assertThat(updated.getId()).isEqualTo(created.getId());
    // created still carries the old etag: the client sends it as If-Match.
    assertThatThrownBy(created::update).isInstanceOf(PreconditionFailedException.class);
  }

  @Test
  void deleteRemovesEntry() throws Exception {
    ContactsService client = GDataClients.contacts(ADMIN);
    ContactEntry created =
        client.insert(GDataClients.feed(SERVER, DOMAIN, "full"), richEntry("Del", "Me"));
    URL self = URI.create(created.getSelfLink().getHref()).toURL();
    created.delete();
    assertThatThrownBy(() -> client.getEntry(self, ContactEntry.class))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void conditionalGetAnswersNotModified() throws Exception {
    ContactsService client = GDataClients.contacts(ADMIN);
    ContactEntry created =
        client.insert(GDataClients.feed(SERVER, DOMAIN, "full"), richEntry("Etag", "Check"));
    assertThatThrownBy(
            () ->
                client.getEntry(
                    URI.create(created.getSelfLink().getHref()).toURL(),
                    ContactEntry.class,
                    created.getEtag()))
        .isInstanceOf(NotModifiedException.class);
  }

  @Test
  void domainUsersReadButOnlyAdministratorsOfTheDomainWrite() throws Exception {
    GDataClients.contacts(ADMIN)
        .insert(GDataClients.feed(SERVER, DOMAIN, "full"), richEntry("Shared", "One"));
    ContactFeed seen =
        GDataClients.contacts("reader@single.example.com")
            .getFeed(GDataClients.feed(SERVER, DOMAIN, "full"), ContactFeed.class);
    assertThat(seen.getEntries()).isNotEmpty();
    ContactsService outsider = GDataClients.contacts("mallory@other.example.org");
    assertThatThrownBy(
            () -> outsider.getFeed(GDataClients.feed(SERVER, DOMAIN, "full"), ContactFeed.class))
        .isInstanceOf(ServiceForbiddenException.class);
    assertThatThrownBy(
            () ->
                outsider.insert(GDataClients.feed(SERVER, DOMAIN, "full"), richEntry("No", "Way")))
        .isInstanceOf(ServiceForbiddenException.class);
  }

  @Test
  void feedHasProtocolLinks() throws Exception {
    ContactFeed feed =
        GDataClients.contacts(ADMIN)
            .getFeed(GDataClients.feed(SERVER, DOMAIN, "full"), ContactFeed.class);
    assertThat(feed.getLink(Link.Rel.FEED_BATCH, Link.Type.ATOM).getHref())
        .isEqualTo(SERVER.baseUrl() + "m8/feeds/contacts/" + DOMAIN + "/full/batch");
    assertThat(feed.getLink(Link.Rel.ENTRY_POST, Link.Type.ATOM)).isNotNull();
    assertThat(URI.create(feed.getSelfLink().getHref()).getQuery()).contains("max-results=25");
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gdata.client.GDataProtocol;
import com.google.gdata.client.Service.GDataRequest;
import com.google.gdata.client.contacts.ContactsService;
import com.google.gdata.data.Link;
import com.google.gdata.data.contacts.ContactEntry;
import com.google.gdata.util.ContentType;
import com.google.gdata.util.PreconditionFailedException;
import com.google.gdata.util.ResourceNotFoundException;
import com.google.gdata.util.ServiceForbiddenException;
import dev.openpeople.OpenPeopleServerExtension;
import java.io.InputStream;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Contact photos through the GData Java client, as its Contacts sample does
 * (https://github.com/google/gdata-java-client).
 */
class GDataPhotosClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final String ADMIN = "admin@photo.example.com";
  private static final String DOMAIN = "photo.example.com";
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0x01, 0x02, 0x03};

  private static void upload(ContactsService client, Link photo, byte[] bytes) throws Exception {
    GDataRequest request =
        client.createRequest(
            GDataRequest.RequestType.UPDATE,
            URI.create(photo.getHref()).toURL(),
            new ContentType("image/jpeg"));
    request.setEtag(photo.getEtag());
    request.getRequestStream().write(bytes);
    request.execute();
  }

  @Test
  void putGetAndDeletePhotoWithItsOwnEtag() throws Exception {
    ContactsService client = GDataClients.contacts(ADMIN);
    ContactEntry created =
        client.insert(
            GDataClients.feed(SERVER, DOMAIN, "full"),
            GDataContactsClientTest.richEntry("Photo", "Owner"));
    Link photo = created.getContactPhotoLink();
    assertThat(photo.getEtag()).isNull();
    upload(client, photo, JPEG);

    ContactEntry withPhoto =
        client.getEntry(URI.create(created.getSelfLink().getHref()).toURL(), ContactEntry.class);
    Link link = withPhoto.getContactPhotoLink();
    assertThat(link.getEtag()).startsWith("\"");
    assertThat(withPhoto.getEtag()).isNotEqualTo(created.getEtag());
    GDataRequest get = client.createLinkQueryRequest(link);
    get.execute();
    try (InputStream in = get.getResponseStream()) {
      assertThat(in.readAllBytes()).isEqualTo(JPEG);
    }
    assertThat(get.getResponseContentType().getMediaType()).isEqualTo("image/jpeg");

    // Replacing a photo needs its etag: none is 403, a stale one 412
    // (https://developers.google.com/gdata/docs/2.0/reference).
    assertThatThrownBy(() -> upload(client, photo, JPEG))
        .isInstanceOf(ServiceForbiddenException.class);
    Link stale = new Link(link.getRel(), link.getType(), link.getHref());
    stale.setEtag("\"stale\"");
    assertThatThrownBy(() -> upload(client, stale, JPEG))
        .isInstanceOf(PreconditionFailedException.class);

    client.delete(URI.create(link.getHref()).toURL(), link.getEtag());
    ContactEntry without =
        client.getEntry(URI.create(created.getSelfLink().getHref()).toURL(), ContactEntry.class);
    assertThat(without.getContactPhotoLink().getEtag()).isNull();
    GDataRequest gone = client.createLinkQueryRequest(without.getContactPhotoLink());
    assertThatThrownBy(gone::execute).isInstanceOf(ResourceNotFoundException.class);
    assertThat(GDataProtocol.Header.IF_MATCH).isEqualTo("If-Match");
  }
}

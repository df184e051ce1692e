// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import static dev.openpeople.carddav.Dav.assertGolden;
import static dev.openpeople.carddav.Dav.vcard;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import com.google.api.services.people.v1.model.UpdateContactPhotoRequest;
import dev.openpeople.OpenPeopleServerExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PHOTO as the People API contact photo, both ways, and the no-uid-conflict precondition. */
class CardDavPhotoAndUidWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static HttpResponse<String> sure(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response;
  }

  private static byte[] image(String format, int size) throws Exception {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    img.setRGB(1, 1, 0xff0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, format, out);
    return out.toByteArray();
  }

  /** The People API's photo of the contact behind a card: its bytes, or null for the default. */
  private static byte[] peoplePhoto(PeopleService people, String resourceName) throws Exception {
    Person person = people.people().get(resourceName).setPersonFields("photos").execute();
    if (Boolean.TRUE.equals(person.getPhotos().get(0).getDefault())) {
      return null;
    }
    return Dav.HTTP
        .send(
            HttpRequest.newBuilder(URI.create(person.getPhotos().get(0).getUrl())).build(),
            HttpResponse.BodyHandlers.ofByteArray())
        .body();
  }

  private static String resourceName(String user) throws Exception {
    List<Person> all = Dav.connections(SERVER, user, "names");
    assertThat(all).hasSize(1);
    return all.get(0).getResourceName();
  }

  @Test
  void photoTravelsBothWaysBetweenCardsAndTheContactPhoto() throws Exception {
    String user = "photo-card@example.com";
    Dav dav = new Dav(SERVER, user);
    PeopleService people = SERVER.people(user);
    byte[] jpeg = image("jpg", 8);
    String b64 = Base64.getEncoder().encodeToString(jpeg);
    sure(dav.put("p.vcf", vcard("p", "Pic Ture", "PHOTO;ENCODING=b;TYPE=JPEG:" + b64)), 201);
    String name = resourceName(user);
    assertThat(peoplePhoto(people, name)).isEqualTo(jpeg);

    String v3 = sure(dav.send("GET", dav.card("p.vcf"), null), 200).body();
    assertThat(v3.replace("\r\n ", "")).containsIgnoringCase("PHOTO;ENCODING=b;TYPE=jpeg:" + b64);
    String v4 =
        sure(dav.send("GET", dav.card("p.vcf"), null, "Accept", "text/vcard; version=4.0"), 200)
            .body();
    assertThat(v4.replace("\r\n ", "")).contains("PHOTO:data:image/jpeg;base64," + b64);

    // Set through the People API: the next GET carries it (and the ETag moved).
    String etag = dav.send("GET", dav.card("p.vcf"), null).headers().firstValue("ETag").get();
    byte[] png = image("png", 6);
    people
        .people()
        .updateContactPhoto(
            name,
            new UpdateContactPhotoRequest().setPhotoBytes(Base64.getEncoder().encodeToString(png)))
        .execute();
    HttpResponse<String> after = sure(dav.send("GET", dav.card("p.vcf"), null), 200);
    assertThat(after.headers().firstValue("ETag").get()).isNotEqualTo(etag);
    assertThat(after.body().replace("\r\n ", ""))
        .containsIgnoringCase("TYPE=png:" + Base64.getEncoder().encodeToString(png));

    // A card PUT without PHOTO is the whole card: the photo goes, as a client removing it means.
    sure(dav.put("p.vcf", vcard("p", "Pic Ture")), 204);
    assertThat(peoplePhoto(people, name)).isNull();
    assertThat(sure(dav.send("GET", dav.card("p.vcf"), null), 200).body()).doesNotContain("PHOTO");
  }

  @Test
  void photosThePeopleApiWouldRefuseAreInvalidAddressDataAndWriteNothing() throws Exception {
    Dav dav = new Dav(SERVER, "bad-photo@example.com");
    String notAnImage =
        Base64.getEncoder()
            .encodeToString("not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    HttpResponse<String> refused =
        sure(dav.put("b.vcf", vcard("b", "Bad", "PHOTO;ENCODING=b;TYPE=JPEG:" + notAnImage)), 403);
    assertThat(refused.body()).contains("<card:valid-address-data/>", "PHOTO");
    sure(dav.send("GET", dav.card("b.vcf"), null), 404);
    // A photo by URL cannot be checked or stored: it is kept verbatim with the card.
    sure(dav.put("u.vcf", vcard("u", "Url", "PHOTO;VALUE=uri:https://example.com/a.jpg")), 201);
    assertThat(sure(dav.send("GET", dav.card("u.vcf"), null), 200).body())
        .containsPattern("PHOTO;.*VALUE=uri.*:https://example.com/a.jpg");
  }

  @Test
  void aSecondCardWithAUidInUseIsANoUidConflictAndWritesNothing() throws Exception {
    Dav dav = new Dav(SERVER, "uid@example.com");
    sure(dav.put("first.vcf", vcard("same-uid", "First")), 201);
    HttpResponse<String> conflict = sure(dav.put("second.vcf", vcard("same-uid", "Second")), 409);
    assertGolden("error-no-uid-conflict.xml", conflict.body());
    sure(dav.send("GET", dav.card("second.vcf"), null), 404);
    // The card itself may keep its UID; once it is gone, the UID is free again.
    sure(dav.put("first.vcf", vcard("same-uid", "First again")), 204);
    sure(dav.send("DELETE", dav.card("first.vcf"), null), 204);
    sure(dav.put("second.vcf", vcard("same-uid", "Second")), 201);
    // A card that changed its UID frees the old one.
    sure(dav.put("second.vcf", vcard("other-uid", "Second")), 204);
    sure(dav.put("third.vcf", vcard("same-uid", "Third")), 201);
  }

  @Test
  void theUidOfAContactMadeThroughThePeopleApiIsInUseToo() throws Exception {
    String user = "uid-people@example.com";
    Dav dav = new Dav(SERVER, user);
    Person created =
        SERVER
            .people(user)
            .people()
            .createContact(new Person().setNames(List.of(new Name().setGivenName("Api"))))
            .execute();
    String id = created.getResourceName().substring("people/c".length());
    String card = sure(dav.send("GET", dav.card(id), null), 200).body();
    String uid = card.lines().filter(l -> l.startsWith("UID:")).findFirst().orElseThrow();
    HttpResponse<String> conflict = sure(dav.put("copy.vcf", vcard(uid.substring(4), "Copy")), 409);
    assertThat(conflict.body()).contains("<card:no-uid-conflict><d:href>" + dav.card(id));
    sure(dav.put(id, vcard(uid.substring(4), "Api Edited")), 204);
  }
}

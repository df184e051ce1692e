// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static dev.openpeople.people.PeopleConnectionsClientTest.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import com.google.api.services.people.v1.model.UpdateContactPhotoRequest;
import dev.openpeople.OpenPeopleServerExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** updateContactPhoto, deleteContactPhoto and the served photo URLs, via the Java client. */
class PeopleContactPhotosClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private final HttpClient http = HttpClient.newHttpClient();

  static byte[] image(String format) throws Exception {
    BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    img.setRGB(1, 1, 0xff0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, format, out);
    return out.toByteArray();
  }

  private HttpResponse<byte[]> fetch(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private Person contact(PeopleService client) throws Exception {
    return client
        .people()
        .createContact(new Person().setNames(List.of(new Name().setGivenName("Pic"))))
        .execute();
  }

  @Test
  void uploadedPhotoIsServedAtThePersonsUrl() throws Exception {
    PeopleService client = SERVER.people("photo@example.com");
    Person created = contact(client);
    byte[] png = image("png");

    Person withPhoto =
        client
            .people()
            .updateContactPhoto(
                created.getResourceName(),
                new UpdateContactPhotoRequest()
                    .setPhotoBytes(Base64.getEncoder().encodeToString(png))
                    .setPersonFields("photos"))
            .execute()
            .getPerson();

    assertThat(withPhoto.getEtag()).isNotEqualTo(created.getEtag());
    assertThat(withPhoto.getPhotos().get(0).getDefault()).isNull();
    HttpResponse<byte[]> served = fetch(withPhoto.getPhotos().get(0).getUrl());
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(served.body()).isEqualTo(png);
  }

  @Test
  void deletedPhotoFallsBackToTheDefaultAndOldUrlIsGone() throws Exception {
    PeopleService client = SERVER.people("gone@example.com");
    Person created = contact(client);
    String url =
        client
            .people()
            .updateContactPhoto(
                created.getResourceName(),
                new UpdateContactPhotoRequest()
                    .setPhotoBytes(Base64.getEncoder().encodeToString(image("jpg")))
                    .setPersonFields("photos"))
            .execute()
            .getPerson()
            .getPhotos()
            .get(0)
            .getUrl();

    Person after =
        client
            .people()
            .deleteContactPhoto(created.getResourceName())
            .setPersonFields("photos")
            .execute()
            .getPerson();

    assertThat(after.getPhotos().get(0).getDefault()).isTrue();
    assertThat(fetch(after.getPhotos().get(0).getUrl()).statusCode()).isEqualTo(200);
    assertThat(fetch(url).statusCode()).isEqualTo(404);
    assertThat(fetch(url.substring(0, url.length() - 2) + "xx").statusCode()).isEqualTo(404);
  }

  @Test
  void rejectsBytesThatAreNotAnImage() throws Exception {
    PeopleService client = SERVER.people("notimage@example.com");
    Person created = contact(client);

    assertBadRequest(
        () ->
            client
                .people()
                .updateContactPhoto(
                    created.getResourceName(),
                    new UpdateContactPhotoRequest()
                        .setPhotoBytes(
                            Base64.getEncoder()
                                .encodeToString("hello".getBytes(StandardCharsets.UTF_8))))
                .execute());
  }

  @Test
  void anotherUsersContactIsNotFound() throws Exception {
    Person created = contact(SERVER.people("owner@example.com"));

    assertThatThrownBy(
            () ->
                SERVER
                    .people("intruder@example.com")
                    .people()
                    .updateContactPhoto(
                        created.getResourceName(),
                        new UpdateContactPhotoRequest()
                            .setPhotoBytes(Base64.getEncoder().encodeToString(image("png"))))
                    .execute())
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
  }
}

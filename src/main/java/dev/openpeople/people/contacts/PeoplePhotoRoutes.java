// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people.contacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactService;
import dev.openpeople.contact.Photo;
import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.people.person.PersonFields;
import dev.openpeople.people.person.PersonRequests;
import dev.openpeople.people.person.Persons;
import dev.openpeople.people.person.ReadSources;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.Json;
import dev.openpeople.server.Operation;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;
import dev.openpeople.token.TokenSigner;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Contact photos: updateContactPhoto, deleteContactPhoto, and the photo bytes served at the signed
 * URLs persons carry (no credentials needed, as Google's photo URLs).
 */
public record PeoplePhotoRoutes(ContactService contacts, Persons persons, TokenSigner signer)
    implements Routes {
  static final int MAX_PHOTO_BYTES = Photo.MAX_BYTES;

  private static final byte[] DEFAULT_AVATAR = defaultAvatar();

  @Override
  public void define(Router router) {
    router
        .on(Operation.PEOPLE_UPDATE_CONTACT_PHOTO, this::updateContactPhoto)
        .on(Operation.PEOPLE_DELETE_CONTACT_PHOTO, this::deleteContactPhoto)
        .on("GET", "/photos/default", call -> image("image/png", DEFAULT_AVATAR))
        .on("GET", "/photos/([A-Za-z0-9_-]+)", this::photo);
  }

  /** {@code people.people.updateContactPhoto} */
  ApiReply updateContactPhoto(ApiCall call) {
    long id = PersonRequests.requireContact("people/" + call.pathVar("peopleId"));
    ObjectNode body = call.bodyObject();
    byte[] bytes = decode(body.path("photoBytes").asText(""));
    Contact changed = contacts.setPhoto(call.caller().email(), id, Photo.checked(bytes));
    return reply(call, changed, body.path("personFields").asText(""), sourcesOf(body));
  }

  /** {@code people.people.deleteContactPhoto} */
  ApiReply deleteContactPhoto(ApiCall call) {
    long id = PersonRequests.requireContact("people/" + call.pathVar("peopleId"));
    Contact changed = contacts.setPhoto(call.caller().email(), id, null);
    String mask = call.param("personFields");
    return reply(call, changed, mask == null ? "" : mask, call.params("sources"));
  }

  /** Serves a stored photo; a forged, stale or unknown URL is a 404. */
  ApiReply photo(ApiCall call) {
    byte[] payload =
        signer.open(call.pathVar("1")).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND));
    ByteBuffer buffer = ByteBuffer.wrap(payload);
    long id = buffer.getLong();
    long version = buffer.getLong();
    String email = StandardCharsets.UTF_8.decode(buffer).toString();
    Photo found =
        contacts.photo(email, id, version).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND));
    return image(found.contentType(), found.bytes());
  }

  private static ApiReply image(String type, byte[] bytes) {
    return ApiReply.bytes(200, type, bytes).header("Cache-Control", "private, max-age=86400");
  }

  private ApiReply reply(ApiCall call, Contact contact, String mask, List<String> sources) {
    ObjectNode response = Json.object();
    if (!mask.isBlank()) {
      Set<String> fields = PersonFields.parse(mask, "personFields", PersonFields.readable());
      response.set(
          "person",
          persons.contact(
              contact,
              call.caller().email(),
              fields,
              ReadSources.parse(sources, ReadSources.CONTACT_AND_PROFILE),
              call.request().origin()));
    }
    return ApiReply.json(response);
  }

  private static List<String> sourcesOf(ObjectNode body) {
    return body.path("sources").valueStream().map(n -> n.asText()).toList();
  }

  private static byte[] decode(String base64) {
    if (base64.isEmpty()) {
      throw ApiException.invalid("photoBytes must not be empty.");
    }
    byte[] bytes;
    try {
      bytes =
          base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0
              ? Base64.getUrlDecoder().decode(base64)
              : Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("photoBytes is not valid base64.");
    }
    if (bytes.length > MAX_PHOTO_BYTES) {
      throw ApiException.invalid("photoBytes must be at most %d bytes.", MAX_PHOTO_BYTES);
    }
    return bytes;
  }

  private static byte[] defaultAvatar() {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x78, 0x90, 0x9c));
    g.fillRect(0, 0, 100, 100);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

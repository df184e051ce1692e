// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.snapshot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.Contact;
import dev.openpeople.contact.ContactGroup;
import dev.openpeople.contact.Photo;
import dev.openpeople.contact.SharedContact;
import dev.openpeople.contact.SnapshotService;
import dev.openpeople.contact.User;
import dev.openpeople.server.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** Writes a dump as JSON Lines, one record per line (the format is in {@link Snapshots}). */
final class SnapshotWriter implements SnapshotService.Sink {
  private final Writer out;
  long records;

  SnapshotWriter(Writer out) {
    this.out = out;
  }

  void header() {
    line(Json.object().put("snapshot", Snapshots.MAGIC).put("version", Snapshots.VERSION));
  }

  @Override
  public void domain(String name, long lastSeq) {
    line(Json.object().put("domain", name).put("lastSeq", lastSeq));
  }

  @Override
  public void user(User user, long domainSeq) {
    ObjectNode line =
        Json.object()
            .put("user", user.email())
            .put("id", user.id())
            .put("lastSeq", user.lastSeq())
            .put("domainSeq", domainSeq)
            .put("created", user.created().toString());
    String profile = user.profile();
    if (profile != null) {
      line.set("profile", Json.parseStored(profile));
    }
    line(line);
  }

  @Override
  public void group(String email, ContactGroup group) {
    ObjectNode line =
        Json.object()
            .put("group", group.id())
            .put("user", email)
            .put("seq", group.seq())
            .put("updated", group.updated().toString())
            .put("name", group.name());
    line.set(
        "clientData",
        Json.parse(group.clientData().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    line(line);
  }

  @Override
  public void contact(String email, Contact contact, @Nullable Photo photo) {
    ObjectNode line = row("contact", email, contact);
    line.put("photoVersion", contact.photoVersion());
    line.set("body", Json.parseStored(contact.body()));
    photo(line, photo);
    line(line);
  }

  @Override
  public void otherContact(String email, Contact contact) {
    ObjectNode line = row("otherContact", email, contact);
    line.set("body", Json.parseStored(contact.body()));
    line(line);
  }

  @Override
  public void sharedContact(SharedContact contact, @Nullable Photo photo) {
    ObjectNode line =
        Json.object()
            .put("sharedContact", contact.id())
            .put("domain", contact.domain())
            .put("seq", contact.seq())
            .put("created", contact.created().toString())
            .put("updated", contact.updated().toString())
            .put("photoVersion", contact.photoVersion());
    line.set("entry", Json.parseStored(contact.entry()));
    line.set("person", Json.parseStored(contact.person()));
    line.put("searchText", contact.searchText());
    photo(line, photo);
    line(line);
  }

  private static ObjectNode row(String kind, String email, Contact contact) {
    return Json.object()
        .put(kind, Long.toUnsignedString(contact.id()))
        .put("user", email)
        .put("seq", contact.seq())
        .put("created", contact.created().toString())
        .put("updated", contact.updated().toString());
  }

  private static void photo(ObjectNode line, @Nullable Photo photo) {
    if (photo != null) {
      line.putObject("photo")
          .put("contentType", photo.contentType())
          .put("data", Base64.getEncoder().encodeToString(photo.bytes()));
    }
  }

  private void line(ObjectNode node) {
    try {
      out.write(Json.writeString(node));
      out.write('\n');
      records++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

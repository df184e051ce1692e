// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.Contact;
import dev.openpeople.contact.Etags;
import dev.openpeople.contact.PersonDrafts;
import dev.openpeople.contact.Photo;
import dev.openpeople.contact.TransferService;
import dev.openpeople.server.Json;
import ezvcard.VCardVersion;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Exports a user's contacts, from one consistent snapshot, as vCards (3.0 or 4.0, photos inline),
 * Google CSV (current header) or People API JSON (an array, one Person per line). Returns how many
 * contacts it wrote.
 */
public final class Exporter {
  private final TransferService transfers;

  public Exporter(TransferService transfers) {
    this.transfers = transfers;
  }

  /** Writes {@code email}'s contacts to {@code out} (left open); vCard in {@code version}. */
  public long run(String email, Format format, VCardVersion version, OutputStream out)
      throws IOException {
    Writer writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    Sink sink = new Sink(writer, format, version);
    try {
      transfers.export(email, sink);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    sink.finish();
    writer.flush();
    return sink.count;
  }

  private static final class Sink implements TransferService.ExportSink {
    private final Writer out;
    private final Format format;
    private final VCardVersion version;
    private Map<String, String> groupNames = Map.of();
    private final List<Map<String, String>> rows = new ArrayList<>();
    long count;

    Sink(Writer out, Format format, VCardVersion version) {
      this.out = out;
      this.format = format;
      this.version = version;
    }

    @Override
    public void groups(Map<String, String> namesById) {
      groupNames = namesById;
    }

    @Override
    public void contact(Contact contact, @Nullable Photo photo) {
      ObjectNode body = Json.parseStored(contact.body());
      try {
        switch (format) {
          case VCARD ->
              VCardFiles.write(
                  out, contact.id(), body, groupNames, photo, version, PersonDrafts.CARD_FIELD);
          case CSV -> rows.add(CsvRows.row(body, groupNames));
          case JSON -> {
            out.write(count == 0 ? "[\n" : ",\n");
            out.write(
                Json.writeString(PersonJson.person(contact.id(), Etags.person(contact), body)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      count++;
    }

    void finish() throws IOException {
      switch (format) {
        case CSV -> GoogleCsv.write(out, rows);
        case JSON -> out.write(count == 0 ? "[]\n" : "\n]\n");
        case VCARD -> {
          // Each card ends its own lines.
        }
      }
    }
  }
}

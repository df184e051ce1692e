// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.transfer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.contact.ContactService;
import dev.openpeople.contact.ImageProbe;
import dev.openpeople.contact.PersonDrafts;
import dev.openpeople.contact.Photo;
import dev.openpeople.contact.SystemGroups;
import dev.openpeople.contact.TransferService;
import dev.openpeople.contact.TransferService.NewContact;
import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.server.Json;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Imports a file into a user's contacts through {@link TransferService}: items are read as a
 * stream, their groups created by name when missing, and written in batches of {@value #BATCH}
 * contacts, each batch one transaction. A card or row that cannot be read or is not a valid Person
 * is skipped and reported; a batch that fails is written again contact by contact, so each contact
 * is written whole or not at all.
 */
public final class Importer {
  static final int BATCH = 2000;

  /** Told how far an import got: bytes of the file read so far. */
  @FunctionalInterface
  public interface Progress {
    void read(long bytes);

    Progress NONE = bytes -> {};
  }

  private final TransferService transfers;
  private final PersonDrafts drafts;

  public Importer(TransferService transfers, PersonDrafts drafts) {
    this.transfers = transfers;
    this.drafts = drafts;
  }

  /**
   * Imports {@code in} into {@code email}'s contacts; {@code format} null sniffs it from the first
   * bytes. Adds to {@code report}.
   */
  public void run(
      String email, InputStream in, @Nullable Format format, Progress progress, Report report)
      throws IOException {
    Counting counting = new Counting(in);
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(counting, StandardCharsets.UTF_8), 1 << 16);
    Format chosen = format;
    if (chosen == null) {
      char[] head = new char[4096];
      reader.mark(head.length);
      int n = reader.read(head);
      reader.reset();
      byte[] bytes = new String(head, 0, Math.max(n, 0)).getBytes(StandardCharsets.UTF_8);
      chosen = Format.sniff(bytes, bytes.length);
    }
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      Batcher batcher = new Batcher(email, report, counting, progress, writer);
      switch (chosen) {
        case VCARD -> VCardFiles.read(reader, batcher);
        case CSV -> GoogleCsv.read(reader, batcher);
        case JSON -> PersonJson.read(reader, batcher);
      }
      batcher.flush();
      batcher.awaitWrite();
    } finally {
      writer.shutdownNow();
    }
    progress.read(counting.count);
  }

  /**
   * Collects items into batches and writes each; one batch is written (on {@code writer}) while the
   * next is read and built.
   */
  private final class Batcher implements Item.Sink {
    private final String email;
    private final Report report;
    private final Counting counting;
    private final Progress progress;
    private final List<Item> batch = new ArrayList<>(BATCH);
    private final Map<String, String> groupIdsByName = new HashMap<>();
    private final Set<String> userGroups = new LinkedHashSet<>();
    private final ExecutorService writer;
    private Future<?> writing = CompletableFuture.completedFuture(null);

    Batcher(
        String email, Report report, Counting counting, Progress progress, ExecutorService writer) {
      this.writer = writer;
      this.email = email;
      this.report = report;
      this.counting = counting;
      this.progress = progress;
      transfers
          .groups(email)
          .forEach(
              (id, name) -> {
                userGroups.add(id);
                groupIdsByName.put(name, id);
              });
    }

    @Override
    public void accept(Item item) {
      String error = item.error();
      if (error != null) {
        report.skip(item.where(), error);
        return;
      }
      batch.add(item);
      if (batch.size() == BATCH) {
        flush();
      }
    }

    void flush() {
      if (batch.isEmpty()) {
        return;
      }
      List<String> missing = new ArrayList<>();
      for (Item item : batch) {
        for (String name : item.groups()) {
          if (!groupIdsByName.containsKey(name) && !missing.contains(name)) {
            missing.add(name);
          }
        }
      }
      if (!missing.isEmpty()) {
        transfers
            .groupIds(email, missing)
            .forEach(
                (name, id) -> {
                  groupIdsByName.put(name, id);
                  userGroups.add(id);
                });
      }
      List<Long> ids = ContactService.newIds(batch.size());
      NewContact[] built = new NewContact[batch.size()];
      String[] errors = new String[batch.size()];
      IntStream.range(0, batch.size())
          .parallel()
          .forEach(
              i -> {
                try {
                  built[i] = draft(ids.get(i), batch.get(i));
                } catch (ApiException | IllegalArgumentException e) {
                  errors[i] = String.valueOf(e.getMessage());
                }
              });
      List<Long> goodIds = new ArrayList<>();
      List<NewContact> good = new ArrayList<>();
      List<Item> goodItems = new ArrayList<>();
      for (int i = 0; i < built.length; i++) {
        if (built[i] == null) {
          report.skip(batch.get(i).where(), errors[i]);
        } else {
          goodIds.add(ids.get(i));
          good.add(built[i]);
          goodItems.add(batch.get(i));
        }
      }
      awaitWrite();
      writing = writer.submit(() -> write(goodIds, good, goodItems));
      batch.clear();
      progress.read(counting.count);
    }

    /** Waits for the batch being written; its failure is the import's. */
    void awaitWrite() {
      try {
        writing.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("import interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    private void write(List<Long> ids, List<NewContact> contacts, List<Item> items) {
      if (contacts.isEmpty()) {
        return;
      }
      try {
        report.imported(transfers.create(email, ids, contacts).size());
      } catch (RuntimeException batchFailure) {
        for (int i = 0; i < contacts.size(); i++) {
          try {
            report.imported(
                transfers.create(email, List.of(ids.get(i)), List.of(contacts.get(i))).size());
          } catch (RuntimeException e) {
            report.skip(items.get(i).where(), String.valueOf(e.getMessage()));
          }
        }
      }
    }

    private NewContact draft(long id, Item item) {
      ObjectNode person = item.person().deepCopy();
      ArrayNode memberships = person.putArray("memberships");
      Set<String> groups = new LinkedHashSet<>();
      for (String group : item.groupIds()) {
        if (SystemGroups.byId(group).isPresent() || userGroups.contains(group)) {
          groups.add(group);
        }
      }
      for (String name : item.groups()) {
        groups.add(groupIdsByName.get(name));
      }
      for (String group : groups) {
        memberships
            .addObject()
            .putObject("contactGroupMembership")
            .put("contactGroupResourceName", "contactGroups/" + group);
      }
      return new NewContact(
          drafts.contact(id, null, Json.writeString(person), Set.of(), item.cardJson()),
          checked(item.photo()),
          Json.parseStored(item.cardJson()).path("uid").textValue());
    }
  }

  /** A photo as stored when it is a JPEG or PNG image of a sane size; else it is left out. */
  private static @Nullable Photo checked(@Nullable Photo photo) {
    if (photo == null) {
      return null;
    }
    try {
      String type =
          ImageProbe.check(photo.bytes(), Set.of("jpeg", "png"), ApiError.INVALID_ARGUMENT)
              .mediaType();
      return new Photo(type, photo.bytes());
    } catch (ApiException e) {
      return null;
    }
  }

  /** Counts the bytes read, for the progress bar. */
  private static final class Counting extends FilterInputStream {
    private long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}

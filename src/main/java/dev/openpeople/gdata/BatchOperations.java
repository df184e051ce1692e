// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import static dev.openpeople.error.GDataErrors.escape;

import dev.openpeople.contact.SharedContact;
import dev.openpeople.contact.SharedContactService;
import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A batch request (https://developers.google.com/admin-sdk/domain-shared-contacts, "Perform batch
 * operations"): up to 100 insert/update/delete/query operations run in one domain transaction, each
 * answered with its own {@code batch:status}. A failing operation writes nothing (its checks run
 * before its write) and does not stop the others.
 */
final class BatchOperations {
  static final int MAX_OPERATIONS = 100;

  private final SharedContactService contacts;

  BatchOperations(SharedContactService contacts) {
    this.contacts = contacts;
  }

  /** The response feed of a batch request body. */
  String run(String domain, AtomWriter.Urls urls, byte[] body) {
    AtomReader.BatchFeed feed = AtomReader.batch(body);
    if (feed.entries().size() > MAX_OPERATIONS) {
      throw new ApiException(
          ApiError.GDATA_INVALID,
          "A batch may hold at most "
              + MAX_OPERATIONS
              + " operations; got "
              + feed.entries().size()
              + ".");
    }
    List<String> results =
        contacts.batch(
            domain,
            batch -> {
              List<String> out = new ArrayList<>();
              for (ContactEntry entry : feed.entries()) {
                out.add(one(batch, urls, entry, feed.defaultOperation()));
              }
              return out;
            });
    StringBuilder xml = new StringBuilder(4096);
    xml.append(AtomWriter.XML_DECL).append("<feed").append(AtomWriter.NAMESPACES).append('>');
    xml.append("<id>").append(escape(urls.feed())).append("/batch/");
    xml.append(contacts.now().toEpochMilli()).append("</id>");
    xml.append("<updated>").append(AtomWriter.time(contacts.now())).append("</updated>");
    xml.append("<title>Batch Feed</title>");
    results.forEach(xml::append);
    return xml.append("</feed>").toString();
  }

  private String one(
      SharedContactService.Batch batch,
      AtomWriter.Urls urls,
      ContactEntry entry,
      @Nullable String defaultOperation) {
    String operation = entry.batchOperation() != null ? entry.batchOperation() : defaultOperation;
    operation = operation == null ? "insert" : operation.toLowerCase(Locale.ROOT);
    List<String> head = new ArrayList<>();
    if (entry.batchId() != null) {
      head.add("<batch:id>" + escape(entry.batchId()) + "</batch:id>");
    }
    head.add("<batch:operation type='" + escape(operation) + "'/>");
    try {
      SharedContact result = apply(batch, urls, entry, operation);
      int code = operation.equals("insert") ? 201 : 200;
      head.add(
          "<batch:status code='"
              + code
              + "' reason='"
              + (code == 201 ? "Created" : "Success")
              + "'/>");
      StringBuilder out = new StringBuilder(2048);
      if (operation.equals("delete")) {
        out.append("<entry>");
        head.forEach(out::append);
        out.append("<id>").append(escape(urls.id(result.id()))).append("</id></entry>");
        return out.toString();
      }
      AtomWriter.entryStart(out, result, urls, false, head);
      return out.append("</entry>").toString();
    } catch (ApiException e) {
      StringBuilder out = new StringBuilder(512);
      out.append("<entry>");
      head.forEach(out::append);
      out.append("<batch:status code='")
          .append(e.error().httpStatus())
          .append("' reason='")
          .append(escape(e.getMessage()))
          .append("'/>");
      if (entry.id() != null) {
        out.append("<id>").append(escape(entry.id())).append("</id>");
      }
      return out.append("</entry>").toString();
    }
  }

  private static SharedContact apply(
      SharedContactService.Batch batch,
      AtomWriter.Urls urls,
      ContactEntry entry,
      String operation) {
    switch (operation) {
      case "insert" -> {
        String id = SharedContactService.newId();
        return batch.insert(id, StoredEntry.of(entry, urls.projection(), null).draft(id));
      }
      case "update" -> {
        String id = target(entry);
        return batch.update(
            id,
            entry.etag(),
            current ->
                StoredEntry.of(entry, urls.projection(), StoredEntry.parse(current.entry()))
                    .draft(id));
      }
      case "delete" -> {
        return batch.delete(target(entry), entry.etag());
      }
      case "query" -> {
        return batch.get(target(entry));
      }
      default ->
          throw new ApiException(ApiError.GDATA_INVALID, "Unknown batch operation: " + operation);
    }
  }

  /** The contact an update, delete or query names by its atom:id or edit link. */
  private static String target(ContactEntry entry) {
    String ref = entry.id() != null ? entry.id() : entry.editHref();
    if (ref == null || ref.isBlank()) {
      throw new ApiException(ApiError.GDATA_INVALID, "The operation needs an entry id.");
    }
    String id = ContactsFeedRoutes.lastSegment(ref);
    if (!id.matches("[0-9a-f]{1,16}")) {
      throw new ApiException(ApiError.GDATA_NOT_FOUND, "Contact not found.");
    }
    return id;
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import static dev.openpeople.error.GDataErrors.escape;

import dev.openpeople.contact.Etags;
import dev.openpeople.contact.SharedContact;
import dev.openpeople.contact.SharedContactService;
import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.listing.Listing;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The Domain Shared Contacts feed ({@code /m8/feeds/contacts/{domain}/{projection}}): query, get,
 * insert, update, delete and batch
 * (https://developers.google.com/admin-sdk/domain-shared-contacts).
 */
public final class ContactsFeedRoutes implements Routes {
  static final String DOMAIN = "([^/]+)";
  static final String PROJECTION = "(full|thin|property-[^/]+)";
  static final String ID = "([0-9a-f]{1,16})";
  static final String FEED = "/m8/feeds/contacts/" + DOMAIN + "/" + PROJECTION;

  /**
   * Tombstones are kept this long (https://developers.google.com/admin-sdk/domain-shared-contacts,
   * "showdeleted").
   */
  static final Duration TOMBSTONE_RETENTION = Duration.ofDays(30);

  /** No feed response is larger (Google truncates at 10 MB and adds a next link). */
  static final int MAX_FEED_BYTES = 10 * 1024 * 1024;

  private final SharedContactService contacts;
  private final BatchOperations batch;

  public ContactsFeedRoutes(SharedContactService contacts) {
    this.contacts = contacts;
    this.batch = new BatchOperations(contacts);
  }

  @Override
  public void define(Router router) {
    List<String> read = DomainAccess.READ_SCOPES;
    List<String> write = DomainAccess.WRITE_SCOPES;
    router
        .onAuthenticated("GET", FEED, read, this::query)
        .onAuthenticated("POST", FEED, write, this::insert)
        .onAuthenticated("POST", FEED + "/batch", write, this::batch)
        .onAuthenticated("GET", FEED + "/" + ID, read, this::get)
        .onAuthenticated("PUT", FEED + "/" + ID, write, this::update)
        .onAuthenticated("DELETE", FEED + "/" + ID, write, this::delete);
  }

  static AtomWriter.Urls urls(ApiCall call, String domain) {
    return new AtomWriter.Urls(
        call.request().origin(), domain, Projection.parse(call.pathVar("2")));
  }

  static ApiReply atom(int status, String xml) {
    return ApiReply.bytes(status, AtomWriter.ATOM_TYPE, xml.getBytes(StandardCharsets.UTF_8))
        .header("GData-Version", "3.0");
  }

  static ApiReply notModified(String etag) {
    return ApiReply.bytes(304, AtomWriter.ATOM_TYPE, new byte[0])
        .header("ETag", etag)
        .header("GData-Version", "3.0");
  }

  ApiReply query(ApiCall call) {
    String domain = DomainAccess.readable(call);
    AtomWriter.Urls urls = urls(call, domain);
    GDataQuery query = GDataQuery.parse(call.request());
    Instant now = contacts.now();
    requireCompleteDelta(query, now);
    SharedContactService.Feed page =
        contacts.query(
            domain, query.filter(), query.after(), query.startIndex() - 1, query.maxResults());
    String feedEtag =
        "W/\""
            + Long.toHexString(page.lastSeq())
            + "-"
            + Integer.toHexString(call.request().query().hashCode())
            + ".\"";
    if (feedEtag.equals(call.request().header("If-None-Match"))) {
      return notModified(feedEtag);
    }
    FeedText feed = feed(call, urls, query, page, feedEtag, now);
    String alt = call.request().param("alt");
    ApiReply reply =
        "json".equals(alt)
            ? ApiReply.bytes(200, AltFormats.JSON_TYPE, AltFormats.json(feed.xml()))
                .header("GData-Version", "3.0")
            : "rss".equals(alt)
                ? ApiReply.bytes(200, AltFormats.RSS_TYPE, AltFormats.rss(feed.xml()))
                    .header("GData-Version", "3.0")
                : ApiReply.bytes(200, AtomWriter.ATOM_TYPE, feed.utf8())
                    .header("GData-Version", "3.0");
    return reply.header("ETag", feedEtag);
  }

  /** Tombstones older than 30 days may be gone, so such a delta could be incomplete: 410. */
  private static void requireCompleteDelta(GDataQuery query, Instant now) {
    if (query.requireAllDeleted()
        && query.showDeleted()
        && query.updatedMin() != null
        && query.updatedMin().isBefore(now.minus(TOMBSTONE_RETENTION))) {
      throw new ApiException(
          ApiError.GDATA_GONE, "Deleted entries older than updated-min may have been purged.");
    }
  }

  /**
   * A feed page as written: the feed element's start tag and metadata, then its entries, each kept
   * as text and as UTF-8 (an unpaired surrogate as '?', as {@link String#getBytes} writes it), then
   * its end tag. Entries are encoded one by one, so a page of 1,000 is never held in one growing
   * builder, and their UTF-8 sizes are what the page's size limit counts.
   */
  private record FeedText(String head, List<String> entries, List<byte[]> encoded) {
    private static final String END = "</feed>";

    String xml() {
      StringBuilder out = new StringBuilder(head);
      entries.forEach(out::append);
      return out.append(END).toString();
    }

    byte[] utf8() {
      byte[] start = head.getBytes(StandardCharsets.UTF_8);
      byte[] end = END.getBytes(StandardCharsets.US_ASCII);
      int size = start.length + end.length;
      for (byte[] entry : encoded) {
        size += entry.length;
      }
      byte[] out = new byte[size];
      System.arraycopy(start, 0, out, 0, start.length);
      int at = start.length;
      for (byte[] entry : encoded) {
        System.arraycopy(entry, 0, out, at, entry.length);
        at += entry.length;
      }
      System.arraycopy(end, 0, out, at, end.length);
      return out;
    }
  }

  private static FeedText feed(
      ApiCall call,
      AtomWriter.Urls urls,
      GDataQuery query,
      SharedContactService.Feed page,
      String etag,
      Instant now) {
    Listing.Window<SharedContact> window = page.window();
    // The entries are written first, as the links depend on how many fit.
    List<String> entries = new ArrayList<>(window.rows().size());
    List<byte[]> encoded = new ArrayList<>(window.rows().size());
    StringBuilder entry = new StringBuilder(2048);
    long bytes = 16 * 1024;
    for (SharedContact contact : window.rows()) {
      entry.setLength(0);
      AtomWriter.entry(entry, contact, urls, false);
      String text = entry.toString();
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      if (bytes + utf8.length > MAX_FEED_BYTES && !entries.isEmpty()) {
        break;
      }
      bytes += utf8.length;
      entries.add(text);
      encoded.add(utf8);
    }
    int count = entries.size();
    long start = query.startIndex();
    StringBuilder out = new StringBuilder(4096);
    out.append(AtomWriter.XML_DECL).append("<feed").append(AtomWriter.NAMESPACES);
    out.append(" gd:etag='").append(escape(etag)).append("'>");
    out.append("<id>").append(escape(urls.base())).append("</id>");
    out.append("<updated>").append(AtomWriter.time(now)).append("</updated>");
    out.append("<category scheme='")
        .append(Namespaces.KIND_SCHEME)
        .append("' term='")
        .append(Namespaces.CONTACT_KIND)
        .append("'/>");
    out.append("<title>").append(escape(urls.domain())).append("'s Contacts</title>");
    AtomWriter.link(out, "http://schemas.google.com/g/2005#feed", urls.feed());
    AtomWriter.link(out, "http://schemas.google.com/g/2005#post", urls.feed());
    AtomWriter.link(out, "http://schemas.google.com/g/2005#batch", urls.feed() + "/batch");
    AtomWriter.link(out, "self", pageUrl(call, urls, start, query.maxResults(), null));
    // More follow when the window was cut by size or the engine read a row beyond it.
    if (count > 0 && (count < window.rows().size() || window.more())) {
      String key = query.startKey(window.cursorAfter(count));
      AtomWriter.link(out, "next", pageUrl(call, urls, start + count, query.maxResults(), key));
    }
    if (start > 1) {
      long previous = Math.max(1, start - Math.max(1, query.maxResults()));
      AtomWriter.link(out, "previous", pageUrl(call, urls, previous, query.maxResults(), null));
    }
    out.append("<author><name>").append(escape(urls.domain())).append("</name><email>");
    out.append(escape(urls.domain())).append("</email></author>");
    out.append("<generator version='1.0' uri='")
        .append(escape(urls.origin()))
        .append("/m8/feeds'>Contacts</generator>");
    out.append("<openSearch:totalResults>")
        .append(window.total())
        .append("</openSearch:totalResults>");
    out.append("<openSearch:startIndex>").append(start).append("</openSearch:startIndex>");
    out.append("<openSearch:itemsPerPage>")
        .append(query.maxResults())
        .append("</openSearch:itemsPerPage>");
    return new FeedText(out.toString(), entries, encoded);
  }

  /** The feed URL with the request's parameters and the given paging. */
  private static String pageUrl(
      ApiCall call, AtomWriter.Urls urls, long startIndex, int maxResults, @Nullable String key) {
    StringBuilder url = new StringBuilder(urls.feed());
    List<String> params = new ArrayList<>();
    for (Map.Entry<String, List<String>> param : call.request().query().entrySet()) {
      String name = param.getKey();
      if (name.equals("start-index")
          || name.equals("max-results")
          || name.equals("access_token")
          || name.equals(GDataQuery.START_KEY)) {
        continue;
      }
      for (String value : param.getValue()) {
        params.add(encode(name) + "=" + encode(value));
      }
    }
    if (startIndex > 1) {
      params.add("start-index=" + startIndex);
    }
    params.add("max-results=" + maxResults);
    if (key != null) {
      params.add(GDataQuery.START_KEY + "=" + encode(key));
    }
    url.append('?').append(params.stream().collect(Collectors.joining("&")));
    return url.toString();
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  ApiReply get(ApiCall call) {
    String domain = DomainAccess.readable(call);
    String id = call.pathVar("3");
    SharedContact contact = contacts.get(domain, id);
    String etag = Etags.sharedContact(contact);
    if (etag.equals(call.request().header("If-None-Match"))) {
      return notModified(etag);
    }
    return entryReply(200, contact, urls(call, domain));
  }

  static ApiReply entryReply(int status, SharedContact contact, AtomWriter.Urls urls) {
    StringBuilder out = new StringBuilder(2048);
    AtomWriter.entry(out, contact, urls, true);
    return atom(status, out.toString()).header("ETag", Etags.sharedContact(contact));
  }

  ApiReply insert(ApiCall call) {
    String domain = DomainAccess.writable(call);
    AtomWriter.Urls urls = urls(call, domain);
    ContactEntry sent = AtomReader.entry(call.request().body());
    String id = SharedContactService.newId();
    StoredEntry entry = StoredEntry.of(sent, urls.projection(), null);
    SharedContact created = contacts.insert(domain, id, entry.draft(id));
    return entryReply(201, created, urls).header("Location", urls.self(id));
  }

  ApiReply update(ApiCall call) {
    String domain = DomainAccess.writable(call);
    AtomWriter.Urls urls = urls(call, domain);
    String id = call.pathVar("3");
    ContactEntry sent = AtomReader.entry(call.request().body());
    checkTarget(sent, id);
    String etag = ifMatch(call, sent);
    SharedContact updated =
        contacts.update(
            domain,
            id,
            etag,
            current ->
                StoredEntry.of(sent, urls.projection(), StoredEntry.parse(current.entry()))
                    .draft(id));
    return entryReply(200, updated, urls);
  }

  ApiReply delete(ApiCall call) {
    String domain = DomainAccess.writable(call);
    String id = call.pathVar("3");
    String etag = call.request().header("If-Match");
    contacts.delete(domain, id, etag);
    return atom(200, "");
  }

  ApiReply batch(ApiCall call) {
    String domain = DomainAccess.writable(call);
    return atom(200, batch.run(domain, urls(call, domain), call.request().body()));
  }

  /** The etag a write is conditional on: the If-Match header, else the entry's gd:etag. */
  static @Nullable String ifMatch(ApiCall call, ContactEntry sent) {
    String header = call.request().header("If-Match");
    return header != null ? header : sent.etag();
  }

  /** An update's {@code <id>}, when present, must name the contact it is sent to. */
  static void checkTarget(ContactEntry sent, String id) {
    if (sent.id() != null && !sent.id().isEmpty() && !id.equals(lastSegment(sent.id()))) {
      throw new ApiException(ApiError.GDATA_INVALID, "Entry id does not match the edit URL.");
    }
  }

  static String lastSegment(String url) {
    String trimmed = url.strip();
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }
}

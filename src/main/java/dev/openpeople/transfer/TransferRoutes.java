// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.transfer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.Emails;
import dev.openpeople.server.Json;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;
import dev.openpeople.server.Scopes;
import ezvcard.VCardVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * File import and export of a user's contacts over HTTP: {@code POST
 * /emulator/v1/users/{email}:import} (the body is the file; its format from the {@code format}
 * parameter, else the Content-Type, else sniffed) and {@code GET
 * /emulator/v1/users/{email}:export?format=vcard|csv|json[&version=4.0]}. In emulator mode anyone
 * may call them, as every emulator control; in production mode only an administrator of the user's
 * domain (an authenticated caller whose token names the domain among its admin domains).
 */
public record TransferRoutes(Importer importer, Exporter exporter, boolean emulator)
    implements Routes {
  private static final String USER = "/emulator/v1/users/([^/]+)";

  @Override
  public void define(Router router) {
    if (emulator) {
      router
          .on("POST", USER + ":import", this::importFile)
          .on("GET", USER + ":export", this::export);
    } else {
      router
          .onAuthenticated("POST", USER + ":import", List.of(Scopes.CONTACTS), this::importFile)
          .onAuthenticated("GET", USER + ":export", Scopes.CONTACT_READ, this::export);
    }
  }

  /** Emulator control {@code users.import}: a vCard, Google CSV or Person JSON file. */
  ApiReply importFile(ApiCall call) {
    String email = user(call);
    String named = call.param("format");
    Optional<Format> format =
        named == null
            ? Format.ofMediaType(call.request().header("Content-Type"))
            : Optional.of(
                Format.named(named)
                    .orElseThrow(
                        () ->
                            ApiException.invalid(
                                "format must be vcard, csv or json; got \"%s\".", named)));
    Report report = new Report();
    try {
      importer.run(
          email,
          new ByteArrayInputStream(call.request().body()),
          format.orElse(null),
          Importer.Progress.NONE,
          report);
    } catch (IOException e) {
      throw ApiException.invalid("The file could not be read: %s", String.valueOf(e.getMessage()));
    }
    ObjectNode body = Json.object();
    body.put("imported", report.imported());
    body.put("skipped", report.skippedCount());
    ArrayNode entries = body.putArray("skippedEntries");
    for (Report.Skipped skipped : report.skipped()) {
      entries.addObject().put("where", skipped.where()).put("reason", skipped.reason());
    }
    return ApiReply.json(body);
  }

  /** Emulator control {@code users.export}: every contact of the user in one file. */
  ApiReply export(ApiCall call) {
    String email = user(call);
    String named = call.param("format");
    Format format =
        Format.named(named == null ? "vcard" : named)
            .orElseThrow(
                () ->
                    ApiException.invalid("format must be vcard, csv or json; got \"%s\".", named));
    String versionParam = call.param("version");
    VCardVersion version = VCardVersion.V3_0;
    if (versionParam != null) {
      version = VCardVersion.valueOfByStr(versionParam);
      if (version != VCardVersion.V3_0 && version != VCardVersion.V4_0) {
        throw ApiException.invalid("version must be 3.0 or 4.0; got \"%s\".", versionParam);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      exporter.run(email, format, version, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String file = email.replaceAll("[^A-Za-z0-9@._-]", "_") + format.extension();
    return ApiReply.bytes(200, format.mediaType(), out.toByteArray())
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"");
  }

  /** The user of the path; in production mode the caller must administer the user's domain. */
  private String user(ApiCall call) {
    String email = call.pathVar("1");
    if (!Emails.isValid(email)) {
      throw ApiException.invalid("\"%s\" is not a valid user e-mail address.", email);
    }
    String normalized = Emails.normalize(email);
    if (!emulator) {
      String domain = normalized.substring(normalized.indexOf('@') + 1);
      if (!call.caller().adminDomains().contains(domain)) {
        throw new ApiException(
            ApiError.PERMISSION_DENIED,
            "Only administrators of " + domain + " may import or export its users' contacts.");
      }
    }
    return normalized;
  }
}

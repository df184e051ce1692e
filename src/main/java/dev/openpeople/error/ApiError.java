// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.error;

import org.jspecify.annotations.Nullable;

/**
 * The catalogue of every error OpenPeople answers, with the HTTP status, Google's canonical status
 * name, the optional {@code google.rpc.ErrorInfo} reason and the message template.
 */
public enum ApiError {
  /** Generic bad input; the message is the argument. */
  INVALID_ARGUMENT(400, "INVALID_ARGUMENT", null, null, "%s"),
  /** Generic precondition failure; the message is the argument. */
  FAILED_PRECONDITION(400, "FAILED_PRECONDITION", null, null, "%s"),
  // Google answers 400 FAILED_PRECONDITION (observed; the guide's "410" is stale):
  // https://developers.google.com/people/api/rest/v1/people.connections/list
  EXPIRED_SYNC_TOKEN(
      400,
      "FAILED_PRECONDITION",
      "EXPIRED_SYNC_TOKEN",
      "people.googleapis.com",
      "Sync token is expired. Clear local cache and retry call without the sync token."),
  // Google's observed message; 400 FAILED_PRECONDITION rather than HTTP 412.
  PERSON_ETAG_MISMATCH(
      400,
      "FAILED_PRECONDITION",
      null,
      null,
      "Request person.etag is different than the current person.etag. Clear local cache and get"
          + " the latest person."),
  // Google's observed message.
  PERSON_ETAG_MISSING(
      400,
      "INVALID_ARGUMENT",
      null,
      null,
      "Request must set person.etag or person.metadata.sources.etag for the source that is being"
          + " updated."),
  // Assumed: a stale contactGroup.etag on update, worded like the person one.
  GROUP_ETAG_MISMATCH(
      400,
      "FAILED_PRECONDITION",
      null,
      null,
      "Request contactGroup.etag is different than the current contactGroup.etag. Clear local"
          + " cache and get the latest contact group."),
  // Google's observed message: only myContacts and starred take new members.
  DEPRECATED_SYSTEM_GROUP(
      400,
      "FAILED_PRECONDITION",
      null,
      null,
      "Cannot add contacts to deprecated system contact group"),
  // Unknown resources answer this exact text (observed).
  NOT_FOUND(404, "NOT_FOUND", null, null, "Requested entity was not found."),
  // An unknown URL; Google's front end answers 404 for paths it does not route.
  URL_NOT_FOUND(404, "NOT_FOUND", null, null, "The requested URL %s was not found on this server."),
  ALREADY_EXISTS(409, "ALREADY_EXISTS", null, null, "%s"),
  // Generic front-end text for a missing credential (https://cloud.google.com/apis/design/errors;
  // assumed for an emulator).
  CREDENTIALS_MISSING(
      401,
      "UNAUTHENTICATED",
      "CREDENTIALS_MISSING",
      "googleapis.com",
      "Request is missing required authentication credential. Expected OAuth 2 access token,"
          + " login cookie or other valid authentication credential. See"
          + " https://developers.google.com/identity/sign-in/web/devconsole-project."),
  CREDENTIALS_INVALID(
      401,
      "UNAUTHENTICATED",
      "ACCESS_TOKEN_TYPE_UNSUPPORTED",
      "googleapis.com",
      "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie"
          + " or other valid authentication credential. See"
          + " https://developers.google.com/identity/sign-in/web/devconsole-project."),
  // Observed: reason ACCESS_TOKEN_SCOPE_INSUFFICIENT, domain googleapis.com.
  SCOPE_INSUFFICIENT(
      403,
      "PERMISSION_DENIED",
      "ACCESS_TOKEN_SCOPE_INSUFFICIENT",
      "googleapis.com",
      "Request had insufficient authentication scopes."),
  PERMISSION_DENIED(403, "PERMISSION_DENIED", null, null, "%s"),
  // Google's observed 429 body for the per-user write quota.
  RATE_LIMIT_EXCEEDED(
      429,
      "RESOURCE_EXHAUSTED",
      "RATE_LIMIT_EXCEEDED",
      "googleapis.com",
      "Quota exceeded for quota metric '%s' and limit '%s' of service 'people.googleapis.com' for"
          + " consumer 'project_number:0'."),
  // Google's front end refuses JSON bodies over 10 MiB (10485760 bytes) with 400 INVALID_ARGUMENT
  // and this text, before the API sees them.
  PAYLOAD_TOO_LARGE(
      400, "INVALID_ARGUMENT", null, null, "Request payload size exceeds the limit: %d bytes."),
  // Google's front end: "The requested URL is too large to process." (HTML there, JSON here).
  URI_TOO_LONG(414, "INVALID_ARGUMENT", null, null, "The requested URL is too large to process."),
  HEADERS_TOO_LARGE(431, "INVALID_ARGUMENT", null, null, "Request header fields too large."),
  // GData (Domain Shared Contacts) errors
  // (https://developers.google.com/gdata/docs/2.0/reference#ErrorMessages); the code strings are
  // ours
  // (Google's are undocumented), the statuses are what the GData Java client maps to exceptions.
  GDATA_INVALID(400, "INVALID_ARGUMENT", null, null, "invalid", "%s"),
  GDATA_PARSE_ERROR(400, "INVALID_ARGUMENT", null, null, "parseError", "%s"),
  // Observed text for a GData write without any etag.
  GDATA_ETAG_REQUIRED(
      403,
      "PERMISSION_DENIED",
      null,
      null,
      "etagRequired",
      "If-Match or If-None-Match header or entry etag attribute required"),
  GDATA_ETAG_MISMATCH(412, "FAILED_PRECONDITION", null, null, "etagsMismatch", "Etags mismatch"),
  GDATA_FORBIDDEN(403, "PERMISSION_DENIED", null, null, "forbidden", "%s"),
  GDATA_NOT_FOUND(404, "NOT_FOUND", null, null, "notFound", "%s"),
  GDATA_TOO_LARGE(413, "INVALID_ARGUMENT", null, null, "entityTooLarge", "%s"),
  GDATA_GONE(410, "FAILED_PRECONDITION", null, null, "gone", "%s"),
  // RFC 4918 section 12.1 and RFC 7232: a CardDAV If-Match / If-None-Match that does not hold.
  DAV_PRECONDITION_FAILED(412, "FAILED_PRECONDITION", null, null, "%s"),
  UNIMPLEMENTED(501, "UNIMPLEMENTED", null, null, "Method not implemented by OpenPeople yet: %s."),
  // A transaction lost to a concurrent one; 409 ABORTED as in
  // https://cloud.google.com/apis/design/errors#handling_errors ("concurrency conflict").
  ABORTED(409, "ABORTED", null, null, "The operation was aborted."),
  UNAVAILABLE(503, "UNAVAILABLE", null, null, "The service is currently unavailable."),
  // Google's observed text.
  INTERNAL(500, "INTERNAL", null, null, "Internal error encountered.");

  private final int httpStatus;
  private final String status;
  private final @Nullable String reason;
  private final @Nullable String domain;
  private final @Nullable String gdataCode;
  private final String template;

  ApiError(
      int httpStatus,
      String status,
      @Nullable String reason,
      @Nullable String domain,
      String template) {
    this(httpStatus, status, reason, domain, null, template);
  }

  ApiError(
      int httpStatus,
      String status,
      @Nullable String reason,
      @Nullable String domain,
      @Nullable String gdataCode,
      String template) {
    this.httpStatus = httpStatus;
    this.status = status;
    this.reason = reason;
    this.domain = domain;
    this.gdataCode = gdataCode;
    this.template = template;
  }

  /**
   * The {@code <code>} of a GData error body; errors without their own use a name derived from
   * Google's status ({@code PERMISSION_DENIED} becomes {@code permissionDenied}).
   */
  public String gdataCode() {
    if (gdataCode != null) {
      return gdataCode;
    }
    StringBuilder code = new StringBuilder();
    for (String word : status.toLowerCase(java.util.Locale.ROOT).split("_", -1)) {
      code.append(
          code.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return code.toString();
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** Google's canonical status name, e.g. {@code NOT_FOUND}. */
  public String status() {
    return status;
  }

  /**
   * The numeric google.rpc.Code, used inside batch responses
   * (https://cloud.google.com/apis/design/errors#handling_errors).
   */
  public int rpcCode() {
    return switch (status) {
      case "CANCELLED" -> 1;
      case "UNKNOWN" -> 2;
      case "INVALID_ARGUMENT" -> 3;
      case "DEADLINE_EXCEEDED" -> 4;
      case "NOT_FOUND" -> 5;
      case "ALREADY_EXISTS" -> 6;
      case "PERMISSION_DENIED" -> 7;
      case "RESOURCE_EXHAUSTED" -> 8;
      case "FAILED_PRECONDITION" -> 9;
      case "ABORTED" -> 10;
      case "OUT_OF_RANGE" -> 11;
      case "UNIMPLEMENTED" -> 12;
      case "INTERNAL" -> 13;
      case "UNAVAILABLE" -> 14;
      case "DATA_LOSS" -> 15;
      case "UNAUTHENTICATED" -> 16;
      default -> 2;
    };
  }

  public @Nullable String reason() {
    return reason;
  }

  public @Nullable String domain() {
    return domain;
  }

  String format(@Nullable Object... args) {
    return args.length == 0 && !template.contains("%") ? template : String.format(template, args);
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.error;

/**
 * Renders an {@link ApiException} as a GData error document ({@code
 * application/vnd.google.gdata.error+xml},
 * https://developers.google.com/gdata/docs/2.0/reference#ErrorMessages), whose children the GData
 * Java client reads into its ServiceException.
 */
public final class GDataErrors {
  public static final String CONTENT_TYPE = "application/vnd.google.gdata.error+xml";

  /** ApiException metadata keys that fill {@code <location type='...'>...</location>}. */
  public static final String LOCATION = "gdata.location";

  public static final String LOCATION_TYPE = "gdata.locationType";

  private GDataErrors() {}

  /** True for the paths whose errors render as GData. */
  public static boolean handles(String path) {
    return path.startsWith("/m8/feeds/") || path.equals("/m8/feeds");
  }

  public static String body(ApiException e) {
    StringBuilder xml = new StringBuilder(256);
    xml.append("<?xml version='1.0' encoding='UTF-8'?>");
    xml.append("<errors xmlns='http://schemas.google.com/g/2005'><error>");
    xml.append("<domain>GData</domain>");
    xml.append("<code>").append(escape(e.error().gdataCode())).append("</code>");
    String location = e.metadata().get(LOCATION);
    String type = e.metadata().getOrDefault(LOCATION_TYPE, "other");
    if (location == null && isPrecondition(e.error())) {
      // GData v3 writes are conditional on the If-Match header.
      location = "If-Match";
      type = "header";
    }
    if (location != null) {
      xml.append("<location type='").append(escape(type)).append("'>");
      xml.append(escape(location)).append("</location>");
    }
    xml.append("<internalReason>").append(escape(e.getMessage())).append("</internalReason>");
    String requestId = e.metadata().get("requestId");
    if (requestId != null) {
      // INTERNAL errors name the request id the server logged, so an operator can find it.
      xml.append("<debugInfo>requestId ").append(escape(requestId)).append("</debugInfo>");
    }
    xml.append("</error></errors>");
    return xml.toString();
  }

  private static boolean isPrecondition(ApiError error) {
    return error == ApiError.GDATA_ETAG_REQUIRED || error == ApiError.GDATA_ETAG_MISMATCH;
  }

  /** XML text and single-quoted attribute escaping ({@code "} stays, as in Google's etags). */
  public static String escape(String text) {
    int i = 0;
    while (i < text.length() && !needsEscape(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      // Most text has nothing to escape: no copy.
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    return escape(out, text).toString();
  }

  /** {@link #escape(String)}, appended to {@code out}; returns {@code out}. */
  public static StringBuilder escape(StringBuilder out, String text) {
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!needsEscape(c)) {
        continue;
      }
      out.append(text, start, i);
      start = i + 1;
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\'' -> out.append("&apos;");
        default -> out.append("&#xFFFD;");
      }
    }
    return out.append(text, start, text.length());
  }

  private static boolean needsEscape(char c) {
    return c == '<'
        || c == '>'
        || c == '&'
        || c == '\''
        || (c < 0x20 && c != '\n' && c != '\r' && c != '\t');
  }
}

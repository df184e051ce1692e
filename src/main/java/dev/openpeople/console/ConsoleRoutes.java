// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.console;

import dev.openpeople.error.ApiError;
import dev.openpeople.error.ApiException;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web console's static assets, bundled in the jar under {@code console/}: {@code GET /} is its
 * page, {@code GET /console/NAME} its scripts, styles and icon. They are public in both modes: the
 * console holds no data of its own and calls the same public APIs as any client, with the bearer
 * token its user gives it (README, "Web console"). Every answer carries a strict
 * Content-Security-Policy (no inline script or style, nothing from another origin) and a strong
 * ETag; {@code Cache-Control: no-cache} makes browsers revalidate, so a new jar is seen at once and
 * an unchanged asset costs a 304.
 */
public final class ConsoleRoutes implements Routes {
  /** https://www.w3.org/TR/CSP3/ — everything from this origin only, nothing inline. */
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
          + " connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

  private static final Pattern COMMA = Pattern.compile(",");

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=UTF-8",
          "js", "text/javascript; charset=UTF-8",
          "css", "text/css; charset=UTF-8",
          "svg", "image/svg+xml");

  /** An asset as served: bytes, type and entity tag. */
  // Assets are never compared or hashed, so the array's identity equals does no harm.
  @SuppressWarnings("ArrayRecordComponent")
  private record Asset(byte[] bytes, String contentType, String etag) {}

  /** Assets found so far (misses are not kept, so probing names costs no memory). */
  private final Map<String, Asset> cache = new ConcurrentHashMap<>();

  @Override
  public void define(Router router) {
    router
        .on("GET", "/", call -> serve(call, "index.html"))
        .on("GET", "/console/([a-z0-9][a-z0-9-]*\\.(?:html|js|css|svg))", this::asset);
  }

  ApiReply asset(ApiCall call) {
    return serve(call, call.pathVar("1"));
  }

  private ApiReply serve(ApiCall call, String name) {
    Asset asset = cache.get(name);
    if (asset == null) {
      asset =
          load(name)
              .orElseThrow(() -> new ApiException(ApiError.URL_NOT_FOUND, call.request().path()));
      cache.put(name, asset);
    }
    String ifNoneMatch = call.request().header("If-None-Match");
    boolean fresh = ifNoneMatch != null && matches(ifNoneMatch, asset.etag());
    ApiReply reply =
        fresh
            ? ApiReply.bytes(304, asset.contentType(), new byte[0])
            : ApiReply.bytes(200, asset.contentType(), asset.bytes());
    return reply
        .header("ETag", asset.etag())
        .header("Cache-Control", "no-cache")
        .header("Content-Security-Policy", CSP)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Frame-Options", "DENY");
  }

  /** RFC 9110 section 13.1.2: a list of entity tags or {@code *}, compared weakly. */
  private static boolean matches(String header, String etag) {
    return COMMA
        .splitAsStream(header)
        .map(String::trim)
        .anyMatch(tag -> tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag));
  }

  private static Optional<Asset> load(String name) {
    String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
    try (InputStream in = ConsoleRoutes.class.getResourceAsStream("/console/" + name)) {
      if (in == null || type == null) {
        return Optional.empty();
      }
      byte[] bytes = in.readAllBytes();
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      String etag = "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
      return Optional.of(new Asset(bytes, type, etag));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Raw HTTP calls to one server (People JSON and GData Atom), as a client on the wire sends them.
 */
final class Wire {
  static final String JSON = "application/json";
  static final String ATOM = "application/atom+xml; charset=UTF-8";

  private final String baseUrl;
  private final HttpClient http;

  Wire(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  String baseUrl() {
    return baseUrl;
  }

  /**
   * Sends a request; {@code token} null for none, {@code contentType} null for no body. GData paths
   * get {@code GData-Version: 3.0}; {@code headers} are extra name/value pairs.
   */
  HttpResponse<String> send(
      String method, String path, String token, String contentType, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path.replaceFirst("^/", "")))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (path.startsWith("/m8/")) {
      request.header("GData-Version", "3.0");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A People API JSON call. */
  HttpResponse<String> json(String method, String path, String token, String body)
      throws IOException, InterruptedException {
    return send(method, path, token, body == null ? null : JSON, body);
  }
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as the API layer sees it, independent of the HTTP library, so that the batch
 * endpoint can dispatch its inner requests through the same pipeline.
 *
 * @param origin scheme, host and port the client used, e.g. {@code http://127.0.0.1:8080}
 * @param path the decoded path, starting with {@code /}
 * @param query decoded query parameters in arrival order
 * @param headers header values keyed case-insensitively
 */
// Requests are never compared or hashed, so the array's identity equals does no harm.
@SuppressWarnings("ArrayRecordComponent")
public record ApiRequest(
    String method,
    String origin,
    String path,
    Map<String, List<String>> query,
    TreeMap<String, String> headers,
    byte[] body) {

  // A TreeMap, not a Map: its comparator is what makes the headers component case-insensitive.
  @SuppressWarnings("NonApiType")
  public static TreeMap<String, String> headerMap() {
    return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  }

  public @Nullable String header(String name) {
    return headers.get(name);
  }

  /** The single value of a query parameter, or null. */
  public @Nullable String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
  }

  public List<String> params(String name) {
    return query.getOrDefault(name, List.of());
  }

  public ApiRequest withMethod(String newMethod) {
    return new ApiRequest(newMethod, origin, path, query, headers, body);
  }

  public ApiRequest withQueryAndBody(Map<String, List<String>> newQuery, byte[] newBody) {
    return new ApiRequest(method, origin, path, newQuery, headers, newBody);
  }
}

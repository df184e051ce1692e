// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import dev.openpeople.error.ApiException;
import dev.openpeople.server.ApiCall;
import dev.openpeople.server.ApiReply;
import dev.openpeople.server.Discovery;
import dev.openpeople.server.Router;
import dev.openpeople.server.Routes;

/**
 * Serves the discovery document with rootUrl, baseUrl and mtlsRootUrl pointing at this server, so
 * dynamic-discovery clients (Python, Node) call it
 * (https://developers.google.com/discovery/v1/reference).
 */
public final class DiscoveryRoutes implements Routes {
  private final Discovery discovery;

  DiscoveryRoutes(Discovery discovery) {
    this.discovery = discovery;
  }

  @Override
  public void define(Router router) {
    router
        .on("GET", "/\\$discovery/rest", this::rest)
        .on("GET", "/discovery/v1/apis/people/v1/rest", this::rest);
  }

  ApiReply rest(ApiCall call) {
    String version = call.param("version");
    if (call.request().path().startsWith("/$discovery") && !"v1".equals(version)) {
      throw ApiException.invalid(
          "Unsupported discovery version \"%s\"; only v1 is served.", version);
    }
    return ApiReply.json(discovery.servedFrom(call.request().origin()));
  }
}

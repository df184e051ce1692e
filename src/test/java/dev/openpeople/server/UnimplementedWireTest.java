// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A discovery method without a registered handler answers 501 UNIMPLEMENTED in Google's format,
 * never 404 or 500. Every method is built today, so this drives a router with none registered.
 */
class UnimplementedWireTest {
  @Test
  void discoveryMethodsWithoutAHandlerAre501InGooglesFormat() throws Exception {
    Discovery discovery = Discovery.load();
    Dispatcher dispatcher =
        new Dispatcher(new Router(discovery), discovery, new EmulatorAuthenticator());
    TreeMap<String, String> headers = ApiRequest.headerMap();
    headers.put("Authorization", "Bearer alice@example.com");
    ApiRequest request =
        new ApiRequest(
            "GET",
            "http://127.0.0.1",
            "/v1/people:listDirectoryPeople",
            Map.of(
                "readMask", List.of("names"),
                "sources", List.of("DIRECTORY_SOURCE_TYPE_DOMAIN_CONTACT")),
            headers,
            new byte[0]);

    ApiReply reply = dispatcher.dispatch(request);

    assertThat(reply.status()).isEqualTo(501);
    assertThat(reply.contentType()).isEqualTo(ApiReply.JSON_TYPE);
    try (InputStream golden =
        UnimplementedWireTest.class.getResourceAsStream("/golden/people/unimplemented.json")) {
      assertThat(Json.MAPPER.readTree(reply.bytes())).isEqualTo(Json.MAPPER.readTree(golden));
    }
  }
}

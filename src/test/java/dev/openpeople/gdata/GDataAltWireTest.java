// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openpeople.OpenPeopleServerExtension;
import dev.openpeople.server.Json;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;

/** The shared contacts feed in its other representations: alt=json (GData JSON) and alt=rss. */
class GDataAltWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final String ADMIN = "admin@alt.example.com";
  private static final String FEED = "/m8/feeds/contacts/alt.example.com/full";

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    return SERVER.gdata(method, path, ADMIN, body);
  }

  @Test
  void feedAnswersGDataJsonAndRss() throws Exception {
    assertThat(send("POST", FEED, GDataWireTest.SAM).statusCode()).isEqualTo(201);

    HttpResponse<String> json = send("GET", FEED + "?alt=json", null);
    assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode feed = Json.MAPPER.readTree(json.body()).get("feed");
    assertThat(feed.get("xmlns$gd").asText()).isEqualTo("http://schemas.google.com/g/2005");
    assertThat(feed.at("/openSearch$totalResults/$t").asText()).isEqualTo("1");
    JsonNode entry = feed.get("entry").get(0);
    assertThat(entry.at("/title/$t").asText()).isEqualTo("Sam Lee");
    assertThat(entry.at("/gd$name/gd$givenName/$t").asText()).isEqualTo("Sam");
    assertThat(entry.at("/gd$email/0/address").asText()).isEqualTo("sam@vendor.test");
    assertThat(entry.get("link").isArray()).isTrue();

    HttpResponse<String> rss = send("GET", FEED + "?alt=rss", null);
    assertThat(rss.statusCode()).as(rss.body()).isEqualTo(200);
    assertThat(rss.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/rss+xml");
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(rss.body().getBytes(StandardCharsets.UTF_8)));
    var xpath = XPathFactory.newInstance().newXPath();
    assertThat(xpath.evaluate("/rss/@version", doc)).isEqualTo("2.0");
    assertThat(xpath.evaluate("/rss/channel/item/title", doc)).isEqualTo("Sam Lee");
    assertThat(xpath.evaluate("/rss/channel/item/guid", doc)).contains("/base/");
    assertThat(rss.body()).contains("sam@vendor.test");

    assertThat(send("GET", FEED + "?alt=csv", null).statusCode()).isEqualTo(400);
  }
}

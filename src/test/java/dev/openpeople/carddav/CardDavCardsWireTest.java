// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import static dev.openpeople.carddav.Dav.assertGolden;
import static dev.openpeople.carddav.Dav.vcard;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.people.v1.model.Person;
import dev.openpeople.OpenPeopleServerExtension;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Card writes and reads over CardDAV, and one object seen through both protocols. */
class CardDavCardsWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static HttpResponse<String> sure(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response;
  }

  private static List<Person> connections(String user) throws Exception {
    return Dav.connections(SERVER, user, "names,emailAddresses,memberships");
  }

  @Test
  void putGetHeadAndConditionalWrites() throws Exception {
    Dav dav = new Dav(SERVER, "cards@example.com");
    String card = vcard("u-1", "Ada Lovelace", "N:Lovelace;Ada;;;", "X-CUSTOM;X-A=b:kept");
    HttpResponse<String> created = sure(dav.put("u-1.vcf", card, "If-None-Match", "*"), 201);
    String etag = created.headers().firstValue("ETag").orElseThrow();
    sure(dav.put("u-1.vcf", card, "If-None-Match", "*"), 412);
    HttpResponse<String> got = sure(dav.send("GET", dav.card("u-1.vcf"), null), 200);
    assertThat(got.headers().firstValue("ETag")).hasValue(etag);
    assertThat(got.headers().firstValue("Content-Type")).hasValue("text/vcard; charset=utf-8");
    assertThat(got.body()).contains("UID:u-1", "FN:Ada Lovelace", "X-CUSTOM;X-A=b:kept");
    HttpResponse<String> head = sure(dav.send("HEAD", dav.card("u-1.vcf"), null), 200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("ETag")).hasValue(etag);
    String v4 =
        sure(dav.send("GET", dav.card("u-1.vcf"), null, "Accept", "text/vcard; version=4.0"), 200)
            .body();
    assertThat(v4).contains("VERSION:4.0");
    String edited = card.replace("Ada Lovelace", "Ada King");
    sure(dav.put("u-1.vcf", edited, "If-Match", "\"0\""), 412);
    HttpResponse<String> updated = sure(dav.put("u-1.vcf", edited, "If-Match", etag), 204);
    assertThat(updated.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
    sure(dav.send("DELETE", dav.card("u-1.vcf"), null, "If-Match", etag), 412);
    sure(dav.send("DELETE", dav.card("u-1.vcf"), null), 204);
    sure(dav.send("GET", dav.card("u-1.vcf"), null), 404);
    sure(dav.send("DELETE", dav.card("u-1.vcf"), null), 404);
    // The same name may be used again after a delete.
    sure(dav.put("u-1.vcf", card, "If-None-Match", "*"), 201);
  }

  @Test
  void postAddsAMemberWithAServerChosenName() throws Exception {
    Dav dav = new Dav(SERVER, "post@example.com");
    HttpResponse<String> created =
        sure(
            dav.send(
                "POST", dav.book(), vcard("p-1", "Grace Hopper"), "Content-Type", "text/vcard"),
            201);
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches("/carddav/v1/principals/post@example.com/lists/default/[0-9]+");
    HttpResponse<String> got = sure(dav.send("GET", location, null), 200);
    assertThat(got.headers().firstValue("ETag")).isEqualTo(created.headers().firstValue("ETag"));
    String id = location.substring(location.lastIndexOf('/') + 1);
    assertThat(connections("post@example.com"))
        .extracting(Person::getResourceName)
        .containsExactly("people/c" + id);
  }

  @Test
  void badCardsAreRefusedWithTheirPreconditionAndWriteNothing() throws Exception {
    Dav dav = new Dav(SERVER, "bad@example.com");
    HttpResponse<String> notVcard = sure(dav.put("x.vcf", "hello"), 403);
    assertGolden("error-valid-address-data.xml", notVcard.body());
    String noUid = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n";
    assertThat(sure(dav.put("x.vcf", noUid), 403).body()).contains("valid-address-data", "UID");
    String two = vcard("a", "A") + vcard("b", "B");
    assertThat(sure(dav.put("x.vcf", two), 403).body()).contains("exactly one vCard");
    String huge = vcard("big", "Big", "NOTE:" + "x".repeat(600 * 1024));
    assertGolden("error-max-resource-size.xml", sure(dav.put("x.vcf", huge), 403).body());
    HttpResponse<String> json =
        sure(dav.send("PUT", dav.card("x.vcf"), vcard("j", "J"), "Content-Type", "text/json"), 403);
    assertThat(json.body()).contains("supported-address-data");
    String badDate = vcard("d", "D", "BDAY:not-a-date", "X-ABDATE:2010-99-99");
    sure(dav.put("d.vcf", badDate), 201);
    assertThat(connections("bad@example.com")).hasSize(1);
  }

  @Test
  void contactsWrittenThroughEitherProtocolAreTheSameObject() throws Exception {
    Dav dav = new Dav(SERVER, "both@example.com");
    sure(
        dav.put("c1.vcf", vcard("c1", "Alan Turing", "EMAIL:alan@example.com", "CATEGORIES:Team")),
        201);
    Person alan = connections("both@example.com").get(0);
    assertThat(alan.getNames().get(0).getDisplayName()).isEqualTo("Alan Turing");
    assertThat(alan.getMemberships()).hasSize(2);
    String before =
        sure(dav.send("GET", dav.card("c1.vcf"), null), 200)
            .headers()
            .firstValue("ETag")
            .orElseThrow();
    Person patch =
        new Person()
            .setEtag(alan.getEtag())
            .setNicknames(
                List.of(new com.google.api.services.people.v1.model.Nickname().setValue("Prof")));
    SERVER
        .people("both@example.com")
        .people()
        .updateContact(alan.getResourceName(), patch)
        .setUpdatePersonFields("nicknames")
        .execute();
    HttpResponse<String> after = sure(dav.send("GET", dav.card("c1.vcf"), null), 200);
    assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(before);
    assertThat(after.body()).contains("NICKNAME:Prof", "UID:c1", "CATEGORIES:Team");
    Person created =
        SERVER
            .people("both@example.com")
            .people()
            .createContact(
                new Person()
                    .setNames(
                        List.of(
                            new com.google.api.services.people.v1.model.Name()
                                .setGivenName("Barbara")
                                .setFamilyName("Liskov"))))
            .execute();
    String id = created.getResourceName().substring("people/c".length());
    assertThat(sure(dav.send("GET", dav.card(id), null), 200).body())
        .contains("FN:Barbara Liskov", "N:Liskov;Barbara");
    SERVER.people("both@example.com").people().deleteContact(alan.getResourceName()).execute();
    sure(dav.send("GET", dav.card("c1.vcf"), null), 404);
  }
}

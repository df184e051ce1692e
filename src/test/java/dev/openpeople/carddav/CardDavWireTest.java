// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import static dev.openpeople.carddav.Dav.assertGolden;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.OpenPeopleServerExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Discovery, PROPFIND and the DAV error bodies, byte for byte (golden files). */
class CardDavWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final String USER = "wire@example.com";
  private final Dav dav = new Dav(SERVER, USER);

  @Test
  void wellKnownRedirectsToTheCallersAddressBookForPropfindAndGet() throws Exception {
    for (String method : new String[] {"PROPFIND", "GET"}) {
      HttpResponse<String> moved = dav.send(method, "/.well-known/carddav", null);
      assertThat(moved.statusCode()).isEqualTo(301);
      assertThat(moved.headers().firstValue("Location")).hasValue(dav.book());
      HttpResponse<String> anonymous = dav.raw(method, "/.well-known/carddav", null);
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow())
          .contains("Basic", "Bearer");
    }
  }

  @Test
  void everyCollectionAnswersTheDiscoveryProperties() throws Exception {
    String body =
        "<d:propfind xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:carddav\"><d:prop>"
            + "<d:current-user-principal/><d:principal-URL/><c:addressbook-home-set/>"
            + "</d:prop></d:propfind>";
    String principal = "/carddav/v1/principals/" + USER + "/";
    for (String path : new String[] {"/carddav/v1/", principal, principal + "lists/", dav.book()}) {
      HttpResponse<String> found = dav.propfind(path, "0", body);
      assertThat(found.statusCode()).isEqualTo(207);
      assertThat(found.body())
          .as(path)
          .contains(
              "<d:current-user-principal><d:href>" + principal + "</d:href>",
              "<d:principal-URL><d:href>" + principal + "</d:href>",
              "<card:addressbook-home-set><d:href>" + principal + "lists/</d:href>")
          .doesNotContain("404 Not Found");
    }
  }

  @Test
  void optionsNamesTheDavClassesAndMethods() throws Exception {
    HttpResponse<String> options = dav.raw("OPTIONS", dav.book(), null);
    assertThat(options.statusCode()).isEqualTo(200);
    assertThat(options.headers().firstValue("DAV")).hasValue("1, 3, addressbook");
    assertThat(options.headers().firstValue("Allow").orElseThrow())
        .contains("PROPFIND", "REPORT", "PUT", "DELETE", "POST");
  }

  @Test
  void discoveryWalksFromTheRootToTheAddressBook() throws Exception {
    String body =
        "<d:propfind xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:carddav\"><d:prop>"
            + "<d:current-user-principal/><d:principal-URL/><c:addressbook-home-set/>"
            + "<d:resourcetype/></d:prop></d:propfind>";
    assertGolden("root.xml", dav.propfind("/carddav/v1/", "0", body).body());
    assertGolden(
        "principal.xml", dav.propfind("/carddav/v1/principals/" + USER + "/", "0", body).body());
    HttpResponse<String> home =
        dav.propfind("/carddav/v1/principals/" + USER + "/lists/", "1", body);
    assertThat(home.statusCode()).isEqualTo(207);
    assertGolden("home-depth1.xml", home.body());
  }

  @Test
  void addressBookAnswersAllpropPropnameAndEmptyBodies() throws Exception {
    assertGolden(
        "book-allprop.xml",
        dav.propfind(dav.book(), "0", "<propfind xmlns=\"DAV:\"><allprop/></propfind>").body());
    assertGolden("book-allprop.xml", dav.propfind(dav.book(), "0", "").body());
    assertGolden(
        "book-propname.xml",
        dav.propfind(dav.book(), "0", "<propfind xmlns=\"DAV:\"><propname/></propfind>").body());
  }

  @Test
  void unknownPropertiesComeBackAs404InTheirOwnPropstat() throws Exception {
    String body =
        "<d:propfind xmlns:d=\"DAV:\" xmlns:x=\"urn:example:x\" xmlns:cs=\"http://calendarserver.org/ns/\">"
            + "<d:prop><d:displayname/><x:color/><cs:getctag/><d:quota-used-bytes/></d:prop>"
            + "</d:propfind>";
    HttpResponse<String> found = dav.propfind(dav.book(), "0", body);
    assertThat(found.statusCode()).isEqualTo(207);
    assertGolden("book-unknown-props.xml", found.body());
  }

  @Test
  void depthInfinityIsRefusedWithFiniteDepth() throws Exception {
    HttpResponse<String> refused = dav.propfind(dav.book(), "infinity", "");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertGolden("error-finite-depth.xml", refused.body());
  }

  @Test
  void doctypeAndEntitiesAreRejectedBeforeAnythingIsRead() throws Exception {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:displayname>&x;</d:displayname></d:prop>"
            + "</d:propfind>";
    HttpResponse<String> propfind = dav.propfind(dav.book(), "0", xxe);
    assertThat(propfind.statusCode()).isEqualTo(400);
    assertThat(propfind.body()).doesNotContain("root:");
    assertGolden("error-doctype.xml", propfind.body());
    HttpResponse<String> report = dav.report(xxe.replace("propfind", "sync-collection"));
    assertThat(report.statusCode()).isEqualTo(400);
    assertGolden("error-doctype.xml", report.body());
    HttpResponse<String> malformed = dav.propfind(dav.book(), "0", "<d:propfind xmlns:d=");
    assertThat(malformed.statusCode()).isEqualTo(400);
  }

  @Test
  void missingOrWrongCredentialsAre401WithBothChallenges() throws Exception {
    HttpResponse<String> none = dav.raw("PROPFIND", dav.book(), "", "Depth", "0");
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("Basic realm=")
        .contains("Bearer realm=");
    HttpResponse<String> badBasic =
        dav.raw("PROPFIND", dav.book(), "", "Authorization", "Basic bm90LWFuLWVtYWls");
    assertThat(badBasic.statusCode()).isEqualTo(401);
  }

  @Test
  void anotherUsersAddressBookIsForbidden() throws Exception {
    HttpResponse<String> other =
        dav.propfind("/carddav/v1/principals/someone@example.com/lists/default/", "0", "");
    assertThat(other.statusCode()).isEqualTo(403);
    assertGolden("error-other-user.xml", other.body());
    HttpResponse<String> card =
        dav.send("GET", "/carddav/v1/principals/someone@example.com/lists/default/1", null);
    assertThat(card.statusCode()).isEqualTo(403);
    assertThat(dav.propfind("/carddav/v1/elsewhere/", "0", "").statusCode()).isEqualTo(404);
  }

  @Test
  void unsupportedMethodsGetTheirDavAnswerNotA500() throws Exception {
    for (String method : new String[] {"LOCK", "UNLOCK", "COPY", "MOVE", "MKCOL", "ACL"}) {
      HttpResponse<String> answer = dav.send(method, dav.book(), null);
      assertThat(answer.statusCode()).as(method).isEqualTo(405);
      assertThat(answer.headers().firstValue("Allow")).as(method).isPresent();
    }
    HttpResponse<String> patch =
        dav.send(
            "PROPPATCH",
            dav.book(),
            "<d:propertyupdate xmlns:d=\"DAV:\"><d:set><d:prop><d:displayname>Mine</d:displayname>"
                + "</d:prop></d:set></d:propertyupdate>");
    assertThat(patch.statusCode()).isEqualTo(207);
    assertGolden("proppatch.xml", patch.body());
  }
}

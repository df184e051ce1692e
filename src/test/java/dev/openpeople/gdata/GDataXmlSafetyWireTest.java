// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.gdata;

import static dev.openpeople.gdata.GDataWireTest.ADMIN;
import static dev.openpeople.gdata.GDataWireTest.ERRORS;
import static dev.openpeople.gdata.GDataWireTest.FEED;
import static dev.openpeople.gdata.GDataWireTest.SAM;
import static dev.openpeople.gdata.GDataWireTest.assertError;
import static dev.openpeople.gdata.GDataWireTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openpeople.OpenPeopleServerExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * XML safety of the GData writes: DOCTYPEs, external entities, entity expansion, malformed XML,
 * unknown elements and oversized entries are 400/413 GData errors that write nothing.
 */
class GDataXmlSafetyWireTest {
  @RegisterExtension static final OpenPeopleServerExtension SERVER = GDataWireTest.SERVER;

  private static int total() throws Exception {
    String body = send("GET", FEED + "?showdeleted=true", ADMIN, null).body();
    String count = body.replaceAll("(?s).*<openSearch:totalResults>(\\d+)<.*", "$1");
    return Integer.parseInt(count);
  }

  @Test
  void doctypeAndExternalEntitiesAreRejected() throws Exception {
    int before = total();
    String xxe =
        "<?xml version='1.0'?><!DOCTYPE entry [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
            + SAM.replace("Supplier contact", "&xxe;");
    assertError(send("POST", FEED, ADMIN, xxe), 400, "doctype.xml");
    String laughs =
        "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
            + "<!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>"
            + "<!ENTITY lol3 '&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'>]>"
            + SAM.replace("Supplier contact", "&lol3;");
    assertError(send("POST", FEED, ADMIN, laughs), 400, "doctype.xml");
    String undeclared = SAM.replace("Supplier contact", "&xxe;");
    HttpResponse<String> noDtd = send("POST", FEED, ADMIN, undeclared);
    assertThat(noDtd.statusCode()).isEqualTo(400);
    assertThat(noDtd.headers().firstValue("Content-Type")).hasValue(ERRORS);
    assertThat(total()).isEqualTo(before);
  }

  @Test
  void malformedAndUnknownContentIsAGDataError() throws Exception {
    int before = total();
    HttpResponse<String> malformed =
        send("POST", FEED, ADMIN, "<entry xmlns='http://www.w3.org/2005/Atom'><title>");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("<code>parseError</code>");
    assertError(
        send("POST", FEED, ADMIN, SAM.replace("<gd:name>", "<gd:bogus/><gd:name>")),
        400,
        "unknown-element.xml");
    assertError(
        send("POST", FEED, ADMIN, "<feed xmlns='http://www.w3.org/2005/Atom'/>"),
        400,
        "not-an-entry.xml");
    StringBuilder eleven = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      eleven.append("<gd:extendedProperty name='p").append(i).append("' value='v'/>");
    }
    assertError(
        send("POST", FEED, ADMIN, SAM.replace("</atom:entry>", eleven + "</atom:entry>")),
        400,
        "too-many-properties.xml");
    String huge = SAM.replace("Supplier contact", "x".repeat(AtomReader.MAX_ENTRY_BYTES));
    assertError(send("POST", FEED, ADMIN, huge), 413, "too-large.xml");
    assertThat(send("POST", FEED, ADMIN, "").statusCode()).isEqualTo(400);
    assertThat(total()).isEqualTo(before);
  }

  @Test
  void batchOfMoreThanHundredIsRejectedWhole() throws Exception {
    int before = total();
    String entry =
        "<entry><batch:operation type='insert'/>"
            + "<gd:name><gd:fullName>X</gd:fullName></gd:name></entry>";
    String feed =
        "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:gd='http://schemas.google.com/g/2005'"
            + " xmlns:batch='http://schemas.google.com/gdata/batch'>"
            + entry.repeat(101)
            + "</feed>";
    assertError(send("POST", FEED + "/batch", ADMIN, feed), 400, "batch-too-large.xml");
    assertThat(total()).isEqualTo(before);
  }
}

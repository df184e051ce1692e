// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.carddav;

import static dev.openpeople.carddav.Dav.assertGolden;
import static dev.openpeople.carddav.Dav.vcard;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import dev.openpeople.OpenPeopleServerExtension;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** addressbook-multiget, sync-collection and addressbook-query. */
class CardDavReportWireTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static final String ETAG_ONLY = "<d:prop><d:getetag/></d:prop>";

  private static String sync(String token, String extra) {
    return "<d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>"
        + token
        + "</d:sync-token><d:sync-level>1</d:sync-level>"
        + extra
        + ETAG_ONLY
        + "</d:sync-collection>";
  }

  private static String tokenOf(String body) {
    Matcher m = Pattern.compile("<d:sync-token>([^<]+)</d:sync-token>").matcher(body);
    String last = null;
    while (m.find()) {
      last = m.group(1);
    }
    assertThat(last).as(body).isNotNull();
    return last;
  }

  private static String query(String prop, String matchType, String text, String limit) {
    return "<c:addressbook-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:carddav\">"
        + ETAG_ONLY
        + "<c:filter><c:prop-filter name=\""
        + prop
        + "\"><c:text-match collation=\"i;unicode-casemap\" match-type=\""
        + matchType
        + "\">"
        + text
        + "</c:text-match></c:prop-filter></c:filter>"
        + limit
        + "</c:addressbook-query>";
  }

  @Test
  void multigetAnswersEachHrefAndUnknownOnesAs404() throws Exception {
    Dav dav = new Dav(SERVER, "multiget@example.com");
    dav.put("m1.vcf", vcard("m1", "Marie Curie", "EMAIL;TYPE=WORK:marie@example.com"));
    String body =
        "<c:addressbook-multiget xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:carddav\">"
            + "<d:prop><d:getetag/><c:address-data/></d:prop>"
            + "<d:href>"
            + dav.card("m1.vcf")
            + "</d:href><d:href>"
            + dav.card("missing.vcf")
            + "</d:href><d:href>/elsewhere/x.vcf</d:href></c:addressbook-multiget>";
    HttpResponse<String> report = dav.report(body);
    assertThat(report.statusCode()).isEqualTo(207);
    assertGolden("multiget.xml", report.body());
  }

  @Test
  void syncCollectionReportsChangesFromBothProtocolsAndRemovals() throws Exception {
    Dav dav = new Dav(SERVER, "sync@example.com");
    dav.put("s1.vcf", vcard("s1", "One"));
    dav.put("s2.vcf", vcard("s2", "Two"));
    HttpResponse<String> initial = dav.report(sync("", ""));
    assertThat(initial.statusCode()).isEqualTo(207);
    assertThat(initial.body()).contains("s1.vcf", "s2.vcf");
    String token = tokenOf(initial.body());
    String ctagBefore =
        dav.propfind(
                dav.book(),
                "0",
                "<d:propfind xmlns:d=\"DAV:\" xmlns:cs=\"http://calendarserver.org/ns/\"><d:prop><cs:getctag/></d:prop></d:propfind>")
            .body();
    assertThat(dav.report(sync(token, "")).body()).doesNotContain("<d:response>");
    dav.send("DELETE", dav.card("s1.vcf"), null);
    SERVER
        .people("sync@example.com")
        .people()
        .createContact(new Person().setNames(List.of(new Name().setGivenName("Three"))))
        .execute();
    HttpResponse<String> changes = dav.report(sync(token, ""));
    assertGolden("sync-changes.xml", changes.body());
    String ctagAfter =
        dav.propfind(
                dav.book(),
                "0",
                "<d:propfind xmlns:d=\"DAV:\" xmlns:cs=\"http://calendarserver.org/ns/\"><d:prop><cs:getctag/></d:prop></d:propfind>")
            .body();
    assertThat(ctagAfter).isNotEqualTo(ctagBefore);
    assertThat(dav.report(sync(tokenOf(changes.body()), "")).body()).doesNotContain("<d:response>");
  }

  private static final String LIMIT_2 = "<d:limit><d:nresults>2</d:nresults></d:limit>";

  /**
   * Puts {@code n} cards named {@code prefix0.vcf}...; the first sync with a limit of 2 shows 2.
   */
  private static HttpResponse<String> firstTwoOf(Dav dav, String prefix, int n) throws Exception {
    for (int i = 0; i < n; i++) {
      dav.put(prefix + i + ".vcf", vcard(prefix + i, "Card " + prefix + i));
    }
    HttpResponse<String> first = dav.report(sync("", LIMIT_2));
    assertThat(first.body())
        .contains(prefix + "0.vcf", prefix + "1.vcf", "507 Insufficient Storage")
        .doesNotContain(prefix + "2.vcf");
    return first;
  }

  @Test
  void syncCollectionHonoursLimitWith507AndAContinuationToken() throws Exception {
    Dav dav = new Dav(SERVER, "limit@example.com");
    String limit = LIMIT_2;
    HttpResponse<String> first = firstTwoOf(dav, "l", 5);
    HttpResponse<String> second = dav.report(sync(tokenOf(first.body()), limit));
    assertThat(second.body()).contains("l2.vcf", "l3.vcf").doesNotContain("l0.vcf");
    HttpResponse<String> third = dav.report(sync(tokenOf(second.body()), limit));
    assertThat(third.body()).contains("l4.vcf").doesNotContain("507");
  }

  @Test
  void aContinuationTokenGoesOnWithTheSameSnapshotAndLaterChangesComeNext() throws Exception {
    Dav dav = new Dav(SERVER, "snapshot@example.com");
    String limit = LIMIT_2;
    String next = tokenOf(firstTwoOf(dav, "n", 3).body());
    assertThat(next).startsWith("https://openpeople.dev/ns/sync/p/");
    // Written while the listing is under way: not in it, but in the sync after it.
    dav.put("late.vcf", vcard("late", "Late"));
    dav.send("DELETE", dav.card("n0.vcf"), null);
    // A continuation token is this user's and this listing's only.
    assertThat(new Dav(SERVER, "snoop@example.com").report(sync(next, limit)).statusCode())
        .isEqualTo(403);
    HttpResponse<String> rest = dav.report(sync(next, limit));
    assertThat(rest.body()).contains("n2.vcf").doesNotContain("late.vcf", "507");
    String token = tokenOf(rest.body());
    assertThat(token).doesNotContain("/sync/p/");
    HttpResponse<String> changes = dav.report(sync(token, ""));
    assertThat(changes.body()).contains("late.vcf", "n0.vcf</d:href><d:status>HTTP/1.1 404");
    String tampered = next.substring(0, next.length() - 2) + (next.endsWith("A") ? "BB" : "AA");
    assertThat(dav.report(sync(tampered, "")).statusCode()).isEqualTo(403);
  }

  @Test
  void invalidOrForeignSyncTokensAreValidSyncTokenErrors() throws Exception {
    Dav dav = new Dav(SERVER, "token@example.com");
    HttpResponse<String> bogus = dav.report(sync("https://openpeople.dev/ns/sync/AAAA", ""));
    assertThat(bogus.statusCode()).isEqualTo(403);
    assertGolden("error-valid-sync-token.xml", bogus.body());
    String othersToken = tokenOf(new Dav(SERVER, "other@example.com").report(sync("", "")).body());
    assertThat(dav.report(sync(othersToken, "")).statusCode()).isEqualTo(403);
    String mine = tokenOf(dav.report(sync("", "")).body());
    SERVER.server().clock().advance(java.time.Duration.ofDays(8));
    HttpResponse<String> expired = dav.report(sync(mine, ""));
    assertThat(expired.statusCode()).isEqualTo(403);
    assertThat(expired.body()).contains("valid-sync-token");
  }

  @Test
  void addressbookQueryMatchesNamesEmailsAndPhones() throws Exception {
    Dav dav = new Dav(SERVER, "query@example.com");
    dav.put(
        "q1.vcf",
        vcard(
            "q1",
            "Ada Lovelace",
            "N:Lovelace;Ada;;;",
            "EMAIL:ada@example.com",
            "TEL:+44 20 7946 0000"));
    dav.put(
        "q2.vcf",
        vcard("q2", "Alan Turing", "N:Turing;Alan;;;", "NICKNAME:Prof", "ORG:Bletchley;Hut 8"));
    dav.put("q3.vcf", vcard("q3", "Adele Goldberg", "N:Goldberg;Adele;;;"));
    assertThat(names(dav.report(query("FN", "starts-with", "ad", ""))))
        .containsExactlyInAnyOrder("q1.vcf", "q3.vcf");
    assertThat(names(dav.report(query("FN", "starts-with", "AD", "")))).hasSize(2);
    assertThat(names(dav.report(query("FN", "contains", "ing", "")))).containsExactly("q2.vcf");
    assertThat(names(dav.report(query("EMAIL", "equals", "ADA@EXAMPLE.COM", ""))))
        .containsExactly("q1.vcf");
    assertThat(names(dav.report(query("TEL", "contains", "7946", "")))).containsExactly("q1.vcf");
    assertThat(names(dav.report(query("NICKNAME", "equals", "prof", ""))))
        .containsExactly("q2.vcf");
    assertThat(names(dav.report(query("ORG", "contains", "hut", "")))).containsExactly("q2.vcf");
    assertThat(names(dav.report(query("N", "starts-with", "turing", ""))))
        .containsExactly("q2.vcf");
    HttpResponse<String> limited =
        dav.report(query("FN", "contains", "a", "<c:limit><c:nresults>1</c:nresults></c:limit>"));
    assertThat(names(limited)).hasSize(1);
    assertThat(limited.body()).contains("507");
    HttpResponse<String> collation =
        dav.report(query("FN", "contains", "a", "").replace("i;unicode-casemap", "x;klingon"));
    assertThat(collation.statusCode()).isEqualTo(403);
    assertThat(collation.body()).contains("supported-collation");
  }

  private static List<String> names(HttpResponse<String> report) {
    assertThat(report.statusCode()).as(report.body()).isEqualTo(207);
    Matcher m = Pattern.compile("/default/([^<]+)</d:href><d:propstat>").matcher(report.body());
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}

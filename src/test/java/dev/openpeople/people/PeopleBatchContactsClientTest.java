// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.people;

import static dev.openpeople.people.PeopleConnectionsClientTest.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.people.v1.PeopleService;
import com.google.api.services.people.v1.model.BatchCreateContactsRequest;
import com.google.api.services.people.v1.model.BatchCreateContactsResponse;
import com.google.api.services.people.v1.model.BatchDeleteContactsRequest;
import com.google.api.services.people.v1.model.BatchUpdateContactsRequest;
import com.google.api.services.people.v1.model.BatchUpdateContactsResponse;
import com.google.api.services.people.v1.model.ContactToCreate;
import com.google.api.services.people.v1.model.EmailAddress;
import com.google.api.services.people.v1.model.Name;
import com.google.api.services.people.v1.model.Person;
import com.google.api.services.people.v1.model.PersonResponse;
import dev.openpeople.OpenPeopleServerExtension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** batchCreateContacts, batchUpdateContacts, batchDeleteContacts through the Java client. */
class PeopleBatchContactsClientTest {
  @RegisterExtension
  static final OpenPeopleServerExtension SERVER = new OpenPeopleServerExtension();

  private static List<ContactToCreate> people(int count, String prefix) {
    List<ContactToCreate> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(
          new ContactToCreate()
              .setContactPerson(
                  new Person()
                      .setNames(List.of(new Name().setGivenName(prefix + i)))
                      .setEmailAddresses(
                          List.of(new EmailAddress().setValue(prefix + i + "@example.com")))));
    }
    return out;
  }

  private static long liveContacts(String email) {
    return SERVER.server().storage().read(email, s -> s.contacts().countLive(Long.MAX_VALUE));
  }

  @Test
  void batchCreateKeepsOrderAndHonoursReadMask() throws Exception {
    PeopleService client = SERVER.people("create@example.com");

    BatchCreateContactsResponse created =
        client
            .people()
            .batchCreateContacts(
                new BatchCreateContactsRequest().setContacts(people(200, "p")).setReadMask("names"))
            .execute();

    assertThat(created.getCreatedPeople()).hasSize(200);
    assertThat(created.getCreatedPeople().get(7).getPerson().getNames().get(0).getGivenName())
        .isEqualTo("p7");
    assertThat(created.getCreatedPeople().get(7).getPerson().getEmailAddresses()).isNull();
    assertThat(created.getCreatedPeople().get(0).getHttpStatusCode()).isEqualTo(200);
    assertThat(liveContacts("create@example.com")).isEqualTo(200);
  }

  @Test
  void batchCreateWithoutReadMaskReturnsOnlyNamesAndEtags() throws Exception {
    PersonResponse only =
        SERVER
            .people("nomask@example.com")
            .people()
            .batchCreateContacts(new BatchCreateContactsRequest().setContacts(people(1, "n")))
            .execute()
            .getCreatedPeople()
            .get(0);

    assertThat(only.getPerson().getResourceName()).startsWith("people/c");
    assertThat(only.getPerson().getEtag()).isNotBlank();
    assertThat(only.getPerson().getNames()).isNull();
  }

  @Test
  void batchCreateRejectsTooManyAndWritesNothingOnABadEntry() {
    PeopleService client = SERVER.people("atomic@example.com");
    assertBadRequest(
        () ->
            client
                .people()
                .batchCreateContacts(new BatchCreateContactsRequest().setContacts(people(201, "x")))
                .execute());
    List<ContactToCreate> withBad = people(5, "y");
    withBad.add(
        new ContactToCreate()
            .setContactPerson(
                new Person()
                    .setNames(
                        List.of(new Name().setGivenName("a"), new Name().setGivenName("b")))));
    assertBadRequest(
        () ->
            client
                .people()
                .batchCreateContacts(new BatchCreateContactsRequest().setContacts(withBad))
                .execute());

    assertThat(liveContacts("atomic@example.com")).isZero();
  }

  @Test
  void batchUpdateReplacesMaskedFieldsAndChecksEveryEtag() throws Exception {
    PeopleService client = SERVER.people("update@example.com");
    List<PersonResponse> created =
        client
            .people()
            .batchCreateContacts(
                new BatchCreateContactsRequest().setContacts(people(3, "u")).setReadMask("names"))
            .execute()
            .getCreatedPeople();
    Map<String, Person> changes = new LinkedHashMap<>();
    for (PersonResponse r : created) {
      changes.put(
          r.getPerson().getResourceName(),
          new Person()
              .setEtag(r.getPerson().getEtag())
              .setNames(List.of(new Name().setGivenName("renamed"))));
    }

    BatchUpdateContactsResponse updated =
        client
            .people()
            .batchUpdateContacts(
                new BatchUpdateContactsRequest()
                    .setContacts(changes)
                    .setUpdateMask("names,emailAddresses")
                    .setReadMask("names,emailAddresses"))
            .execute();

    assertThat(updated.getUpdateResult()).hasSize(3);
    PersonResponse one =
        updated.getUpdateResult().get(created.get(0).getPerson().getResourceName());
    assertThat(one.getPerson().getNames().get(0).getGivenName()).isEqualTo("renamed");
    assertThat(one.getPerson().getEmailAddresses()).as("masked and absent: cleared").isNull();

    assertThatThrownBy(
            () ->
                client
                    .people()
                    .batchUpdateContacts(
                        new BatchUpdateContactsRequest()
                            .setContacts(changes)
                            .setUpdateMask("names"))
                    .execute())
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class,
            e -> assertThat(e.getDetails().get("status")).isEqualTo("FAILED_PRECONDITION"));
  }

  @Test
  void batchDeleteRemovesAllOrNothing() throws Exception {
    PeopleService client = SERVER.people("delete@example.com");
    List<String> names = new ArrayList<>();
    client
        .people()
        .batchCreateContacts(
            new BatchCreateContactsRequest().setContacts(people(4, "d")).setReadMask("names"))
        .execute()
        .getCreatedPeople()
        .forEach(r -> names.add(r.getPerson().getResourceName()));

    List<String> withUnknown = new ArrayList<>(names);
    withUnknown.add("people/c42");
    assertThatThrownBy(
            () ->
                client
                    .people()
                    .batchDeleteContacts(
                        new BatchDeleteContactsRequest().setResourceNames(withUnknown))
                    .execute())
        .isInstanceOfSatisfying(
            GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    assertThat(liveContacts("delete@example.com")).isEqualTo(4);

    client
        .people()
        .batchDeleteContacts(new BatchDeleteContactsRequest().setResourceNames(names.subList(0, 3)))
        .execute();
    assertThat(liveContacts("delete@example.com")).isEqualTo(1);

    List<String> tooMany = new ArrayList<>();
    for (int i = 1; i <= 501; i++) {
      tooMany.add("people/c" + i);
    }
    assertBadRequest(
        () ->
            client
                .people()
                .batchDeleteContacts(new BatchDeleteContactsRequest().setResourceNames(tooMany))
                .execute());
  }
}

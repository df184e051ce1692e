// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against an in-process OpenPeople emulator: one server per class on
 * a free loopback port with in-memory storage, wiped before each test. Test methods (and
 * constructors, and lifecycle methods) may declare parameters of type {@link OpenPeopleEmulator},
 * {@code com.google.api.services.people.v1.PeopleService} and {@code
 * com.google.gdata.client.contacts.ContactsService}; the clients act for {@link #user()} unless the
 * parameter carries {@link User}.
 *
 * <p>For settings this annotation cannot express, register {@link OpenPeopleExtension} in a static
 * field with {@code @RegisterExtension} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(OpenPeopleExtension.class)
public @interface OpenPeopleTest {
  /** The user the injected clients act for (an emulator token is the user's e-mail address). */
  String user() default OpenPeopleExtension.DEFAULT_USER;

  /** Whether every user, contact, fault and shared contact is wiped before each test. */
  boolean resetBeforeEach() default true;

  /**
   * Files loaded into {@link #user()}'s contacts before each test (after the reset): vCard ({@code
   * .vcf}), Google Contacts CSV ({@code .csv}) or People API JSON ({@code .json}). A path is read
   * from the class path first, then from the file system.
   */
  String[] seed() default {};

  /**
   * A whole-server snapshot ({@code openpeople dump}'s JSON Lines) restored before each test (after
   * the reset), before the {@link #seed} files: users, contacts with their ids and etags, groups,
   * other contacts, shared contacts and photos, exactly as dumped. Empty for none.
   */
  String snapshot() default "";
}

// SPDX-License-Identifier: Apache-2.0
package dev.openpeople.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the user an injected {@code PeopleService} or {@code ContactsService} parameter acts for,
 * e.g. {@code @User("bob@example.com") PeopleService bob}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface User {
  /** The user's e-mail address. */
  String value();
}

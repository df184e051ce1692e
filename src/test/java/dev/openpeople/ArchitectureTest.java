// SPDX-License-Identifier: Apache-2.0
package dev.openpeople;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rule of STYLE.md §H.2 and ARCHITECTURE.md. */
class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.openpeople");

  private static void onlyDependsOn(String pkg, String... allowed) {
    String[] all = new String[allowed.length + 1];
    all[0] = "dev.openpeople." + pkg + "..";
    for (int i = 0; i < allowed.length; i++) {
      all[i + 1] = "dev.openpeople." + allowed[i] + "..";
    }
    noClasses()
        .that()
        .resideInAPackage("dev.openpeople." + pkg + "..")
        .should()
        .dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.and(
                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                    "dev.openpeople.."),
                com.tngtech.archunit.base.DescribedPredicate.not(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(all))))
        .check(MAIN);
  }

  @Test
  void packagesDependOnlyOnWhatTheRuleAllows() {
    onlyDependsOn("error");
    onlyDependsOn("token", "error");
    onlyDependsOn("contact", "error");
    onlyDependsOn("store", "contact", "error");
    onlyDependsOn("server", "error");
    onlyDependsOn("people", "server", "contact", "token", "error");
    onlyDependsOn("emulator", "server", "contact", "error");
    onlyDependsOn("vcard");
    onlyDependsOn("carddav", "server", "contact", "token", "error", "vcard");
  }

  @Test
  void backendsAreReachedOnlyThroughStorages() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.openpeople.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.openpeople.store.jdbc..",
            "dev.openpeople.store.sqlite..",
            "dev.openpeople.store.postgres..")
        .check(MAIN);
  }

  @Test
  void domainStaysFreeOfHttpJsonAndSql() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.openpeople.contact..",
            "dev.openpeople.token..",
            "dev.openpeople.error..",
            "dev.openpeople.vcard..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.jetty..")
        .check(MAIN);
    noClasses()
        .that()
        .resideInAPackage("dev.openpeople.contact..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.fasterxml.jackson..", "javax.xml..", "java.sql..")
        .check(MAIN);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("dev.openpeople.(*)..").should().beFreeOfCycles().check(MAIN);
  }
}

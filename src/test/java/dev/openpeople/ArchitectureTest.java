// SPDX-License-Identifier: Apache-2.0
package dev.openpeople;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of ARCHITECTURE.md, one rule per package. ArchUnit fails a rule whose {@code
 * that()} matches no class, so a misspelt package name fails too.
 */
class ArchitectureTest {
  private static final String ROOT = "dev.openpeople";
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  /**
   * Classes in {@code pkg} use no {@code dev.openpeople} package but their own and the {@code
   * allowed} ones (ArchUnit package patterns relative to {@code dev.openpeople}: {@code x} is
   * exactly x, {@code x..} is x and its sub-packages).
   */
  private static void onlyDependsOn(String pkg, String... allowed) {
    List<String> ok = new ArrayList<>(List.of(ROOT + "." + pkg));
    for (String a : allowed) {
      ok.add(ROOT + "." + a);
    }
    noClasses()
        .that()
        .resideInAPackage(ROOT + "." + pkg)
        .should()
        .dependOnClassesThat(
            resideInAPackage(ROOT + "..").and(not(resideInAnyPackage(ok.toArray(String[]::new)))))
        .check(MAIN);
  }

  @Test
  void domainAndSupportPackagesDependOnlyOnWhatTheRuleAllows() {
    onlyDependsOn("error..");
    onlyDependsOn("token..", "error..");
    // The paging and sync engine serves every surface (People, GData, CardDAV): tokens only.
    onlyDependsOn("listing..", "token..", "error..");
    onlyDependsOn("contact..", "listing..", "error..");
    onlyDependsOn("server..", "error..");
    onlyDependsOn("vcard..");
  }

  @Test
  void apiPackagesDependOnlyOnWhatTheRuleAllows() {
    onlyDependsOn("people..", "server..", "contact..", "listing..", "token..", "error..");
    onlyDependsOn("gdata..", "server..", "contact..", "listing..", "token..", "error..");
    onlyDependsOn("emulator..", "server..", "contact..", "error..");
    onlyDependsOn(
        "carddav..", "server..", "contact..", "listing..", "token..", "error..", "vcard..");
    onlyDependsOn("metrics..", "server..");
    // The web console serves static files only: its data calls go through the public APIs.
    onlyDependsOn("console..", "server..", "error..");
  }

  @Test
  void dataInAndOutPackagesDependOnlyOnWhatTheRuleAllows() {
    // File import/export: formats over the one vCard mapping, writes through contact services.
    onlyDependsOn("transfer..", "server..", "contact..", "vcard..", "error..");
    // Whole-server snapshots: contact services only (JSON through server.Json).
    onlyDependsOn("snapshot..", "server..", "contact..", "error..");
  }

  @Test
  void storagePackagesDependOnlyOnWhatTheRuleAllows() {
    onlyDependsOn(
        "store", "store.jdbc", "store.sqlite", "store.postgres", "contact", "listing", "error");
    onlyDependsOn("store.jdbc", "contact", "listing", "error");
    onlyDependsOn("store.sqlite", "store.jdbc", "contact", "error");
    onlyDependsOn("store.postgres", "store.jdbc", "contact", "error");
  }

  @Test
  void onlyTheEntryPointsUseTheRootAndCliPackages() {
    noClasses()
        .that()
        .resideOutsideOfPackages(ROOT, ROOT + ".cli")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT, ROOT + ".cli..")
        .check(MAIN);
  }

  @Test
  void backendsAreReachedOnlyThroughStorages() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".store.jdbc..", ROOT + ".store.sqlite..", ROOT + ".store.postgres..")
        .check(MAIN);
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..", "javax.sql..", "com.zaxxer.hikari..", "org.flywaydb..", "org.sqlite..")
        .check(MAIN);
  }

  @Test
  void domainStaysFreeOfHttpJsonXmlAndSql() {
    noClasses()
        .that()
        .resideInAnyPackage(
            ROOT + ".contact..",
            ROOT + ".listing..",
            ROOT + ".token..",
            ROOT + ".error..",
            ROOT + ".vcard..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.jetty..")
        .check(MAIN);
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".contact..", ROOT + ".listing..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.fasterxml.jackson..",
            "javax.xml..",
            "org.w3c.dom..",
            "org.xml.sax..",
            "java.sql..")
        .check(MAIN);
  }

  @Test
  void jettyStaysInTheServerPackage() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".server")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.jetty..")
        .check(MAIN);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    slices().matching(ROOT + ".store.(*)..").should().beFreeOfCycles().check(MAIN);
  }
}

package nl.uitslag.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The app is packaged by feature; features must not form cycles, and infrastructure serves every feature. */
class ArchitectureTest {
  private static final JavaClasses APP =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("nl.uitslag.app");

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("nl.uitslag.app.(*)..").should().beFreeOfCycles().check(APP);
  }

  @Test
  void infrastructureDoesNotDependOnFeatures() {
    noClasses()
        .that()
        .resideInAPackage("nl.uitslag.app.infra..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "nl.uitslag.app.users..", "nl.uitslag.app.election..", "nl.uitslag.app.demo..", "nl.uitslag.app.cli..")
        .check(APP);
  }

  @Test
  void theDomainIsNeverBypassedByTheFrameworkTheOtherWayRound() {
    noClasses()
        .that()
        .resideInAnyPackage("nl.uitslag.domain..", "nl.uitslag.eml..", "nl.uitslag.crypto..", "nl.uitslag.documents..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "nl.uitslag.app..")
        .allowEmptyShould(true)
        .check(new ClassFileImporter().importPackages("nl.uitslag"));
  }
}

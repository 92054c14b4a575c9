package nl.uitslag.domain.dataentry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The data-entry packages stand on their own: plain Java, results at the bottom, validation on results, the
 * state machine on both, the session lifecycle on nothing; no dependency on the election, count or
 * apportionment packages written alongside.
 */
class DataEntryArchitectureTest {
  private static final JavaClasses CLASSES = importOwnClasses();

  /**
   * Imports the module's own class directory without resolving the JDK classes it uses (the rules only need
   * their names), which is much faster; the global ArchUnit setting is restored for other tests.
   */
  private static JavaClasses importOwnClasses() {
    com.tngtech.archunit.ArchConfiguration config = com.tngtech.archunit.ArchConfiguration.get();
    boolean resolve = config.resolveMissingDependenciesFromClassPath();
    config.setResolveMissingDependenciesFromClassPath(false);
    try {
      return new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPath(java.nio.file.Path.of("target", "classes"))
          .that(com.tngtech.archunit.base.DescribedPredicate.describe("data-entry packages",
              c -> c.getPackageName().matches("nl\\.uitslag\\.domain\\.(results|validation|dataentry|session)(\\..*)?")));
    } finally {
      config.setResolveMissingDependenciesFromClassPath(resolve);
    }
  }

  @Test
  void results_depend_only_on_java() {
    classes().that().resideInAPackage("nl.uitslag.domain.results..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("nl.uitslag.domain.results..", "java..")
        .check(CLASSES);
  }

  @Test
  void validation_depends_only_on_results() {
    classes().that().resideInAPackage("nl.uitslag.domain.validation..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            "nl.uitslag.domain.validation..", "nl.uitslag.domain.results..", "java..")
        .check(CLASSES);
  }

  @Test
  void dataentry_depends_only_on_results_and_validation() {
    classes().that().resideInAPackage("nl.uitslag.domain.dataentry..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("nl.uitslag.domain.dataentry..",
            "nl.uitslag.domain.validation..", "nl.uitslag.domain.results..", "java..")
        .check(CLASSES);
  }

  @Test
  void session_depends_only_on_java() {
    classes().that().resideInAPackage("nl.uitslag.domain.session..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("nl.uitslag.domain.session..", "java..")
        .check(CLASSES);
  }

  @Test
  void the_rules_see_real_dependencies() {
    // Guards the fast import above: without resolved JDK classes the rules must still see package names.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> classes()
            .that().resideInAPackage("nl.uitslag.domain.dataentry..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("nl.uitslag.domain.dataentry..", "java..")
            .check(CLASSES))
        .isInstanceOf(AssertionError.class).hasMessageContaining("nl.uitslag.domain.validation");
  }

  @Test
  void no_clock_in_the_domain() {
    noClasses().should().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .check(CLASSES);
  }
}

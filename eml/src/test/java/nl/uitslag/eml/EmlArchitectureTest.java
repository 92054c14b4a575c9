package nl.uitslag.eml;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The EML module is JDK-only: StAX and javax.xml, plus our domain. */
class EmlArchitectureTest {
  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("nl.uitslag.eml");

  @Test
  void noSpring() {
    noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(MAIN);
  }

  @Test
  void onlyJdkXmlAndDomain() {
    classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "org.w3c..", "org.xml..",
        "nl.uitslag.domain..", "nl.uitslag.eml..").check(MAIN);
  }
}

package nl.uitslag.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain is pure Java: it depends on nothing but the JDK's java.* packages and itself. */
@AnalyzeClasses(packages = "nl.uitslag.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

  @ArchTest
  static final ArchRule domainDependsOnlyOnJavaAndItself = classes()
      .that().resideInAPackage("nl.uitslag.domain..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "nl.uitslag.domain..");
}

package nl.uitslag.documents;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The documents module stays a plain library: the app wires it, it knows nothing of Spring. */
@AnalyzeClasses(packages = "nl.uitslag.documents", importOptions = ImportOption.DoNotIncludeTests.class)
class DocumentsArchitectureTest {

  @ArchTest
  static final ArchRule noSpring =
      noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..");

  @ArchTest
  static final ArchRule pdfRenderingDoesNotReadTheClock =
      noClasses().that().resideInAPackage("nl.uitslag.documents.pdf..")
          .should().callMethod(System.class, "currentTimeMillis")
          .orShould().callMethod(java.time.Instant.class, "now")
          .orShould().callMethod(java.time.ZonedDateTime.class, "now")
          .orShould().callMethod(java.time.LocalDateTime.class, "now")
          .because("the same input must give the same PDF bytes");
}

package nl.uitslag.crypto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The crypto module stays a pure library: Java, Bouncy Castle and itself, nothing else. */
@AnalyzeClasses(packages = "nl.uitslag.crypto", importOptions = ImportOption.DoNotIncludeTests.class)
class CryptoArchitectureTest {
  @ArchTest
  static final ArchRule noSpring =
      noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..");

  @ArchTest
  static final ArchRule onlyJavaBouncyCastleTheDomainAndItself =
      classes()
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "javax..", "org.bouncycastle..", "nl.uitslag.crypto..", "nl.uitslag.domain..");

  /** A global provider registration would change every other part of the server (spec: pass BC explicitly). */
  @ArchTest
  static final ArchRule noGlobalProviderRegistration =
      noClasses()
          .should()
          .callMethod(java.security.Security.class, "addProvider", java.security.Provider.class)
          .orShould()
          .callMethod(java.security.Security.class, "insertProviderAt", java.security.Provider.class, int.class);
}

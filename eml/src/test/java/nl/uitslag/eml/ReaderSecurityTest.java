package nl.uitslag.eml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XML attacks are refused before any content is used (OSV §2: DTDs and external entities disabled). */
class ReaderSecurityTest {
  private static final String EML_OPEN = "<EML xmlns=\"urn:oasis:names:tc:evs:schema:eml\" Id=\"510b\" SchemaVersion=\"5\">";

  @Test
  void doctypeIsRejected() {
    String xml = "<?xml version=\"1.0\"?><!DOCTYPE EML>" + Mutations.vlieland();
    assertThatThrownBy(() -> Mutations.read(xml))
        .isInstanceOfSatisfying(EmlException.class, e -> assertThat(e.rule()).isEqualTo(EmlRule.DOCTYPE_FORBIDDEN));
  }

  @Test
  void externalEntityIsRejectedAndTheFileIsNeverRead(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    String xml = "<?xml version=\"1.0\"?><!DOCTYPE EML [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
        + EML_OPEN + "<TransactionId>&xxe;</TransactionId></EML>";
    assertThatThrownBy(() -> Mutations.read(xml))
        .isInstanceOfSatisfying(EmlException.class, e -> {
          assertThat(e.rule()).isEqualTo(EmlRule.DOCTYPE_FORBIDDEN);
          assertThat(e.getMessage()).doesNotContain("TOP-SECRET-CONTENT");
        });
  }

  @Test
  void entityExpansionIsRejected() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE EML [<!ENTITY a0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY a").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        dtd.append("&a").append(i - 1).append(';');
      }
      dtd.append("\">");
    }
    dtd.append("]>");
    String xml = dtd + EML_OPEN + "<TransactionId>&a9;</TransactionId></EML>";
    assertThatThrownBy(() -> Mutations.read(xml))
        .isInstanceOfSatisfying(EmlException.class, e -> assertThat(e.rule()).isEqualTo(EmlRule.DOCTYPE_FORBIDDEN));
  }

  @Test
  void undeclaredEntityReferenceIsRejected() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), "<TransactionId>", "<TransactionId>1",
        "<TransactionId>&foo;", 0);
    assertThatThrownBy(() -> Mutations.read(xml))
        .isInstanceOfSatisfying(EmlException.class,
            e -> assertThat(e.rule()).isIn(EmlRule.ENTITY_FORBIDDEN, EmlRule.MALFORMED_XML));
  }

  @Test
  void parameterEntityWithExternalDtdIsRejected() {
    String xml = "<!DOCTYPE EML SYSTEM \"http://127.0.0.1:9/evil.dtd\">" + Mutations.vlieland();
    assertThatThrownBy(() -> Mutations.read(xml))
        .isInstanceOfSatisfying(EmlException.class, e -> assertThat(e.rule()).isEqualTo(EmlRule.DOCTYPE_FORBIDDEN));
  }

  @Test
  void predefinedEntitiesAndCharacterReferencesAreText() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), "<ReportingUnitIdentifier",
        "Stembureau Flidunen maandag", "Stembureau &amp; &#65;", 0);
    EmlDocument.Counts doc = (EmlDocument.Counts) Mutations.read(xml);
    assertThat(doc.count().contests().get(0).units().get(0).name()).isEqualTo("Stembureau & A");
  }
}

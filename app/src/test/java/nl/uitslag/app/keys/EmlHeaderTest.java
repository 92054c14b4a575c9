package nl.uitslag.app.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.uitslag.crypto.TransferPackages.EmlFacts;
import org.junit.jupiter.api.Test;

class EmlHeaderTest {
  private static Path emlDirectory() {
    return Path.of(System.getProperty("uitslag.shared", "../../shared"), "data", "eml");
  }

  @Test
  void readsManagingAuthorityAndElectionOfEveryRealCountFile() throws Exception {
    List<Path> countFiles;
    try (Stream<Path> files = Files.walk(emlDirectory())) {
      countFiles = files.filter(p -> p.getFileName().toString().startsWith("Telling_")).toList();
    }
    assertThat(countFiles).isNotEmpty();
    for (Path file : countFiles) {
      EmlFacts facts = EmlHeader.read(Files.readAllBytes(file));
      assertThat(facts.managingAuthorityId()).as(file.toString()).matches("[A-Za-z0-9_.-]{1,64}");
      assertThat(file.getFileName().toString()).contains(facts.electionId().substring(0, 6));
    }
  }

  @Test
  void vlielandIsMunicipality0096() throws IOException {
    EmlFacts facts =
        EmlHeader.read(Files.readAllBytes(emlDirectory().resolve("GR2022/Telling_GR2022_Vlieland.eml.xml")));
    assertThat(facts).isEqualTo(new EmlFacts("0096", "GR2022_Vlieland"));
  }

  @Test
  void refusesDocumentTypeDeclarationsAndFilesWithoutAuthority() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + "<EML><ManagingAuthority><AuthorityIdentifier Id=\"&e;\"/></ManagingAuthority></EML>";
    assertThatThrownBy(() -> EmlHeader.read(xxe.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(nl.uitslag.eml.EmlException.class);
    assertThatThrownBy(() -> EmlHeader.read("<EML/>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(nl.uitslag.eml.EmlException.class);
  }
}

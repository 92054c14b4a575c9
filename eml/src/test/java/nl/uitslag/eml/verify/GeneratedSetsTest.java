package nl.uitslag.eml.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import nl.uitslag.eml.generate.EmlGenerator;
import nl.uitslag.eml.generate.GeneratedSet;
import nl.uitslag.eml.generate.GeneratorSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier on generated elections of several types: a consistent set agrees, and every injected inconsistency
 * (a candidate vote in one polling station, a kieskring total, a seat or an elected candidate in the 520) is found
 * where it was made.
 */
class GeneratedSetsTest {
  @TempDir Path dir;

  static final GeneratorSpec GR1 = GeneratorSpec.of("GR1").withSeed(3);
  static final GeneratorSpec GR2 = GeneratorSpec.of("GR2").withSeed(5);
  /** Tweede Kamer with 3 kieskringen, 12 municipalities, 60 polling stations, 12 lists of 15. */
  static final GeneratorSpec TK3 = GeneratorSpec.of("TK").withSeed(7).withSize(3, 12, 60, 12, 15);
  static final GeneratorSpec PS2 = GeneratorSpec.of("PS2").withSeed(11).withSize(3, 9, 45, 10, 12);
  static final GeneratorSpec EK = GeneratorSpec.of("EK").withSeed(13);
  static final GeneratorSpec EP = GeneratorSpec.of("EP").withSeed(17).withSize(1, 8, 40, 10, 12);

  GeneratedSet generate(GeneratorSpec spec) {
    GeneratedSet set = EmlGenerator.generate(spec, dir);
    assertThat(set.lots()).as("seed without lots").isEmpty();
    return set;
  }

  static String summary(VerificationReport r) {
    return r.checks().stream().filter(c -> c.status() != CheckStatus.OK)
        .map(c -> c.status() + " " + c.kind() + " " + c.location() + ": " + c.message())
        .collect(Collectors.joining("\n"));
  }

  static List<String> kinds(VerificationReport r) {
    return r.checks().stream().map(Check::kind).distinct().sorted().collect(Collectors.toList());
  }

  @Test
  void generatedGemeenteraadBelow19SeatsAgrees() {
    GeneratedSet set = generate(GR1);
    VerificationReport r = Verifier.verify(dir);
    assertThat(summary(r)).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(set.files()).hasSize(4);
    assertThat(kinds(r)).contains("unit-sum", "seats", "elected", "list-votes");
    assertThat(r.checks().stream().filter(c -> c.kind().equals("seats")).findFirst().orElseThrow().published())
        .isEqualTo("17");
  }

  @Test
  void generatedGemeenteraadFrom19SeatsAgrees() {
    generate(GR2);
    VerificationReport r = Verifier.verify(dir);
    assertThat(summary(r)).isEmpty();
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void generatedTweedeKamerWithThreeKieskringenAgreesAtEveryLevel() {
    GeneratedSet set = generate(TK3);
    // 110a, 3 × 230b, 12 × 510b, 3 × 510c, 510d, 520
    assertThat(set.files()).hasSize(21);
    VerificationReport r = Verifier.verify(dir);
    assertThat(summary(r)).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(kinds(r)).contains("unit-sum", "level-sum", "seats", "elected", "list-votes");
    assertThat(r.notes()).anyMatch(n -> n.contains("(510d, the highest level present) over 3 kieskringen"));
    assertThat(r.checks()).filteredOn(c -> c.kind().equals("level-sum"))
        .anyMatch(c -> c.location().contains("unit HSB2::"))
        .anyMatch(c -> c.location().contains("unit HSB3,"));
    assertThat(r.checks().stream().filter(c -> c.kind().equals("seats")).findFirst().orElseThrow().published())
        .isEqualTo("150");
  }

  @Test
  void generatedProvincialeStatenWithThreeKieskringenAgrees() {
    generate(PS2);
    VerificationReport r = Verifier.verify(dir);
    assertThat(summary(r)).isEmpty();
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void generatedEuropeanParliamentAgrees() {
    generate(EP);
    VerificationReport r = Verifier.verify(dir);
    assertThat(summary(r)).isEmpty();
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void generatedEersteKamerWithWeightedVotesAgrees() {
    GeneratedSet set = generate(EK);
    assertThat(set.pollingStations()).isZero();
    VerificationReport r = Verifier.verify(dir);
    assertThat(summary(r)).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.notes()).anyMatch(n -> n.contains("stemwaarde"));
    assertThat(r.notes()).anyMatch(n -> n.contains("over 16 kieskringen"));
  }

  @Test
  void withoutThe510dTheSeatsComeFromThe510cFiles() throws IOException {
    generate(TK3);
    Files.delete(dir.resolve("Totaaltelling_TK2029.eml.xml"));
    VerificationReport r = Verifier.verify(dir);
    assertThat(summary(r)).isEmpty();
    assertThat(r.notes()).anyMatch(n -> n.contains("seats recomputed from 3 510c files"));
  }

  @Test
  void withOnlyThe510bFilesTheKieskringenAreAddedUp() throws IOException {
    generate(TK3);
    Files.delete(dir.resolve("Totaaltelling_TK2029.eml.xml"));
    for (int d = 1; d <= 3; d++) {
      Files.delete(dir.resolve("Telling_TK2029_kieskring_" + d + ".eml.xml"));
    }
    VerificationReport r = Verifier.verify(dir);
    assertThat(summary(r)).isEmpty();
    assertThat(r.notes()).anyMatch(n -> n.contains("each kieskring's count is the sum of its 510b totals"));
  }

  // ---- injected inconsistencies -----------------------------------------------------------------------------

  String read(String name) throws IOException {
    return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
  }

  void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** Replaces the first "<ValidVotes>N</ValidVotes>" after the anchor with N + delta; returns N. */
  static long[] bump(StringBuilder text, String anchor, int skip, long delta) {
    int a = text.indexOf(anchor);
    assertThat(a).as(anchor).isNotNegative();
    int i = a;
    for (int k = 0; k <= skip; k++) {
      i = text.indexOf("<ValidVotes>", i + 1);
    }
    int end = text.indexOf("</ValidVotes>", i);
    long n = Long.parseLong(text.substring(i + "<ValidVotes>".length(), end));
    text.replace(i + "<ValidVotes>".length(), end, Long.toString(n + delta));
    return new long[] {n, n + delta};
  }

  @Test
  void oneCandidateVoteChangedInOne510bIsFoundAtThatPollingStation() throws IOException {
    generate(TK3);
    String file = "Telling_TK2029_gemeente_0018.eml.xml";
    StringBuilder t = new StringBuilder(read(file));
    // Polling station SB2 of municipality 0018, list 1: the selection after the list is candidate 1.
    long[] v = bump(t, "<ReportingUnitIdentifier Id=\"0018::SB2\">", 1, 1);
    write(file, t.toString());
    VerificationReport r = Verifier.verify(dir);
    assertThat(r.exitCode()).isEqualTo(VerificationReport.DIFFERENT);
    assertThat(r.differences()).anySatisfy(c -> {
      assertThat(c.location()).isEqualTo(file + ", contest 3, reporting unit 0018::SB2, list 1");
      assertThat(c.message()).contains("EML-030");
    });
    assertThat(r.differences()).anySatisfy(c -> {
      assertThat(c.location()).isEqualTo(file + ", contest 3, total of candidate 1 of list 1");
      assertThat(c.recomputed()).isEqualTo(Long.toString(Long.parseLong(c.published()) + 1));
    });
    assertThat(v[1]).isEqualTo(v[0] + 1);
  }

  @Test
  void aWrongKieskringTotalIsFoundBetweenThe510cAndThe510d() throws IOException {
    generate(TK3);
    String file = "Totaaltelling_TK2029.eml.xml";
    StringBuilder t = new StringBuilder(read(file));
    // Kieskring 2 in the 510d: list 1 and its first candidate one vote more, consistently within the unit...
    bump(t, "<ReportingUnitIdentifier Id=\"HSB2\">", 0, 1);
    bump(t, "<ReportingUnitIdentifier Id=\"HSB2\">", 1, 1);
    // ...and in the total, and TotalCounted of both, so that the 510d adds up by itself.
    bump(t, "<TotalVotes>", 0, 1);
    bump(t, "<TotalVotes>", 1, 1);
    String s = t.toString();
    s = addToFirst(s, "<TotalVotes>", "TotalCounted", 1);
    s = addToFirst(s, "<ReportingUnitIdentifier Id=\"HSB2\">", "TotalCounted", 1);
    write(file, s);
    VerificationReport r = Verifier.verify(dir);
    assertThat(r.exitCode()).isEqualTo(VerificationReport.DIFFERENT);
    String at = "Telling_TK2029_kieskring_2.eml.xml total (HSB2) vs Totaaltelling_TK2029.eml.xml unit HSB2";
    assertThat(r.differences()).extracting(c -> c.kind() + " " + c.location() + ": " + c.message())
        .contains("level-sum " + at + ", list 1: list votes: published " + (listVotes(r, at) + 1) + ", recomputed "
            + listVotes(r, at));
    assertThat(r.differences()).anyMatch(c -> c.location().equals(at) && c.message().startsWith("valid votes"));
    assertThat(r.differences()).anyMatch(c -> c.location().startsWith(at + ", list 1 candidate "));
  }

  static long listVotes(VerificationReport r, String at) {
    return r.differences().stream().filter(c -> c.location().equals(at + ", list 1"))
        .mapToLong(c -> Long.parseLong(c.recomputed())).findFirst().orElse(-1);
  }

  static String addToFirst(String s, String anchor, String element, long delta) {
    int a = s.indexOf(anchor);
    int i = s.indexOf("<" + element + ">", a) + element.length() + 2;
    int end = s.indexOf("</" + element + ">", i);
    return s.substring(0, i) + (Long.parseLong(s.substring(i, end)) + delta) + s.substring(end);
  }

  @Test
  void aSeatMovedInThe520IsFoundOnBothLists() throws IOException {
    GeneratedSet set = generate(TK3);
    String file = "Resultaat_TK2029.eml.xml";
    String s = read(file);
    // Move the last elected candidate of list 2 to list 1: cut its Selection and paste it after list 1's last one.
    int list2 = s.indexOf("<AffiliationIdentifier Id=\"2\">");
    int list3 = s.indexOf("<AffiliationIdentifier Id=\"3\">");
    int lastStart = s.lastIndexOf("<Selection>", s.lastIndexOf("<Candidate>", list3));
    int lastEnd = s.indexOf("</Selection>", lastStart) + "</Selection>\n".length();
    String moved = s.substring(lastStart, lastEnd);
    s = s.substring(0, lastStart) + s.substring(lastEnd);
    int beforeList2 = s.lastIndexOf("<Selection>", s.indexOf("<AffiliationIdentifier Id=\"2\">"));
    s = s.substring(0, beforeList2) + moved.replaceFirst("Id=\"\\d+\"", "Id=\"999\"") + "    "
        + s.substring(beforeList2);
    write(file, s);
    VerificationReport r = Verifier.verify(dir);
    assertThat(r.exitCode()).isEqualTo(VerificationReport.DIFFERENT);
    int s1 = set.seats().get(1);
    int s2 = set.seats().get(2);
    assertThat(r.differences()).extracting(c -> c.kind() + " " + c.location() + ": " + c.message())
        .contains("seats " + file + ", list 1: seats: published " + (s1 + 1) + ", recomputed " + s1,
            "seats " + file + ", list 2: seats: published " + (s2 - 1) + ", recomputed " + s2);
    assertThat(r.differences()).anyMatch(c -> c.kind().equals("elected") && c.location().endsWith("list 1"));
    assertThat(r.differences()).anyMatch(c -> c.kind().equals("elected") && c.location().endsWith("list 2"));
    assertThat(list2).isLessThan(list3);
  }

  @Test
  void aWrongElectedCandidateInThe520IsFoundOnItsList() throws IOException {
    generate(GR1);
    String file = "Resultaat_GR2026_Synthese.eml.xml";
    String s = read(file);
    // The first elected candidate of list 1 gets another last name.
    int list1 = s.indexOf("<AffiliationIdentifier Id=\"1\">");
    int i = s.indexOf("<xnl:LastName>", list1) + "<xnl:LastName>".length();
    int end = s.indexOf("</xnl:LastName>", i);
    String name = s.substring(i, end);
    write(file, s.substring(0, i) + "Anders" + s.substring(end));
    VerificationReport r = Verifier.verify(dir);
    assertThat(r.exitCode()).isEqualTo(VerificationReport.DIFFERENT);
    assertThat(r.differences()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo("elected");
      assertThat(c.location()).isEqualTo(file + ", list 1");
      assertThat(c.published().split(";")[0]).contains("Anders,");
      assertThat(c.recomputed().split(";")[0]).contains(name + ",");
      assertThat(c.published().substring(c.published().indexOf(';')))
          .isEqualTo(c.recomputed().substring(c.recomputed().indexOf(';')));
    });
  }

  @Test
  void aWrongElectedCandidateInATweedeKamer520IsFoundByShortCode() throws IOException {
    generate(TK3);
    String file = "Resultaat_TK2029.eml.xml";
    String s = read(file);
    int list1 = s.indexOf("<AffiliationIdentifier Id=\"1\">");
    int i = s.indexOf("ShortCode=\"", list1) + "ShortCode=\"".length();
    int end = s.indexOf('"', i);
    write(file, s.substring(0, i) + "Onbekend1" + s.substring(end));
    VerificationReport r = Verifier.verify(dir);
    assertThat(r.exitCode()).isEqualTo(VerificationReport.DIFFERENT);
    assertThat(r.differences()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo("elected");
      assertThat(c.location()).isEqualTo(file + ", list 1");
      assertThat(c.published()).startsWith("Onbekend1");
    });
  }
}

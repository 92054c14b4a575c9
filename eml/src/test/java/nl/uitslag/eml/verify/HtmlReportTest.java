package nl.uitslag.eml.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.uitslag.eml.generate.EmlGenerator;
import nl.uitslag.eml.generate.GeneratorSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report: one self-contained page, every text from the files escaped. */
class HtmlReportTest {
  static final String HOSTILE = "<script>alert('x')</script>\" onload=\"alert(1)";

  @TempDir Path dir;

  /** Puts a hostile list name and candidate name into every file of a generated GR1 election. */
  VerificationReport hostileElection() throws IOException {
    EmlGenerator.generate(GeneratorSpec.of("GR1").withSeed(3), dir);
    String escaped = HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    String list = null;
    String person = null;
    for (Path p : Files.list(dir).sorted().toList()) {
      String s = Files.readString(p, StandardCharsets.UTF_8);
      if (list == null) {
        Matcher m = Pattern.compile("<AffiliationIdentifier Id=\"1\">\\s*<RegisteredName>([^<]+)<").matcher(
            Files.readString(dir.resolve("Resultaat_GR2026_Synthese.eml.xml")));
        m.find();
        list = m.group(1);
        Matcher n = Pattern.compile("<xnl:LastName>([^<]+)<").matcher(
            Files.readString(dir.resolve("Resultaat_GR2026_Synthese.eml.xml")));
        n.find();
        person = n.group(1);
      }
      s = s.replace("<RegisteredName>" + list + "<", "<RegisteredName>" + escaped + "<")
          .replace("<xnl:LastName>" + person + "<", "<xnl:LastName>" + escaped + "<")
          .replace("<kr:RegisteredAppellation>" + list + "<", "<kr:RegisteredAppellation>" + escaped + "<");
      Files.writeString(p, s, StandardCharsets.UTF_8);
    }
    return Verifier.verify(dir);
  }

  @Test
  void aHostileCandidateAndListNameAreEscapedEverywhere() throws IOException {
    VerificationReport r = hostileElection();
    assertThat(r.exitCode()).as(GeneratedSetsTest.summary(r)).isZero();
    String html = ReportWriter.html(r);
    assertThat(html).doesNotContain("<script").doesNotContain("onload=\"")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot; onload=&quot;alert(1)");
    // The hostile name reached the report: in the seat table and in the elected-candidates check.
    assertThat(r.recomputation().seats().get(0).name()).isEqualTo(HOSTILE);
    assertThat(r.checks()).anyMatch(c -> c.kind().equals("elected") && c.published().contains(HOSTILE));
  }

  @Test
  void thePageIsSelfContained() throws IOException {
    VerificationReport r = hostileElection();
    String html = ReportWriter.html(r);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("<svg ")
        .doesNotContain("src=").doesNotContain("href=").doesNotContain("<link").doesNotContain("url(")
        .doesNotContain("@import");
    assertThat(html).contains("default-src 'none'");
  }

  @Test
  void thePageShowsTotalsPerLevelTheSeatChartAndTheSteps() throws IOException {
    EmlGenerator.generate(GeneratorSpec.of("TK").withSeed(7).withSize(3, 6, 18, 8, 30), dir);
    VerificationReport r = Verifier.verify(dir);
    assertThat(r.exitCode()).isZero();
    Recomputation rc = r.recomputation();
    assertThat(rc.totals()).extracting(Recomputation.LevelTotal::level).contains("510b", "510c", "510d");
    assertThat(rc.totals()).hasSize(6 + 3 + 1);
    assertThat(rc.seats().stream().mapToInt(Recomputation.ListSeats::seats).sum()).isEqualTo(150);
    assertThat(rc.steps()).isNotEmpty();
    assertThat(rc.steps().get(0).kind()).isEqualTo("FULL_SEATS");
    String html = ReportWriter.html(r);
    assertThat(html).contains("Everything agrees").contains("Totals per level").contains("Kiesdeler")
        .contains("Steps of the apportionment").contains("HIGHEST_AVERAGE").contains("P 7");
    // One bar per list with seats.
    long bars = rc.seats().stream().filter(l -> l.seats() > 0).count();
    assertThat(count(html, "<rect ")).isEqualTo(bars);
    // Many OK checks are counted per kind rather than listed.
    assertThat(r.count(CheckStatus.OK)).isGreaterThan(ReportWriter.HTML_OK_LIMIT);
    assertThat(html).contains("OK checks per kind").contains("level-sum: ");
  }

  @Test
  void aDifferenceIsShownAsSuch() {
    VerificationReport r = new VerificationReport("GR2026_X", null, List.of("a.xml"),
        List.of(Check.compare("seats", "a.xml, list 1", "seats", 3, 4)), List.of());
    String html = ReportWriter.html(r);
    assertThat(html).contains("Differences found").contains("<td class=\"DIFFERENT\">DIFFERENT</td>")
        .contains("seats: published 3, recomputed 4");
  }

  static long count(String s, String part) {
    long n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}

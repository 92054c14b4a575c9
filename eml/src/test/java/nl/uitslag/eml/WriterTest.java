package nl.uitslag.eml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.CountingMethod;
import nl.uitslag.domain.count.Investigation;
import nl.uitslag.domain.count.InvestigationReason;
import nl.uitslag.domain.count.ListVotes;
import nl.uitslag.domain.count.Phase;
import nl.uitslag.domain.count.RejectedReason;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.UncountedReason;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.domain.election.ManagingAuthority;
import nl.uitslag.domain.fingerprint.Fingerprint;
import org.junit.jupiter.api.Test;

/** Our 510 and 520 exports validate against the published schemas and are byte-stable. */
class WriterTest {
  static final LocalDateTime CREATED = LocalDateTime.of(2022, 3, 17, 1, 32, 49, 834_000_000);

  static Count wmw() {
    return ((EmlDocument.Counts) Shared.read(Shared.eml("GR2022/Telling_GR2022_WestMaasenWaal.eml.xml"),
        ReadOptions.none())).count();
  }

  static EmlDocument.Counts reread(byte[] bytes) {
    return EmlReader.readCount(new ByteArrayInputStream(bytes), "ours.eml.xml", ReadOptions.none());
  }

  @Test
  void roundTripOfGr2022WestMaasEnWaalGivesTheSameDomainDataAndTheOfficialTotals() {
    Count official = wmw();
    byte[] ours = EmlWriter.writeCount(EmlKind.E510B, official, CREATED);
    assertThat(Schemas.problem("510b", ours)).isNull();
    Count again = reread(ours).count();
    assertThat(again).isEqualTo(official);
    VoteCounts total = again.contests().get(0).total();
    assertThat(total.eligibleVoters()).isEqualTo(16202);
    assertThat(total.totalCounted()).isEqualTo(9350);
    assertThat(total.blank()).isEqualTo(21);
    assertThat(total.invalid()).isEqualTo(27);
    assertThat(total.uncounted(UncountedReason.POLL_CARDS)).isEqualTo(8121);
    assertThat(total.uncounted(UncountedReason.PROXY_CERTIFICATES)).isEqualTo(1277);
    assertThat(total.uncounted(UncountedReason.ADMITTED_VOTERS)).isEqualTo(9398);
    assertThat(total.list(1).votes()).isEqualTo(1893);
    assertThat(total.list(2).votes()).isEqualTo(1345);
    assertThat(total.list(8).votes()).isEqualTo(671);
  }

  @Test
  void everyRealCountRoundTripsAndValidates() {
    for (String f : List.of("GR2022/Telling_GR2022_Vlieland.eml.xml",
        "TK2025/Telling_TK2025_gemeente_West_Maas_en_Waal.eml.xml", "TK2021/Telling_TK2021_kieskring_Lelystad.eml.xml",
        "TK2021/Telling_TK2021_kieskring_Amsterdam.eml.xml")) {
      EmlDocument.Counts doc = (EmlDocument.Counts) Shared.read(Shared.eml(f), ReadOptions.none());
      byte[] ours = EmlWriter.writeCount(doc.header().kind(), doc.count(), CREATED);
      assertThat(Schemas.problem(doc.header().kind().id(), ours)).as(f).isNull();
      assertThat(reread(ours).count()).as(f).isEqualTo(doc.count());
    }
  }

  @Test
  void sameDataGivesTheSameBytes() {
    byte[] a = EmlWriter.writeCount(EmlKind.E510B, wmw(), CREATED);
    byte[] b = EmlWriter.writeCount(EmlKind.E510B, wmw(), CREATED);
    assertThat(a).isEqualTo(b);
    assertThat(Fingerprint.of(a)).isEqualTo(Fingerprint.of(b));
    assertThat(EmlWriter.writeCount(EmlKind.E510B, wmw(), CREATED.plusSeconds(1))).isNotEqualTo(a);
  }

  @Test
  void outputIsUtf8WithFixedPrefixesLineEndsAndIndentation() {
    String s = new String(EmlWriter.writeCount(EmlKind.E510B, wmw(), CREATED), StandardCharsets.UTF_8);
    assertThat(s).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EML xmlns=\"urn:oasis:names:tc:evs:schema:eml\""
        + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" xmlns:kr=\"http://www.kiesraad.nl/extensions\"");
    assertThat(s).doesNotContain("\r");
    assertThat(s).contains("\n  <kr:CreationDateTime>2022-03-17T01:32:49.834</kr:CreationDateTime>\n");
    assertThat(s).contains("<RejectedVotes ReasonCode=\"ongeldig\">27</RejectedVotes>");
    assertThat(s).endsWith("</EML>\n");
  }

  @Test
  void correctionWithInitialValuesCountingMethodPhaseAndInvestigationsValidatesAndRoundTrips() {
    Count base = ((EmlDocument.Counts) Shared.read(Shared.eml("GR2022/Telling_GR2022_Vlieland.eml.xml"),
        ReadOptions.none())).count();
    ContestCount contest = base.contests().get(0);
    ReportingUnitCount unit = contest.units().get(0);
    VoteCounts v = unit.votes();
    ListVotes l = v.lists().get(0);
    CandidateVotes c = l.candidates().get(0);
    List<CandidateVotes> candidates = new java.util.ArrayList<>(l.candidates());
    candidates.set(0, new CandidateVotes(c.position(), null, c.votes(), c.votes() + 1));
    List<ListVotes> lists = new java.util.ArrayList<>(v.lists());
    lists.set(0, new ListVotes(l.listNumber(), l.appellation(), l.votes(), l.votes() + 1, candidates));
    VoteCounts corrected = new VoteCounts(lists, v.eligibleVoters(), 5L, v.totalCounted(), v.totalCounted() + 1,
        v.rejected(), Map.of(RejectedReason.BLANK, 0L), v.uncounted(), Map.of(UncountedReason.NO_EXPLANATION, 1L));
    ReportingUnitCount changed = new ReportingUnitCount(unit.id(), unit.name(), "FixedLocation", true, corrected,
        List.of(new Investigation(InvestigationReason.ADMITTED_VOTERS_RECOUNTED, true),
            new Investigation(InvestigationReason.OTHER_REASON, false)));
    List<ReportingUnitCount> units = new java.util.ArrayList<>(contest.units());
    units.set(0, changed);
    Count count = new Count(base.election(), base.authority(), CountingMethod.CENTRAL, Phase.CORRIGENDUM,
        List.of(new ContestCount(contest.contestId(), contest.contestName(), contest.total(), units)));
    byte[] ours = EmlWriter.writeCount(EmlKind.E510B, count, CREATED);
    assertThat(Schemas.problem("510b", ours)).isNull();
    assertThat(reread(ours).count()).isEqualTo(count);
  }

  @Test
  void hsbAndCsbCountsValidate() {
    Count base = wmw();
    Count hsb = new Count(base.election(), new ManagingAuthority("HSB3", "Hoofdstembureau"), null, null,
        base.contests());
    byte[] c = EmlWriter.writeCount(EmlKind.E510C, hsb, CREATED);
    assertThat(Schemas.problem("510c", c)).isNull();
    Count csb = new Count(base.election(), new ManagingAuthority("CSB", "Centraal stembureau"), null, null,
        List.of(new ContestCount("geen", null, base.contests().get(0).total(), List.of())));
    byte[] d = EmlWriter.writeCount(EmlKind.E510D, csb, CREATED);
    assertThat(Schemas.problem("510d", d)).isNull();
    assertThat(reread(d).count()).isEqualTo(csb);
  }

  @Test
  void authorityMustFitTheKind() {
    assertThatThrownBy(() -> EmlWriter.writeCount(EmlKind.E510D, wmw(), CREATED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EmlWriter.writeCount(EmlKind.E520, wmw(), CREATED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resultRoundTripsAndValidates() {
    for (String f : List.of("GR2022/Resultaat_GR2022_WestMaasenWaal.eml.xml", "GR2022/Resultaat_GR2022_Vlieland.eml.xml")) {
      EmlDocument.Result doc = (EmlDocument.Result) Shared.read(Shared.eml(f), ReadOptions.none());
      byte[] ours = EmlWriter.writeResult(doc.result(), CREATED);
      assertThat(Schemas.problem("520", ours)).as(f).isNull();
      EmlDocument.Result again = EmlReader.readResult(new ByteArrayInputStream(ours), "x", ReadOptions.none());
      assertThat(again.result()).isEqualTo(doc.result());
      assertThat(EmlWriter.writeResult(doc.result(), CREATED)).isEqualTo(ours);
    }
  }

  @Test
  void textThatXmlCannotCarryIsRefused() {
    Count base = wmw();
    Count bad = new Count(base.election(), new ManagingAuthority("0668", "West\u0001Maas"), null, null,
        base.contests());
    assertThatThrownBy(() -> EmlWriter.writeCount(EmlKind.E510B, bad, CREATED))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

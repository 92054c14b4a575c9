package nl.uitslag.app.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.uitslag.app.SharedData;
import nl.uitslag.app.TestDataDir;
import nl.uitslag.app.dataentry.DataEntryRepository.CommitteeInfo;
import nl.uitslag.app.dataentry.DataEntryService;
import nl.uitslag.app.dataentry.DataEntryService.SessionAction;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.election.ElectionRepository.CandidateView;
import nl.uitslag.app.election.ElectionRepository.ElectionView;
import nl.uitslag.app.election.ElectionRepository.ListView;
import nl.uitslag.app.election.ElectionRepository.PollingStationView;
import nl.uitslag.app.results.ResultsFiles.Kind;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.UncountedReason;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.domain.election.Candidate;
import nl.uitslag.domain.election.CandidateList;
import nl.uitslag.domain.election.CandidateLists;
import nl.uitslag.domain.results.ComparisonChecks;
import nl.uitslag.domain.results.CountingDifferencesPollingStation;
import nl.uitslag.domain.results.CsoFirstSessionResults;
import nl.uitslag.domain.results.DifferencesCounts;
import nl.uitslag.domain.results.ExtraInvestigation;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.ListTotal;
import nl.uitslag.domain.results.ListVotes;
import nl.uitslag.domain.results.VoterCounts;
import nl.uitslag.domain.results.VotesCounts;
import nl.uitslag.domain.results.YesNo;
import nl.uitslag.domain.session.SessionOutcome;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.ReadOptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real GR2022 West Maas en Waal count: every polling station's figures, taken from the official 510b, are
 * entered twice through the data-entry service; the GSB's totals then equal the official totals and our CSV
 * equals the official OSV export, except for the rows of difference explanations the current models no
 * longer count (docs/RESULTS.md §5).
 */
@SpringBootTest
class WestMaasEnWaalResultsTest {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  static final String EML = "data/eml/GR2022/Telling_GR2022_WestMaasenWaal.eml.xml";
  static final String LISTS = "data/eml/GR2022/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml";
  static final String CSV = "data/csv/osv4-3_telling_gr2022_westmaasenwaal.csv";

  /** The OSV rows of counted explanations of a difference; the 2026 models ask "completely explained?" instead. */
  static final Set<String> EXPLANATION_ROWS = Set.of("kiezers met stembiljet hebben niet gestemd",
      "er zijn te weinig stembiljetten uitgereikt", "er zijn te veel stembiljetten uitgereikt", "geen verklaring",
      "andere verklaring");

  @Autowired ElectionRepository elections;
  @Autowired UserRepository users;
  @Autowired DataEntryService dataEntry;
  @Autowired ResultsService results;

  @Test
  void enteringEveryPollingStationGivesTheOfficialTotalsAndTheOfficialCsv() throws Exception {
    Count official = EmlReader.readCount(new ByteArrayInputStream(SharedData.read(EML)), EML, ReadOptions.none())
        .count();
    CandidateLists candidateLists = EmlReader.readCandidateLists(
        new ByteArrayInputStream(SharedData.read(LISTS)), LISTS, ReadOptions.none()).lists();
    ContestCount contest = official.contests().get(0);

    List<ListView> lists = new ArrayList<>();
    for (CandidateList l : candidateLists.contests().get(0).lists()) {
      List<CandidateView> candidates = new ArrayList<>();
      for (Candidate c : l.candidates()) {
        candidates.add(new CandidateView(c.position(), c.name().initials(), c.name().firstName(),
            c.name().prefix(), c.name().lastName(), c.locality(), c.gender() == null ? null : c.gender().code()));
      }
      lists.add(new ListView(l.number(), l.appellation(), candidates));
    }
    List<PollingStationView> stations = new ArrayList<>();
    for (ReportingUnitCount u : contest.units()) {
      String[] name = nameAndPostcode(u.name());
      stations.add(new PollingStationView(0, stationNumber(u), name[0], name[1], null, "FIXED",
          u.votes().eligibleVoters()));
    }
    ElectionView election = new ElectionView(0, official.election().id(), official.election().name(), "GR",
        official.election().subcategory(), official.election().electionDate(), 27,
        official.election().domain().name(), official.election().domain().id(), "CSO",
        contest.total().eligibleVoters());
    ResultsFixture fx = new ResultsFixture(elections, users, election, lists, stations);
    CommitteeInfo c = fx.committee(dataEntry);
    dataEntry.changeSession(c, SessionAction.START, fx.coordinatorActor());

    List<PollingStationView> stored = elections.pollingStations(fx.electionId);
    for (ReportingUnitCount u : contest.units()) {
      long id = stored.stream().filter(s -> s.number() == stationNumber(u)).findFirst().orElseThrow().id();
      fx.enterTwice(dataEntry, id, asEntered(u.votes()));
    }
    assertThat(results.saveDetails(c, "Gemeentehuis, Beneden-Leeuwen", LocalDateTime.of(2022, 3, 16, 21, 0),
        fx.coordinatorActor())).isNull();
    assertThat(dataEntry.changeSession(c, SessionAction.COMPLETE, fx.coordinatorActor()))
        .isInstanceOf(SessionOutcome.Changed.class);

    // The official totals (TotalVotes of the real 510b).
    VoteCounts total = contest.total();
    GsbResults ours = results.overview(c).totals();
    assertThat(ours.eligibleVoters()).isEqualTo(16202);
    assertThat((long) ours.voters().pollCards()).isEqualTo(total.uncounted(UncountedReason.POLL_CARDS));
    assertThat((long) ours.voters().proxyCertificates()).isEqualTo(total.uncounted(UncountedReason.PROXY_CERTIFICATES));
    assertThat((long) ours.voters().totalAdmittedVoters()).isEqualTo(total.uncounted(UncountedReason.ADMITTED_VOTERS));
    assertThat(ours.voters().totalAdmittedVoters()).isEqualTo(9398);
    assertThat((long) ours.votes().totalVotesCandidates()).isEqualTo(total.totalCounted()).isEqualTo(9350);
    assertThat((long) ours.votes().blankVotes()).isEqualTo(total.blank());
    assertThat((long) ours.votes().invalidVotes()).isEqualTo(total.invalid());
    assertThat((long) ours.moreBallotsCounted()).isEqualTo(total.uncounted(UncountedReason.MORE_BALLOTS_COUNTED));
    assertThat((long) ours.fewerBallotsCounted()).isEqualTo(total.uncounted(UncountedReason.FEWER_BALLOTS_COUNTED));
    for (nl.uitslag.domain.count.ListVotes l : total.lists()) {
      ListVotes page = ours.lists().stream().filter(p -> p.listNumber() == l.listNumber()).findFirst().orElseThrow();
      assertThat((long) page.total()).as("list %d", l.listNumber()).isEqualTo(l.votes());
      for (CandidateVotes cv : l.candidates()) {
        assertThat((long) page.candidateVotes().get(cv.position() - 1))
            .as("list %d candidate %d", l.listNumber(), cv.position()).isEqualTo(cv.votes());
      }
    }

    // Our CSV against the official OSV export: every line equal, except the explanation rows, which the
    // official file fills with zeros and we leave empty because nobody counted them.
    byte[] csv = results.download(c, Kind.CSV, fx.coordinatorActor()).orElseThrow().bytes();
    assertThat(results.overview(c).files()).filteredOn(f -> f.kind() == Kind.CSV).singleElement()
        .satisfies(f -> assertThat(f.fileName()).isEqualTo("osv4-3_telling_gr2022_westmaasenwaal.csv"));
    String[] mine = new String(csv, StandardCharsets.UTF_8).split("\n", -1);
    String[] theirs = new String(SharedData.read(CSV), StandardCharsets.UTF_8).split("\n", -1);
    assertThat(mine).hasSameSizeAs(theirs);
    int explanations = 0;
    for (int i = 0; i < theirs.length; i++) {
      String label = theirs[i].startsWith(";\"") ? theirs[i].substring(2, theirs[i].indexOf('"', 2)) : "";
      if (EXPLANATION_ROWS.contains(label)) {
        explanations++;
        assertThat(theirs[i]).as("official line %d", i + 1).matches(";\"" + label + "\";;;\"0\"(;\"0\"){21}");
        assertThat(mine[i]).as("our line %d", i + 1).isEqualTo(";\"" + label + "\";;;" + ";".repeat(21));
      } else {
        assertThat(mine[i]).as("line %d", i + 1).isEqualTo(theirs[i]);
      }
    }
    assertThat(explanations).isEqualTo(EXPLANATION_ROWS.size());

    // The PV of the real municipality carries the 510b's fingerprint on every page and conforms.
    byte[] eml = results.download(c, Kind.EML_510B, fx.coordinatorActor()).orElseThrow().bytes();
    byte[] pdf = results.download(c, Kind.PDF_REPORT, fx.coordinatorActor()).orElseThrow().bytes();
    assertThat(PdfChecks.fingerprintsOnEveryPage(pdf)).containsExactly(PdfChecks.sha256Groups(eml));
    PdfChecks.assertPdfA3aAndPdfUa1(pdf, "Na 31-2 West Maas en Waal");
  }

  static int stationNumber(ReportingUnitCount u) {
    return Integer.parseInt(u.id().substring(u.id().indexOf("::SB") + 4));
  }

  /** "Stembureau De Twee Linden (postcode: 6658 CX)" → {"De Twee Linden", "6658 CX"}. */
  static String[] nameAndPostcode(String unitName) {
    String name = unitName.startsWith("Stembureau ") ? unitName.substring("Stembureau ".length()) : unitName;
    String postcode = null;
    int p = name.lastIndexOf(" (postcode: ");
    if (p >= 0) {
      postcode = name.substring(p + " (postcode: ".length(), name.length() - 1);
      name = name.substring(0, p);
    }
    return new String[] {name, postcode};
  }

  /**
   * The Na 31-2 Bijlage 1 as the typists would enter it from the figures in the count file. The yes/no questions
   * the file does not carry are answered as on an unremarkable form (no extra investigation, differences
   * explained by the polling station).
   */
  static CsoFirstSessionResults asEntered(VoteCounts v) {
    int a = (int) (long) v.uncounted(UncountedReason.POLL_CARDS);
    int b = (int) (long) v.uncounted(UncountedReason.PROXY_CERTIFICATES);
    int d = (int) (long) v.uncounted(UncountedReason.ADMITTED_VOTERS);
    int e = (int) v.totalCounted();
    int f = (int) v.blank();
    int g = (int) v.invalid();
    int h = e + f + g;
    int i = (int) (long) v.uncounted(UncountedReason.MORE_BALLOTS_COUNTED);
    int j = (int) (long) v.uncounted(UncountedReason.FEWER_BALLOTS_COUNTED);
    List<ListTotal> totals = new ArrayList<>();
    List<ListVotes> pages = new ArrayList<>();
    for (nl.uitslag.domain.count.ListVotes l : v.lists()) {
      totals.add(new ListTotal(l.listNumber(), (int) l.votes()));
      pages.add(new ListVotes(l.listNumber(),
          l.candidates().stream().map(cv -> (int) cv.votes()).toList(), (int) l.votes()));
    }
    ComparisonChecks compare = new ComparisonChecks(d == h, h > d, h < d);
    return new CsoFirstSessionResults(
        new ExtraInvestigation(YesNo.NO, YesNo.NO),
        new CountingDifferencesPollingStation(YesNo.YES, YesNo.NO),
        new VoterCounts(a, b, null, d),
        new VotesCounts(totals, e, f, g, h),
        new DifferencesCounts(compare, i, j, d == h ? YesNo.EMPTY : YesNo.YES),
        pages);
  }
}

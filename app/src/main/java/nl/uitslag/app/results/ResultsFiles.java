package nl.uitslag.app.results;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.uitslag.app.election.ElectionRepository.CandidateView;
import nl.uitslag.app.election.ElectionRepository.ListView;
import nl.uitslag.documents.csv.CountCsv;
import nl.uitslag.documents.pdf.BlankForm;
import nl.uitslag.documents.pdf.BlankFormModel;
import nl.uitslag.documents.pdf.CountFile;
import nl.uitslag.documents.pdf.DifferenceCounts;
import nl.uitslag.documents.pdf.ElectionHeading;
import nl.uitslag.documents.pdf.GsbReport;
import nl.uitslag.documents.pdf.Investigation;
import nl.uitslag.documents.pdf.PollingStation;
import nl.uitslag.documents.pdf.PollingStationResult;
import nl.uitslag.documents.pdf.ReportRenderer;
import nl.uitslag.documents.pdf.SessionDetails;
import nl.uitslag.documents.pdf.ControlProtocolOutcome;
import nl.uitslag.documents.pdf.WarningNote;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.InvestigationReason;
import nl.uitslag.domain.count.Phase;
import nl.uitslag.domain.count.RejectedReason;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.UncountedReason;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.domain.election.Candidate;
import nl.uitslag.domain.election.CandidateList;
import nl.uitslag.domain.election.CandidateLists;
import nl.uitslag.domain.election.ContestLists;
import nl.uitslag.domain.election.ElectionCategory;
import nl.uitslag.domain.election.ElectionDomain;
import nl.uitslag.domain.election.ElectionIdentifier;
import nl.uitslag.domain.election.Gender;
import nl.uitslag.domain.election.ManagingAuthority;
import nl.uitslag.domain.election.PersonName;
import nl.uitslag.domain.fingerprint.Fingerprint;
import nl.uitslag.domain.results.CountingMethod;
import nl.uitslag.domain.results.CsoFirstSessionResults;
import nl.uitslag.domain.results.DsoFirstSessionResults;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.GsbTotals;
import nl.uitslag.domain.results.ListVotes;
import nl.uitslag.domain.results.PollingStationResults;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.domain.validation.ValidationContext;
import nl.uitslag.domain.validation.ValidationMessages;
import nl.uitslag.domain.validation.ValidationResult;
import nl.uitslag.domain.validation.Validator;
import nl.uitslag.eml.EmlKind;
import nl.uitslag.eml.EmlWriter;

/**
 * Makes the results files of a completed GSB session from its data: the count file (EML 510b), the PV (Na 31-2
 * for CSO, Na 31-1 for DSO) carrying the count file's fingerprint on every page, the OSV CSV, and one ZIP holding
 * the three. No clock is read and no database is touched: the same data and time give the same bytes.
 */
public final class ResultsFiles {
  /** EML_NL timestamps are local time (abacus.md §6); Dutch elections are held in this zone. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");

  private final ReportRenderer renderer;

  public ResultsFiles(ReportRenderer renderer) {
    this.renderer = renderer;
  }

  /** The kinds of file a session stores; the names are those of the {@code session_document.kind} column. */
  public enum Kind {
    ZIP("application/zip"),
    EML_510B("application/xml"),
    PDF_REPORT("application/pdf"),
    CSV("text/csv"),
    PDF_P2A("application/pdf"),
    PDF_NA14("application/pdf");

    private final String mediaType;

    Kind(String mediaType) {
      this.mediaType = mediaType;
    }

    public String mediaType() {
      return mediaType;
    }
  }

  /** One generated file: its kind, name, bytes and fingerprint (SHA-256 over exactly these bytes). */
  public record File(Kind kind, String name, byte[] content, Fingerprint fingerprint) {
    public File(Kind kind, String name, byte[] content) {
      this(kind, name, content, Fingerprint.of(content));
    }
  }

  // ---------------------------------------------------------------- totals

  /**
   * The municipal totals: the sum of every polling station's definitive result (Kieswet N 11 / N 12). Refuses
   * a station without a definitive result, and any result with errors.
   */
  public static GsbResults totals(SessionData data) {
    List<GsbTotals.StationResults> stations = new ArrayList<>();
    for (SessionData.Station s : data.stations()) {
      if (s.results() == null) {
        throw new IllegalStateException("polling station " + s.number() + " has no definitive result");
      }
      stations.add(new GsbTotals.StationResults(s.number(), s.results()));
    }
    ValidationContext context = ValidationContext.withDefaults(data.shape());
    return GsbTotals.add(data.shape(), Math.toIntExact(data.eligibleVoters()), stations,
        r -> Validator.validate(r, context).errors().stream().map(e -> e.code().code()).toList());
  }

  // ---------------------------------------------------------------- file names (docs/RESULTS.md §3)

  /** Lower case, anything but letters, digits, '_' and '-' replaced by '-'. */
  static String slug(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("(^-+|-+$)", "");
  }

  static String emlName(SessionData d) {
    return "Telling_" + d.electionId() + ".eml.xml";
  }

  static String csvName(SessionData d) {
    return "osv4-3_telling_" + slug(d.electionId()) + ".csv";
  }

  static String reportName(SessionData d) {
    String model = d.countingMethod() == CountingMethod.CSO ? "Na31-2" : "Na31-1";
    return "Model_" + model + "_" + d.electionId() + ".pdf";
  }

  static String zipName(SessionData d, ZonedDateTime createdAt) {
    return "definitieve-documenten_" + slug(d.electionId()) + "_zitting-" + d.sessionNumber() + "_"
        + STAMP.format(createdAt.withZoneSameInstant(ZONE)) + ".zip";
  }

  // ---------------------------------------------------------------- generation

  /**
   * The files of a completed session: 510b, PV and CSV, and the ZIP holding them (in that order).
   *
   * @throws IllegalStateException when the session details are missing or a station has no definitive result
   */
  public List<File> generate(SessionData data, ZonedDateTime createdAt) {
    return generate(data, Optional.empty(), Map.of(), createdAt);
  }

  /**
   * As {@link #generate(SessionData, ZonedDateTime)}, with the recorded outcome of the control protocol, which the
   * PV prints in its section 8 instead of the empty table to fill in by hand (osv.md §3), and the coordinator's
   * explanations of accepted warnings, keyed by {@link #explanationKey}.
   */
  public List<File> generate(SessionData data, Optional<ControlProtocolOutcome> control,
      Map<String, String> explanations, ZonedDateTime createdAt) {
    if (!data.hasDetails()) {
      throw new IllegalStateException("enter where and when the public session started first");
    }
    ZonedDateTime local = createdAt.withZoneSameInstant(ZONE);
    GsbResults totals = totals(data);
    Count count = count(data, totals);
    byte[] eml = EmlWriter.writeCount(EmlKind.E510B, count, local.toLocalDateTime());
    File emlFile = new File(Kind.EML_510B, emlName(data), eml);
    File pdf = new File(Kind.PDF_REPORT, reportName(data),
        renderer.gsbReport(
            report(data, totals, new CountFile(emlFile.name(), emlFile.fingerprint()), control, explanations,
                local)));
    File csv = new File(Kind.CSV, csvName(data),
        CountCsv.write(count, "Gemeente " + data.municipalityName(), candidateLists(data)));
    File zip = new File(Kind.ZIP, zipName(data, local), zip(List.of(pdf, emlFile, csv), local));
    return List.of(emlFile, pdf, csv, zip);
  }

  /** The session's count as EML 510b content: totals and one reporting unit per polling station. */
  static Count count(SessionData d, GsbResults totals) {
    return count(d, totals, Map.of(), null);
  }

  /**
   * The count of a next session (corrigendum): as {@link #count(SessionData, GsbResults)}, and beside every
   * value that changed the value it replaced, in the {@code kr:Initial*} elements the EML_NL 510 schema allows
   * before ValidVotes, Cast, TotalCounted, RejectedVotes and UncountedVotes ("should only appear for changed
   * values ... in correction files", kiesraad-eml-extensions.xsd).
   *
   * @param originals the result in force before this session of every polling station whose results were
   *     corrected, by station number
   * @param originalTotals the municipal totals before this session (null: no initial values in the totals)
   */
  static Count count(SessionData d, GsbResults totals, Map<Integer, ? extends ResultsModel> originals,
      GsbResults originalTotals) {
    ElectionIdentifier election = electionIdentifier(d);
    List<ReportingUnitCount> units = new ArrayList<>();
    for (SessionData.Station s : d.stations()) {
      units.add(new ReportingUnitCount(d.municipalityCode() + "::SB" + s.number(), unitName(s), null, null,
          voteCounts(d, s.results(), s.eligibleVoters(), originals.get(s.number())), investigations(s.results())));
    }
    VoteCounts total = voteCounts(d, totals, d.eligibleVoters(), originalTotals);
    nl.uitslag.domain.count.CountingMethod method = d.countingMethod() == CountingMethod.CSO
        ? nl.uitslag.domain.count.CountingMethod.CENTRAL : nl.uitslag.domain.count.CountingMethod.DECENTRAL;
    Phase phase = d.sessionNumber() == 1 ? Phase.FIRST_SESSION : Phase.CORRIGENDUM;
    return new Count(election, new ManagingAuthority(d.municipalityCode(), d.municipalityName()), method, phase,
        List.of(new ContestCount("geen", null, total, units)));
  }

  static ElectionIdentifier electionIdentifier(SessionData d) {
    return new ElectionIdentifier(d.electionId(), d.electionName(), ElectionCategory.valueOf(d.category()),
        d.subcategory(), new ElectionDomain(d.municipalityCode(), d.municipalityName()), d.electionDate(), null);
  }

  /** OSV names a reporting unit "Stembureau {name} (postcode: {pc})"; CountCsv reads the name back from it. */
  static String unitName(SessionData.Station s) {
    String name = s.name().regionMatches(true, 0, "Stembureau", 0, 10) ? s.name() : "Stembureau " + s.name();
    return s.postcode() == null || s.postcode().isBlank() ? name : name + " (postcode: " + s.postcode() + ")";
  }

  private static VoteCounts voteCounts(SessionData d, ResultsModel r, long eligibleVoters, ResultsModel original) {
    List<nl.uitslag.domain.count.ListVotes> lists = new ArrayList<>();
    for (int i = 0; i < d.lists().size(); i++) {
      ListView l = d.lists().get(i);
      ListVotes page = r.lists().get(i);
      ListVotes before = original == null ? null : original.lists().get(i);
      List<CandidateVotes> candidates = new ArrayList<>();
      for (int k = 0; k < page.candidateVotes().size(); k++) {
        candidates.add(new CandidateVotes(k + 1, null, page.candidateVotes().get(k),
            before == null ? null : initial(page.candidateVotes().get(k), before.candidateVotes().get(k))));
      }
      lists.add(new nl.uitslag.domain.count.ListVotes(l.number(), l.name() == null ? "" : l.name(),
          page.total(), before == null ? null : initial(page.total(), before.total()), candidates));
    }
    Map<RejectedReason, Long> rejected = new EnumMap<>(RejectedReason.class);
    rejected.put(RejectedReason.INVALID, (long) r.votes().invalidVotes());
    rejected.put(RejectedReason.BLANK, (long) r.votes().blankVotes());
    // The reasons the current models record. C is written as 0 where voter cards do not exist (GR), as OSV
    // and Abacus do; the explanations of a difference are no longer counted on the 2026 models, so not written.
    Map<UncountedReason, Long> uncounted = new EnumMap<>(UncountedReason.class);
    uncounted.put(UncountedReason.POLL_CARDS, (long) r.voters().pollCards());
    uncounted.put(UncountedReason.PROXY_CERTIFICATES, (long) r.voters().proxyCertificates());
    uncounted.put(UncountedReason.VOTER_CARDS, (long) r.voters().voterCardsOrZero());
    uncounted.put(UncountedReason.ADMITTED_VOTERS, (long) r.voters().totalAdmittedVoters());
    uncounted.put(UncountedReason.MORE_BALLOTS_COUNTED, (long) r.moreBallotsCounted());
    uncounted.put(UncountedReason.FEWER_BALLOTS_COUNTED, (long) r.fewerBallotsCounted());
    if (original == null) {
      return new VoteCounts(lists, eligibleVoters, null, r.votes().totalVotesCandidates(), null, rejected,
          Map.of(), uncounted, Map.of());
    }
    VoteCounts before = voteCounts(d, original, eligibleVoters, null);
    return new VoteCounts(lists, eligibleVoters, null, r.votes().totalVotesCandidates(),
        initial(r.votes().totalVotesCandidates(), before.totalCounted()), rejected,
        changed(rejected, before.rejected()), uncounted, changed(uncounted, before.uncounted()));
  }

  /** The value replaced in a corrigendum, or null when it did not change. */
  private static Long initial(long now, long before) {
    return now == before ? null : before;
  }

  private static <K extends Enum<K>> Map<K, Long> changed(Map<K, Long> now, Map<K, Long> before) {
    Map<K, Long> out = new java.util.LinkedHashMap<>();
    for (Map.Entry<K, Long> e : before.entrySet()) {
      if (!e.getValue().equals(now.get(e.getKey()))) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /** The investigation flags of a polling station (abacus.md §6: CSO first session B1-1 / B1-2; DSO page). */
  private static List<nl.uitslag.domain.count.Investigation> investigations(PollingStationResults r) {
    List<nl.uitslag.domain.count.Investigation> out = new ArrayList<>();
    if (r instanceof CsoFirstSessionResults cso) {
      out.add(new nl.uitslag.domain.count.Investigation(InvestigationReason.OTHER_REASON,
          cso.extraInvestigation().investigatedOtherReason().isYes()));
      out.add(new nl.uitslag.domain.count.Investigation(InvestigationReason.BALLOTS_PARTLY_RECOUNTED,
          cso.extraInvestigation().ballotsRecounted().isYes()));
      out.add(new nl.uitslag.domain.count.Investigation(InvestigationReason.ADMITTED_VOTERS_RECOUNTED,
          cso.admittedVotersRecounted()));
    } else if (r instanceof DsoFirstSessionResults dso && dso.checksPagePresent()) {
      out.add(new nl.uitslag.domain.count.Investigation(InvestigationReason.UNEXPLAINED_DIFFERENCE,
          dso.checksAndCorrections().reasonUnexplainedDifference()));
      out.add(new nl.uitslag.domain.count.Investigation(InvestigationReason.OTHER_ERROR,
          dso.checksAndCorrections().reasonOtherError()));
      out.add(new nl.uitslag.domain.count.Investigation(InvestigationReason.RESULT_CORRECTED,
          dso.checksAndCorrections().correctedOwnInitiative().isYes()));
    }
    return out;
  }

  /** The candidate lists in the domain's form, for the CSV's candidate names. */
  static CandidateLists candidateLists(SessionData d) {
    List<CandidateList> lists = new ArrayList<>();
    for (ListView l : d.lists()) {
      List<Candidate> candidates = new ArrayList<>();
      for (CandidateView c : l.candidates()) {
        candidates.add(new Candidate(c.position(), null,
            new PersonName(c.initials(), c.firstName(), c.prefix(), c.lastName()),
            c.gender() == null ? null : Gender.fromCode(c.gender()), c.locality(), null));
      }
      lists.add(new CandidateList(l.number(), l.name() == null ? "" : l.name(), null, null, false, candidates));
    }
    return new CandidateLists(electionIdentifier(d), null, List.of(new ContestLists("geen", null, lists)));
  }

  // ---------------------------------------------------------------- the PV

  static ElectionHeading heading(SessionData d) {
    return new ElectionHeading(d.electionName(), d.electionDate(), d.municipalityName(), d.municipalityCode(),
        d.shape().voterCardsApply());
  }

  static List<nl.uitslag.documents.pdf.CandidateList> pdfLists(SessionData d) {
    List<nl.uitslag.documents.pdf.CandidateList> out = new ArrayList<>();
    for (ListView l : d.lists()) {
      List<nl.uitslag.documents.pdf.Candidate> candidates = new ArrayList<>();
      for (CandidateView c : l.candidates()) {
        candidates.add(new nl.uitslag.documents.pdf.Candidate(c.position(), c.displayName(), c.locality()));
      }
      out.add(new nl.uitslag.documents.pdf.CandidateList(l.number(), l.name(), candidates));
    }
    return out;
  }

  static nl.uitslag.documents.pdf.VoterCounts pdfVoters(ResultsModel r) {
    return new nl.uitslag.documents.pdf.VoterCounts(r.voters().pollCards(), r.voters().proxyCertificates(),
        r.voters().voterCardsOrZero(), r.voters().totalAdmittedVoters());
  }

  static nl.uitslag.documents.pdf.VoteCounts pdfVotes(ResultsModel r) {
    return new nl.uitslag.documents.pdf.VoteCounts(r.votes().totalVotesCandidates(), r.votes().blankVotes(),
        r.votes().invalidVotes(), r.votes().totalVotesCast());
  }

  static List<nl.uitslag.documents.pdf.ListVotes> pdfListVotes(ResultsModel r) {
    List<nl.uitslag.documents.pdf.ListVotes> out = new ArrayList<>();
    for (ListVotes page : r.lists()) {
      out.add(new nl.uitslag.documents.pdf.ListVotes(page.listNumber(),
          page.candidateVotes().stream().map(Integer::longValue).toList(), page.total()));
    }
    return out;
  }

  private static Investigation pdfInvestigation(PollingStationResults r) {
    if (r instanceof CsoFirstSessionResults cso) {
      return new Investigation(cso.admittedVotersRecounted(),
          cso.extraInvestigation().investigatedOtherReason().isYes(),
          cso.extraInvestigation().ballotsRecounted().isYes());
    }
    return Investigation.NONE;
  }

  /**
   * The warnings on the definitive results that the PV must mention (abacus.md §4), each with the coordinator's
   * explanation when one was recorded; without one the PV says explicitly that none was given.
   */
  static List<WarningNote> warnings(SessionData d, Map<String, String> explanations) {
    ValidationContext context = ValidationContext.withDefaults(d.shape());
    List<WarningNote> notes = new ArrayList<>();
    for (SessionData.Station s : d.stations()) {
      for (ValidationResult w : Validator.validate(s.results(), context).warnings()) {
        notes.add(new WarningNote(w.code().code(), "Stembureau " + s.number(),
            ValidationMessages.title(w.code(), ValidationMessages.Language.NL),
            explanations.getOrDefault(explanationKey(s.id(), w.code().code()), "")));
      }
    }
    return notes;
  }

  /** The key of a warning explanation: polling station (database id) and validation code, e.g. {@code 12:W.201}. */
  public static String explanationKey(long pollingStationId, String code) {
    return pollingStationId + ":" + code;
  }

  static GsbReport report(SessionData d, GsbResults totals, CountFile countFile, ZonedDateTime createdAt) {
    return report(d, totals, countFile, Optional.empty(), Map.of(), createdAt);
  }

  static GsbReport report(SessionData d, GsbResults totals, CountFile countFile,
      Optional<ControlProtocolOutcome> control, Map<String, String> explanations, ZonedDateTime createdAt) {
    List<PollingStationResult> stations = new ArrayList<>();
    for (SessionData.Station s : d.stations()) {
      PollingStationResults r = s.results();
      stations.add(new PollingStationResult(new PollingStation(s.number(), s.name()), pdfVoters(r), pdfVotes(r),
          new DifferenceCounts(r.moreBallotsCounted(), r.fewerBallotsCounted()), pdfInvestigation(r),
          pdfListVotes(r)));
    }
    nl.uitslag.documents.pdf.CountingMethod method = d.countingMethod() == CountingMethod.CSO
        ? nl.uitslag.documents.pdf.CountingMethod.CSO : nl.uitslag.documents.pdf.CountingMethod.DSO;
    return new GsbReport(method, heading(d), new SessionDetails(d.location(), d.start()), d.eligibleVoters(),
        pdfLists(d), pdfVoters(totals), pdfVotes(totals),
        new DifferenceCounts(totals.moreBallotsCounted(), totals.fewerBallotsCounted()), pdfListVotes(totals),
        stations, warnings(d, explanations), control, countFile, createdAt);
  }

  // ---------------------------------------------------------------- blank forms

  /** The blank forms a GSB prints before polling day. */
  public enum BlankForms {
    /** N 10-1: polling station PV for decentral counting. */
    N10_1(BlankFormModel.N10_1, "Model_N10-1"),
    /** N 10-2: polling station PV for central counting. */
    N10_2(BlankFormModel.N10_2, "Model_N10-2"),
    /** Na 31-2 Bijlage 1: the GSB's count sheet per polling station (central counting). */
    NA31_2_BIJLAGE_1(BlankFormModel.NA31_2_BIJLAGE_1, "Model_Na31-2_Bijlage_1");

    private final BlankFormModel model;
    private final String prefix;

    BlankForms(BlankFormModel model, String prefix) {
      this.model = model;
      this.prefix = prefix;
    }

    public BlankFormModel model() {
      return model;
    }

    /** Whether the form is used for this counting method (N 10-1 for DSO; N 10-2 and Bijlage 1 for CSO). */
    public boolean appliesTo(CountingMethod method) {
      return this == N10_1 ? method == CountingMethod.DSO : method == CountingMethod.CSO;
    }
  }

  /** One ZIP with the blank form for every polling station, pre-filled with lists and candidates. */
  public File blankForms(SessionData d, BlankForms form, ZonedDateTime createdAt) {
    ZonedDateTime local = createdAt.withZoneSameInstant(ZONE);
    ElectionHeading heading = heading(d);
    List<nl.uitslag.documents.pdf.CandidateList> lists = pdfLists(d);
    List<File> files = new ArrayList<>();
    for (SessionData.Station s : d.stations()) {
      byte[] pdf = renderer.blankForm(form.model(),
          new BlankForm(heading, new PollingStation(s.number(), s.name()), lists, local));
      files.add(new File(Kind.PDF_REPORT,
          form.prefix + "_" + d.electionId() + "_Stembureau_" + s.number() + ".pdf", pdf));
    }
    return new File(Kind.ZIP, "leeg_" + slug(form.prefix) + "_" + slug(d.electionId()) + ".zip",
        zip(files, local));
  }

  // ---------------------------------------------------------------- ZIP

  /** A ZIP whose bytes depend only on the files and the time: stored entries, fixed order and timestamps. */
  static byte[] zip(List<File> files, ZonedDateTime createdAt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (File f : files) {
        ZipEntry e = new ZipEntry(f.name());
        e.setMethod(ZipEntry.STORED);
        e.setSize(f.content().length);
        e.setCompressedSize(f.content().length);
        CRC32 crc = new CRC32();
        crc.update(f.content());
        e.setCrc(crc.getValue());
        e.setTimeLocal(createdAt.toLocalDateTime().withNano(0));
        zip.putNextEntry(e);
        zip.write(f.content());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

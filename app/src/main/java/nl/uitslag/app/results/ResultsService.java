package nl.uitslag.app.results;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.control.ControlService;
import nl.uitslag.app.keystore.TransferPackageService;
import nl.uitslag.crypto.RejectedException;
import nl.uitslag.app.dataentry.WarningExplanationRepository;
import nl.uitslag.app.dataentry.CommitteeSessionChanged;
import nl.uitslag.app.dataentry.DataEntryRepository;
import nl.uitslag.app.dataentry.DataEntryRepository.CommitteeInfo;
import nl.uitslag.app.dataentry.DataEntryRepository.StoredSession;
import nl.uitslag.app.dataentry.DataEntryService;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.election.ElectionRepository.ElectionView;
import nl.uitslag.app.election.ElectionRepository.PollingStationView;
import nl.uitslag.app.results.ResultsFiles.BlankForms;
import nl.uitslag.app.results.ResultsFiles.Kind;
import nl.uitslag.app.results.ResultsRepository.Content;
import nl.uitslag.app.results.ResultsRepository.Details;
import nl.uitslag.app.results.ResultsRepository.StoredFile;
import nl.uitslag.documents.pdf.CorrigendumRenderer;
import nl.uitslag.documents.pdf.ReportRenderer;
import nl.uitslag.app.dataentry.InvestigationRepository;
import nl.uitslag.domain.dataentry.DataEntryState;
import nl.uitslag.domain.results.CountingMethod;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.PollingStationResults;
import nl.uitslag.domain.session.CommitteeSession;
import nl.uitslag.domain.session.CommitteeSessionStatus;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The results of a GSB session: the municipal totals of the definitive polling-station results, and the files
 * (510b, PV, CSV, ZIP) generated once when the coordinator completes the session, stored, handed out unchanged
 * on every download and removed when the session is resumed. Every generation, removal and download is audited
 * in the transaction that does it.
 */
@Service
public class ResultsService {
  /** Refusal keys shown to the coordinator. */
  public static final String NO_SESSION = "NO_SESSION";
  public static final String DOCUMENTS_EXIST = "DOCUMENTS_EXIST";

  private final DataEntryRepository dataEntry;
  private final DataEntryService dataEntryService;
  private final ElectionRepository elections;
  private final ResultsRepository repo;
  private final AuditLog audit;
  private final Clock clock;
  private final ControlService control;
  private final TransferPackageService packages;
  private final WarningExplanationRepository warningExplanations;
  private final ResultsFiles files = new ResultsFiles(new ReportRenderer());
  private final CorrigendumFiles corrigendumFiles = new CorrigendumFiles(new CorrigendumRenderer());
  private InvestigationRepository investigations;

  @org.springframework.beans.factory.annotation.Autowired
  void setInvestigations(InvestigationRepository investigations) {
    this.investigations = investigations;
  }

  public ResultsService(DataEntryRepository dataEntry, DataEntryService dataEntryService,
      ElectionRepository elections, ResultsRepository repo, AuditLog audit, Clock clock, ControlService control,
      WarningExplanationRepository warningExplanations, TransferPackageService packages) {
    this.packages = packages;
    this.control = control;
    this.warningExplanations = warningExplanations;
    this.dataEntry = dataEntry;
    this.dataEntryService = dataEntryService;
    this.elections = elections;
    this.repo = repo;
    this.audit = audit;
    this.clock = clock;
  }

  /** What the coordinator's results page shows. totals is null while not every station is definitive. */
  public record Overview(
      CommitteeSession session, boolean sessionStored, Details details, List<StoredFile> files, GsbResults totals,
      String totalsProblem, SessionData data) {}

  // ---------------------------------------------------------------- listening to the session

  /**
   * Completing a session generates its files (when the session details are known); resuming it removes them.
   * Runs inside the transaction that changed the session, so both succeed or neither does.
   */
  @EventListener
  public void onSessionChanged(CommitteeSessionChanged e) {
    if (e.to() == CommitteeSessionStatus.COMPLETED) {
      CommitteeInfo c = dataEntry.committee(e.committeeId()).orElseThrow();
      SessionData data = data(c, e.sessionId(), e.sessionNumber());
      if (data.hasDetails() && repo.files(e.sessionId()).isEmpty()) {
        generate(c, e.sessionId(), data, e.actor());
      }
    } else if (e.from() == CommitteeSessionStatus.COMPLETED) {
      int removed = repo.deleteFiles(e.sessionId());
      if (removed > 0) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("committee", e.committeeId());
        details.put("session", e.sessionNumber());
        details.put("files", removed);
        audit.record("RESULTS_FILES_REMOVED", AuditLevel.INFO, e.actor(), details);
      }
    }
  }

  private void generate(CommitteeInfo c, long sessionId, SessionData data, Actor actor) {
    if (data.sessionNumber() > 1) {
      generateCorrigendum(c, sessionId, data, actor);
      return;
    }
    Instant now = Instant.now(clock);
    // The control protocol is held before the PV is signed; its recorded outcome goes into section 8.
    var controlOutcome = control.report(c.committeeId()).flatMap(ControlService.SessionControlReport::controlProtocol);
    Map<String, String> explanations = new LinkedHashMap<>();
    for (WarningExplanationRepository.WarningExplanation w : warningExplanations.forSession(sessionId)) {
      explanations.put(ResultsFiles.explanationKey(w.pollingStationId(), w.code()), w.explanation());
    }
    List<ResultsFiles.File> generated =
        files.generate(data, controlOutcome, explanations, ZonedDateTime.ofInstant(now, ResultsFiles.ZONE));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("session", data.sessionNumber());
    for (ResultsFiles.File f : generated) {
      repo.insertFile(sessionId, f, now);
      details.put(f.name(), f.fingerprint().toString());
    }
    audit.record("RESULTS_FILES_GENERATED", AuditLevel.INFO, actor, details);
  }

  /**
   * The files of a next session (abacus.md §2, §7): P 2a always; with corrected results also the new 510b
   * (with the replaced values beside the corrected ones), the Na 14-2 and the CSV; stored once like the first
   * session's files.
   */
  private void generateCorrigendum(CommitteeInfo c, long sessionId, SessionData data, Actor actor) {
    Instant now = Instant.now(clock);
    StoredSession previousSession = dataEntry.sessions(c.committeeId()).stream()
        .filter(s -> s.session().number() == data.sessionNumber() - 1).findFirst().orElseThrow();
    SessionData previous = data(c, previousSession.id(), data.sessionNumber() - 1);
    List<CorrigendumFiles.Investigation> list = new ArrayList<>();
    for (InvestigationRepository.StoredInvestigation i : investigations.forSession(sessionId)) {
      SessionData.Station before = previous.stations().stream()
          .filter(st -> st.id() == i.pollingStationId()).findFirst().orElseThrow();
      SessionData.Station after = data.stations().stream()
          .filter(st -> st.id() == i.pollingStationId()).findFirst().orElseThrow();
      list.add(new CorrigendumFiles.Investigation(i.stationNumber(), i.reason(), i.findings(), before.results(),
          i.correctedResults() ? after.results() : null));
    }
    List<ResultsFiles.File> generated =
        corrigendumFiles.generate(previous, data, list, ZonedDateTime.ofInstant(now, ResultsFiles.ZONE));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("session", data.sessionNumber());
    for (ResultsFiles.File f : generated) {
      repo.insertFile(sessionId, f, now);
      details.put(f.name(), f.fingerprint().toString());
    }
    audit.record("RESULTS_FILES_GENERATED", AuditLevel.INFO, actor, details);
  }

  // ---------------------------------------------------------------- reading

  /** The data the files of a session are made from, read in one transaction. */
  SessionData data(CommitteeInfo c, long sessionId, int sessionNumber) {
    ElectionView e = elections.findById(c.electionId()).orElseThrow();
    List<SessionData.Station> stations = new ArrayList<>();
    long stationEligible = 0;
    java.util.Set<Long> corrected = new java.util.HashSet<>();
    if (sessionNumber > 1) {
      for (InvestigationRepository.StoredInvestigation i : investigations.forSession(sessionId)) {
        if (i.correctedResults()) {
          corrected.add(i.pollingStationId());
        }
      }
    }
    for (PollingStationView ps : elections.pollingStations(c.electionId())) {
      // In a next session a station keeps the result in force before it, unless its results were corrected
      // in this session (abacus.md §2); a corrected station counts only once its new entry is definitive.
      DataEntryState state = sessionNumber == 1 || corrected.contains(ps.id())
          ? dataEntry.entry(sessionId, ps.id()).state()
          : dataEntry.latestDefinitive(c.committeeId(), ps.id(), sessionNumber).map(d -> (DataEntryState) d)
              .orElse(new DataEntryState.Empty());
      PollingStationResults results = state instanceof DataEntryState.Definitive d
          ? (PollingStationResults) d.first().results() : null;
      long eligible = ps.eligibleVoters() == null ? 0 : ps.eligibleVoters();
      stationEligible += eligible;
      stations.add(new SessionData.Station(ps.id(), ps.number(), ps.name(), ps.postcode(), eligible, results));
    }
    Optional<Details> details = repo.details(sessionId);
    long eligibleVoters = e.eligibleVoters() != null ? e.eligibleVoters() : stationEligible;
    return new SessionData(e.identifier(), e.name(), e.category(), e.subcategory(), e.electionDate(),
        e.domainName(), e.domainId(), CountingMethod.valueOf(e.countingMethod()), sessionNumber, eligibleVoters,
        dataEntryService.shape(c), elections.lists(c.electionId()), stations,
        details.map(Details::location).orElse(null), details.map(Details::start).orElse(null));
  }

  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  public Overview overview(CommitteeInfo c) {
    Optional<StoredSession> s = dataEntry.currentSession(c.committeeId());
    CommitteeSession session = dataEntryService.session(c);
    long sessionId = s.map(StoredSession::id).orElse(-1L);
    SessionData data = data(c, sessionId, session.number());
    GsbResults totals = null;
    String problem = null;
    if (data.stations().isEmpty()) {
      problem = "NO_STATIONS";
    } else if (data.stations().stream().anyMatch(st -> st.results() == null)) {
      problem = "NOT_ALL_DEFINITIVE";
    } else {
      try {
        totals = ResultsFiles.totals(data);
      } catch (IllegalArgumentException ex) {
        problem = "ERRORS";
      }
    }
    return new Overview(session, s.isPresent(), repo.details(sessionId).orElse(null),
        s.isPresent() ? repo.files(sessionId) : List.of(), totals, problem, data);
  }

  // ---------------------------------------------------------------- coordinator actions

  /**
   * Records where and when the public session started. When the session is already completed and has no files
   * yet, they are generated now; once files exist the details can only change after resuming the session.
   *
   * @return null when stored, otherwise the refusal key
   */
  @Transactional
  public String saveDetails(CommitteeInfo c, String location, LocalDateTime start, Actor actor) {
    Optional<StoredSession> s = dataEntry.currentSession(c.committeeId());
    if (s.isEmpty()) {
      return NO_SESSION;
    }
    long sessionId = s.get().id();
    if (!repo.files(sessionId).isEmpty()) {
      return DOCUMENTS_EXIST;
    }
    Instant now = Instant.now(clock);
    repo.storeDetails(sessionId, new Details(location.strip(), start), now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("session", s.get().session().number());
    details.put("location", location.strip());
    details.put("start", start.toString());
    audit.record("RESULTS_SESSION_DETAILS", AuditLevel.INFO, actor, details);
    if (s.get().session().status() == CommitteeSessionStatus.COMPLETED) {
      generate(c, sessionId, data(c, sessionId, s.get().session().number()), actor);
    }
    return null;
  }

  /** A stored file of the current session, exactly as generated; the download is audited. */
  @Transactional
  public Optional<Content> download(CommitteeInfo c, Kind kind, Actor actor) {
    Optional<StoredSession> s = dataEntry.currentSession(c.committeeId());
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Optional<Content> content = repo.content(s.get().id(), kind);
    content.ifPresent(f -> {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("committee", c.committeeId());
      details.put("session", s.get().session().number());
      details.put("file", f.file().fileName());
      details.put("fingerprint", f.file().fingerprint());
      audit.record("RESULTS_FILE_DOWNLOADED", AuditLevel.INFO, actor, details);
    });
    return content;
  }

  /** A transfer package of the session's 510b and PV, ready to download. */
  public record SealedPackage(String fileName, byte[] bytes) {}

  /**
   * Seals the stored 510b and PV of the completed session for transfer (product.md §4): signed with this GSB's
   * key, bound to its ManagingAuthority, encrypted to the receiving committee's certificate or to a password.
   * The session number is the package's phase, so a later session's package (a corrigendum) replaces an earlier
   * one at the receiver and never the other way round. The package service audits the sealing and any refusal.
   *
   * @return empty when the session has no generated files yet
   * @throws RejectedException when this GSB holds no signing key, the passphrase is wrong or the recipient is
   *     unknown
   */
  public Optional<SealedPackage> sealForTransfer(CommitteeInfo c, TransferPackageService.Recipient recipient,
      char[] passphrase, Actor actor) throws RejectedException {
    Optional<StoredSession> s = dataEntry.currentSession(c.committeeId());
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Optional<Content> eml = repo.content(s.get().id(), Kind.EML_510B);
    // In a next session the GSB's PV of the corrected count is the Na 14-2 (abacus.md §2).
    Optional<Content> pdf = repo.content(s.get().id(),
        s.get().session().number() > 1 ? Kind.PDF_NA14 : Kind.PDF_REPORT);
    if (eml.isEmpty() || pdf.isEmpty()) {
      return Optional.empty();
    }
    byte[] sealed = packages.seal(repo.managingAuthority(c.committeeId()), eml.get().bytes(), pdf.get().bytes(),
        s.get().session().number(), recipient, passphrase, actor);
    return Optional.of(new SealedPackage(eml.get().file().fileName() + ".p7m", sealed));
  }

  /**
   * The blank Na 14-2 Bijlage 1 / Na 14-1 versie 2 of every investigation of the current next session, each with
   * the reason and the station's original figures, as one ZIP; the download is audited.
   *
   * @return empty outside a next session or without investigations
   */
  @Transactional
  public Optional<ResultsFiles.File> investigationForms(CommitteeInfo c, Actor actor) {
    Optional<StoredSession> s = dataEntry.currentSession(c.committeeId());
    if (s.isEmpty() || s.get().session().number() < 2) {
      return Optional.empty();
    }
    int number = s.get().session().number();
    List<CorrigendumFiles.Investigation> list = new ArrayList<>();
    SessionData next = data(c, s.get().id(), number);
    for (InvestigationRepository.StoredInvestigation i : investigations.forSession(s.get().id())) {
      PollingStationResults original = dataEntry.latestDefinitive(c.committeeId(), i.pollingStationId(), number)
          .map(d -> (PollingStationResults) d.first().results()).orElse(null);
      if (original != null) {
        list.add(new CorrigendumFiles.Investigation(i.stationNumber(), i.reason(), i.findings(), original, null));
      }
    }
    if (list.isEmpty()) {
      return Optional.empty();
    }
    ResultsFiles.File zip = corrigendumFiles.investigationSheets(next, list, ZonedDateTime.now(clock));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("session", number);
    details.put("form", next.countingMethod() == CountingMethod.CSO ? "Na 14-2 Bijlage 1" : "Na 14-1 versie 2");
    details.put("file", zip.name());
    details.put("fingerprint", zip.fingerprint().toString());
    audit.record("RESULTS_BLANK_FORMS_DOWNLOADED", AuditLevel.INFO, actor, details);
    return Optional.of(zip);
  }

  /** The blank forms of one model for every polling station, as one ZIP; the download is audited. */
  @Transactional
  public ResultsFiles.File blankForms(CommitteeInfo c, BlankForms form, Actor actor) {
    Optional<StoredSession> s = dataEntry.currentSession(c.committeeId());
    SessionData data = data(c, s.map(StoredSession::id).orElse(-1L), dataEntryService.session(c).number());
    if (data.stations().isEmpty()) {
      throw new IllegalStateException("the election has no polling stations");
    }
    ResultsFiles.File zip = files.blankForms(data, form, ZonedDateTime.now(clock));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("form", form.model().model());
    details.put("file", zip.name());
    details.put("fingerprint", zip.fingerprint().toString());
    audit.record("RESULTS_BLANK_FORMS_DOWNLOADED", AuditLevel.INFO, actor, details);
    return zip;
  }
}

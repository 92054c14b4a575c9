package nl.uitslag.app.control;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.uitslag.app.airgap.AirGapMonitor;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.control.ControlRepository.ElectionFacts;
import nl.uitslag.app.control.ImportedNotableRepository.StoredFileDecision;
import nl.uitslag.app.csb.CsbService;
import nl.uitslag.app.csb.CsbService.ImportedCountFile;
import nl.uitslag.app.dataentry.DataEntryRepository.CommitteeInfo;
import nl.uitslag.documents.pdf.ControlProtocolRenderer;
import nl.uitslag.documents.pdf.ElectionHeading;
import nl.uitslag.documents.pdf.NotableResultsReport;
import nl.uitslag.documents.pdf.NotableResultsReport.Decision;
import nl.uitslag.domain.control.NotableFlag;
import nl.uitslag.domain.control.NotableResults;
import nl.uitslag.domain.control.NotableThresholds;
import nl.uitslag.domain.control.StationCounts;
import nl.uitslag.domain.control.StationSources;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.eml.EmlDocument;
import nl.uitslag.eml.EmlException;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.ReadOptions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notable results (opmerkelijke uitslagen, docs/CONTROL-PROTOCOL.md §3 and §5) of every polling station in the
 * municipal count files (EML 510b) a higher committee (HSB, CSB) has imported, with the election's thresholds, and
 * the coordinator's explanation or "recount requested" per flag. Reads the imported files and never changes them.
 */
@Service
public class ImportedNotableService {
  private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

  private final CsbService countFiles;
  private final ImportedNotableRepository repo;
  private final ControlRepository control;
  private final AuditLog audit;
  private final AirGapMonitor airGap;
  private final Clock clock;
  private final ControlProtocolRenderer renderer = new ControlProtocolRenderer();

  ImportedNotableService(CsbService countFiles, ImportedNotableRepository repo, ControlRepository control,
      AuditLog audit, AirGapMonitor airGap, Clock clock) {
    this.countFiles = countFiles;
    this.repo = repo;
    this.control = control;
    this.audit = audit;
    this.airGap = airGap;
    this.clock = clock;
  }

  /**
   * One flag of one imported file with what the coordinator decided.
   *
   * @param source the ManagingAuthority of the GSB whose 510b holds the polling station
   * @param decidedAt when it was recorded, Dutch local time, for display; null while open
   */
  public record Item(String source, String municipality, NotableFlag flag, Decision decision, String explanation,
      String decidedBy, String decidedAt) {
    /** Unique on the screen: a flag key repeats across municipalities. */
    public String id() {
      return (source + "-" + flag.key()).replaceAll("[^A-Za-z0-9_-]", "_");
    }
  }

  /**
   * One imported count file and its outcome.
   *
   * @param stations the polling stations checked; 0 for a file without polling stations (a 510c)
   * @param refusal why the file could not be checked, or null
   */
  public record FileResult(String source, String municipality, String kind, String fileName, String fingerprint,
      int stations, String refusal, List<Item> items) {}

  /** Everything the screen and the report show. */
  public record View(NotableThresholds thresholds, List<FileResult> files) {
    public int stationsChecked() {
      return files.stream().mapToInt(FileResult::stations).sum();
    }

    public List<Item> items() {
      List<Item> all = new ArrayList<>();
      files.forEach(f -> all.addAll(f.items()));
      return all;
    }

    public long open() {
      return items().stream().filter(i -> i.decision() == Decision.OPEN).count();
    }
  }

  /** The checks over every imported file, in source order. */
  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  public View view(CommitteeInfo c) {
    NotableThresholds t = control.thresholds(c.electionId()).orElse(NotableThresholds.DEFAULTS);
    Map<String, StoredFileDecision> decisions = repo.decisions(c.committeeId());
    List<FileResult> files = new ArrayList<>();
    for (ImportedCountFile f : countFiles.importedCountFiles(c.committeeId())) {
      files.add(check(f, t, decisions));
    }
    return new View(t, files);
  }

  private static FileResult check(ImportedCountFile f, NotableThresholds t, Map<String, StoredFileDecision> decisions) {
    if (!"510b".equals(f.kind())) {
      // A 510c holds municipalities, not polling stations: its 510b files are checked where they were imported.
      return new FileResult(f.source(), f.source(), f.kind(), f.fileName(), f.fingerprint(), 0, "NOT_510B",
          List.of());
    }
    EmlDocument.Counts counts;
    try {
      counts = EmlReader.readCount(new ByteArrayInputStream(f.content()), f.fileName(), ReadOptions.none());
    } catch (EmlException | IllegalArgumentException e) {
      return new FileResult(f.source(), f.source(), f.kind(), f.fileName(), f.fingerprint(), 0, "UNREADABLE",
          List.of());
    }
    String municipality = counts.count().authority() == null ? f.source() : counts.count().authority().name();
    int stations = 0;
    List<Item> items = new ArrayList<>();
    try {
      for (ContestCount contest : counts.count().contests()) {
        List<StationCounts> list = StationSources.fromCountFile(contest);
        stations += list.size();
        for (NotableFlag flag : NotableResults.check(list, t)) {
          StoredFileDecision d = decisions.get(ImportedNotableRepository.key(f.source(), f.fingerprint(), flag.key()));
          items.add(d == null
              ? new Item(f.source(), municipality, flag, Decision.OPEN, "", null, null)
              : new Item(f.source(), municipality, flag, Decision.valueOf(d.decision()), d.explanation(),
                  d.decidedBy(), shown(d.decidedAt())));
        }
      }
    } catch (IllegalArgumentException e) {
      return new FileResult(f.source(), municipality, f.kind(), f.fileName(), f.fingerprint(), 0, "NO_STATIONS",
          List.of());
    }
    return new FileResult(f.source(), municipality, f.kind(), f.fileName(), f.fingerprint(), stations, null, items);
  }

  /** A stored time as people read it: Dutch local time to the minute. */
  private static String shown(String instant) {
    return java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
        .format(Instant.parse(instant).atZone(DUTCH_TIME));
  }

  /**
   * Records the coordinator's explanation of a flag, or that a recount was requested (at the GSB, Kieswet N 15 /
   * the CSB's investigation). Stored against the file it was made on, and audited.
   */
  @Transactional
  public void decide(CommitteeInfo c, String source, String key, Decision decision, String explanation,
      long userId, Actor actor) {
    airGap.requireIsolated();
    if (decision == null || decision == Decision.OPEN) {
      throw new ControlException("DECISION", null);
    }
    String text = explanation == null ? "" : explanation.strip();
    if (decision == Decision.EXPLAINED && text.isEmpty()) {
      throw new ControlException("EXPLANATION_REQUIRED", key);
    }
    if (text.length() > 2000) {
      throw new ControlException("EXPLANATION_TOO_LONG", key);
    }
    Optional<FileResult> file = view(c).files().stream().filter(f -> f.source().equals(source)).findFirst();
    if (file.isEmpty() || file.get().items().stream().noneMatch(i -> i.flag().key().equals(key))) {
      throw new ControlException("UNKNOWN_FLAG", key);
    }
    repo.store(c.committeeId(), source, file.get().fingerprint(), key, decision.name(), text, userId,
        Instant.now(clock));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("source", source);
    details.put("file", file.get().fingerprint());
    details.put("flag", key);
    details.put("decision", decision.name());
    details.put("explanation", text);
    audit.record("NOTABLE_COUNT_FILE_DECIDED",
        decision == Decision.RECOUNT_ORDERED ? AuditLevel.WARNING : AuditLevel.INFO, actor, details);
  }

  /**
   * The report as PDF, in the layout of the GSB's notable-results report. The station column names the
   * municipality too, because station numbers repeat across municipalities.
   */
  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  public byte[] pdf(CommitteeInfo c) {
    View v = view(c);
    List<NotableResultsReport.Item> items = new ArrayList<>();
    for (Item i : v.items()) {
      NotableFlag f = i.flag();
      NotableFlag named = new NotableFlag(f.rule(), f.stationNumber(), i.municipality() + " – " + f.stationName(),
          f.listNumber(), f.highCandidate(), f.lowCandidate(), f.figures());
      items.add(new NotableResultsReport.Item(named, i.decision(), i.explanation()));
    }
    ElectionFacts e = control.election(c.electionId()).orElseThrow(() -> new ControlException("NO_SESSION", null));
    // Voter cards (C) exist in every election but the municipal one (abacus.md §3.1).
    ElectionHeading heading = new ElectionHeading(e.name(), e.pollingDay(), e.domainName(), e.domainId(),
        !"GR".equals(e.category()));
    return renderer.notableResults(new NotableResultsReport(heading, 1, v.thresholds(), v.stationsChecked(), items,
        ZonedDateTime.now(clock.withZone(DUTCH_TIME)).withNano(0)));
  }
}

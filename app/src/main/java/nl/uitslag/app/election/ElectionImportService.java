package nl.uitslag.app.election;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.election.ElectionRepository.CandidateView;
import nl.uitslag.app.election.ElectionRepository.ElectionView;
import nl.uitslag.app.election.ElectionRepository.ListView;
import nl.uitslag.app.election.ElectionRepository.PollingStationView;
import nl.uitslag.domain.election.CandidateList;
import nl.uitslag.domain.election.CandidateLists;
import nl.uitslag.domain.election.ContestLists;
import nl.uitslag.domain.election.ElectionDefinition;
import nl.uitslag.domain.election.ElectionRegion;
import nl.uitslag.domain.election.PollingStation;
import nl.uitslag.domain.election.PollingStations;
import nl.uitslag.domain.fingerprint.Fingerprint;
import nl.uitslag.eml.EmlException;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.ReadOptions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates an election from the Kiesraad's files: the definition (110a), the candidate lists (230b) and
 * optionally the polling stations (110b). Every file is read strictly and confirmed against the fingerprint on
 * paper before anything is stored; a rejected file leaves nothing behind but its audit event.
 */
@Service
public class ElectionImportService {
  /** Refuse uploads larger than this: real 110a/230b/110b files are well under 2 MB. */
  public static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

  private final ElectionRepository elections;
  private final AuditLog audit;
  private final Clock clock;

  public ElectionImportService(ElectionRepository elections, AuditLog audit, Clock clock) {
    this.elections = elections;
    this.audit = audit;
    this.clock = clock;
  }

  /** Which file of the set-up is being imported. */
  public enum FileKind {
    DEFINITION_110A,
    CANDIDATE_LISTS_230B,
    POLLING_STATIONS_110B
  }

  /** The files read and confirmed so far, in the user's session until the election is created. */
  public static final class ImportWizard {
    ElectionDefinition definition;
    String definitionFingerprint;
    CandidateLists lists;
    String listsFingerprint;
    PollingStations stations;
    String stationsFingerprint;
    Pending pending;

    public ElectionDefinition definition() {
      return definition;
    }

    public CandidateLists lists() {
      return lists;
    }

    public PollingStations stations() {
      return stations;
    }

    public Pending pending() {
      return pending;
    }

    public String definitionFingerprint() {
      return definitionFingerprint;
    }

    public String listsFingerprint() {
      return listsFingerprint;
    }

    public String stationsFingerprint() {
      return stationsFingerprint;
    }

    /** The kieskringen of the confirmed 110a whose hoofdstembureau this installation can be. */
    public List<ElectionRegion> hsbDistricts() {
      return definition == null ? List.of() : ElectionImportService.hsbDistricts(definition);
    }

    /** The next file the wizard asks for. */
    public FileKind next() {
      if (definition == null) {
        return FileKind.DEFINITION_110A;
      }
      if (lists == null) {
        return FileKind.CANDIDATE_LISTS_230B;
      }
      return FileKind.POLLING_STATIONS_110B;
    }
  }

  /** A file that was read without error and waits for its fingerprint to be confirmed from paper. */
  public record Pending(FileKind kind, String fileName, Object content, Fingerprint.Challenge challenge, String fingerprint) {}

  /**
   * Reads an uploaded file strictly. Throws {@link EmlException} with the exact reason when it is rejected; the
   * rejection is audited in its own transaction by the caller.
   */
  public Pending read(ImportWizard wizard, FileKind kind, String fileName, byte[] bytes) {
    if (kind != wizard.next() && !(kind == FileKind.POLLING_STATIONS_110B && wizard.lists != null)) {
      throw new IllegalStateException("unexpected file " + kind + "; expected " + wizard.next());
    }
    String name = fileName == null || fileName.isBlank() ? "upload.eml.xml" : fileName;
    Object content;
    switch (kind) {
      case DEFINITION_110A:
        content = EmlReader.readDefinition(new ByteArrayInputStream(bytes), name).definition();
        break;
      case CANDIDATE_LISTS_230B:
        content =
            EmlReader.readCandidateLists(
                    new ByteArrayInputStream(bytes),
                    name,
                    ReadOptions.none().withExpectedElection(wizard.definition.election()))
                .lists();
        break;
      default:
        content =
            EmlReader.readPollingStations(
                    new ByteArrayInputStream(bytes),
                    name,
                    ReadOptions.none().withExpectedElection(wizard.definition.election()))
                .stations();
    }
    Fingerprint fingerprint = Fingerprint.of(bytes);
    // The hidden groups are drawn now, with SecureRandom, never derived from the file (product.md §4).
    Pending pending = new Pending(kind, name, content, fingerprint.challenge(), fingerprint.toString());
    wizard.pending = pending;
    return pending;
  }

  /** Checks the two typed groups; on success the file becomes part of the wizard, otherwise it is dropped. */
  @Transactional
  public boolean confirm(ImportWizard wizard, String typedFirst, String typedSecond, Actor actor) {
    Pending pending = wizard.pending;
    if (pending == null) {
      return false;
    }
    wizard.pending = null;
    boolean ok = pending.challenge().verify(typedFirst, typedSecond);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("file", pending.fileName());
    details.put("kind", pending.kind().name());
    details.put("fingerprint", pending.fingerprint());
    if (!ok) {
      details.put("reason", "fingerprint groups typed from paper do not match");
      audit.record("EML_IMPORT_REJECTED", AuditLevel.WARNING, actor, details);
      return false;
    }
    audit.record("EML_FINGERPRINT_CONFIRMED", AuditLevel.INFO, actor, details);
    switch (pending.kind()) {
      case DEFINITION_110A:
        wizard.definition = (ElectionDefinition) pending.content();
        wizard.definitionFingerprint = pending.fingerprint();
        break;
      case CANDIDATE_LISTS_230B:
        wizard.lists = (CandidateLists) pending.content();
        wizard.listsFingerprint = pending.fingerprint();
        break;
      default:
        wizard.stations = (PollingStations) pending.content();
        wizard.stationsFingerprint = pending.fingerprint();
    }
    return true;
  }

  /** Records a rejected file; nothing of it is kept. */
  @Transactional
  public void recordRejection(String fileName, FileKind kind, String reason, Actor actor) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("file", fileName == null ? "" : fileName);
    details.put("kind", kind.name());
    details.put("reason", reason);
    audit.record("EML_IMPORT_REJECTED", AuditLevel.WARNING, actor, details);
  }

  /** Stores the election with its lists, candidates, polling stations, election tree and GSB committee. */
  @Transactional
  public long create(ImportWizard wizard, String countingMethod, Actor actor) {
    return create(wizard, countingMethod, "GSB", actor);
  }

  /**
   * Stores the election with its lists, candidates and polling stations, and the committee this installation
   * serves: the GSB of the municipality, or the CSB (for GR and ER the municipality's own centraal stembureau,
   * managing authority "CSB" in the files it makes).
   */
  @Transactional
  public long create(ImportWizard wizard, String countingMethod, String committeeKind, Actor actor) {
    return create(wizard, countingMethod, committeeKind, null, actor);
  }

  /**
   * The kieskringen whose hoofdstembureau this installation can be: the regions of the 110a's election tree that
   * seat an HSB (Kieswet E 2), in file order.
   */
  public static List<ElectionRegion> hsbDistricts(ElectionDefinition definition) {
    List<ElectionRegion> out = new ArrayList<>();
    for (ElectionRegion r : definition.regions()) {
      if (r.number() != null && r.committees().stream().anyMatch(c -> c.category().equals("HSB"))) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * As {@link #create(ImportWizard, String, String, Actor)}, and for committee "HSB" the hoofdstembureau of the
   * kieskring with this number (a region of the election tree that seats an HSB): managing authority
   * "HSB&lt;n&gt;" as in the real 510c files (e.g. HSB5 for kieskring Lelystad in TK2021).
   */
  @Transactional
  public long create(ImportWizard wizard, String countingMethod, String committeeKind, Integer district,
      Actor actor) {
    if (!committeeKind.equals("GSB") && !committeeKind.equals("CSB") && !committeeKind.equals("HSB")) {
      throw new IllegalArgumentException("committee must be GSB, HSB or CSB");
    }
    ElectionRegion hsbDistrict = null;
    if (committeeKind.equals("HSB")) {
      if (wizard.definition == null || district == null) {
        throw new IllegalArgumentException("an HSB needs its kieskring");
      }
      hsbDistrict = hsbDistricts(wizard.definition).stream().filter(r -> r.number().equals(district)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("kieskring " + district + " has no HSB in the 110a"));
    }
    if (wizard.definition == null || wizard.lists == null) {
      throw new IllegalStateException("110a and 230b must be confirmed first");
    }
    if (!countingMethod.equals("CSO") && !countingMethod.equals("DSO")) {
      throw new IllegalArgumentException("counting method must be CSO or DSO");
    }
    ElectionDefinition def = wizard.definition;
    var id = def.election();
    if (elections.existsByIdentifier(id.id())) {
      throw new ElectionExistsException(id.id());
    }
    Long eligible = wizard.stations == null ? null : wizard.stations.eligibleVoters();
    long electionId =
        elections.insertElection(
            new ElectionView(
                0,
                id.id(),
                id.name(),
                id.category().name(),
                id.subcategory(),
                id.electionDate(),
                def.numberOfSeats(),
                id.domain() == null ? id.name() : id.domain().name(),
                // A province's domain has a name but no Id in real 110a files (PS2023 Drenthe).
                id.domain() == null || id.domain().id() == null ? "" : id.domain().id(),
                countingMethod,
                eligible),
            Instant.now(clock));
    for (ContestLists contest : wizard.lists.contests()) {
      for (CandidateList list : contest.lists()) {
        List<CandidateView> candidates = new ArrayList<>();
        for (var c : list.candidates()) {
          candidates.add(
              new CandidateView(
                  c.position(),
                  c.name().initials(),
                  c.name().firstName(),
                  c.name().prefix(),
                  c.name().lastName(),
                  c.locality(),
                  c.gender() == null ? null : c.gender().name().toLowerCase()));
        }
        elections.insertList(electionId, new ListView(list.number(), list.appellation(), candidates));
      }
    }
    if (wizard.stations != null) {
      for (PollingStation ps : wizard.stations.stations()) {
        elections.insertPollingStation(
            electionId,
            new PollingStationView(0, ps.number(), ps.name(), ps.postcode(), null, "FIXED", ps.eligibleVoters()));
      }
    }
    elections.insertRegions(electionId, def.regions());
    String authority = id.domain() == null || id.domain().id() == null ? id.id() : id.domain().id();
    String area = id.domain() == null ? id.name() : id.domain().name();
    if (hsbDistrict != null) {
      elections.insertCommittee(electionId, "HSB", "Hoofdstembureau " + hsbDistrict.name(),
          "HSB" + hsbDistrict.number());
    } else if (committeeKind.equals("CSB")) {
      elections.insertCommittee(electionId, "CSB", "Centraal stembureau " + area, "CSB");
    } else {
      elections.insertCommittee(electionId, "GSB", "Gemeentelijk stembureau " + area, authority);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("election", id.id());
    details.put("110a", wizard.definitionFingerprint);
    details.put("230b", wizard.listsFingerprint);
    details.put("110b", wizard.stationsFingerprint == null ? "" : wizard.stationsFingerprint);
    details.put("countingMethod", countingMethod);
    details.put("committee", committeeKind);
    if (hsbDistrict != null) {
      details.put("district", hsbDistrict.number());
    }
    details.put("regions", def.regions().size());
    audit.record("ELECTION_CREATED", AuditLevel.INFO, actor, details);
    return electionId;
  }

  /** The election exists already; importing it twice would mix two sets of results. */
  public static final class ElectionExistsException extends RuntimeException {
    public ElectionExistsException(String id) {
      super("election " + id + " exists already");
    }
  }
}

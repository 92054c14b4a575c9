package nl.uitslag.app.csb;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.uitslag.app.airgap.AirGapMonitor;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.election.ElectionRepository.ElectionView;
import nl.uitslag.app.election.ElectionRepository.ListView;
import nl.uitslag.app.election.ElectionRepository.RegionView;
import nl.uitslag.app.keystore.KeyStoreException;
import nl.uitslag.app.keystore.KeyStoreService;
import nl.uitslag.app.keystore.TransferPackageService;
import nl.uitslag.crypto.RejectedException;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.dataentry.DataEntryOutcome;
import nl.uitslag.domain.dataentry.DataEntryOutcome.Accepted;
import nl.uitslag.domain.dataentry.DataEntryState;
import nl.uitslag.domain.dataentry.DifferenceResolution;
import nl.uitslag.domain.dataentry.DoubleEntry;
import nl.uitslag.domain.dataentry.EntryNumber;
import nl.uitslag.domain.dataentry.ErrorResolution;
import nl.uitslag.domain.dataentry.TypistView;
import nl.uitslag.domain.dataentry.UserId;
import nl.uitslag.domain.election.ContestLists;
import nl.uitslag.domain.fingerprint.Fingerprint;
import nl.uitslag.domain.results.FieldValue;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.InvalidResultsException;
import nl.uitslag.domain.results.ListShape;
import nl.uitslag.domain.results.ModelVariant;
import nl.uitslag.domain.results.ResultsModel;
import nl.uitslag.domain.results.ResultsShape;
import nl.uitslag.domain.validation.ValidationContext;
import nl.uitslag.eml.EmlException;
import nl.uitslag.eml.EmlKind;
import nl.uitslag.eml.EmlReader;
import nl.uitslag.eml.ReadOptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The intake of a committee above the GSB (abacus.md §2 "CSB session", product.md §2 flows 4 and 5): the
 * hoofdstembureau of a kieskring takes in the 510b of every municipality under it in the 110a election tree; the
 * centraal stembureau takes in the 510b of its municipalities (GR, ER, AB, PS1) or the 510c of its
 * hoofdstembureaus (TK, EP, PS2, EK). A count file is read strictly, confirmed against the fingerprint on its paper
 * PV and stored as the first entry; a typist re-keys the totals from the paper PV as the second entry; differences
 * and errors are resolved by the coordinator with the double-entry machine of the GSB (product.md §3). Every change
 * writes an audit event in its transaction, and a rejected file leaves nothing but its audit event.
 */
@Service
public class CsbService {
  /** Real 510b files of the largest municipalities are a few MB; anything far larger is refused unread. */
  public static final int MAX_FILE_BYTES = 64 * 1024 * 1024;

  private final CsbRepository repo;
  private final ElectionRepository elections;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final AirGapMonitor airGap;
  private final Clock clock;
  private final KeyStoreService keys;
  private final TransferPackageService packages;
  private final CsbDistrictService districts;
  private final CsbInvestigationRepository investigations;

  public CsbService(CsbRepository repo, ElectionRepository elections, JdbcClient jdbc, AuditLog audit,
      AirGapMonitor airGap, Clock clock, KeyStoreService keys, TransferPackageService packages,
      CsbDistrictService districts, CsbInvestigationRepository investigations) {
    this.districts = districts;
    this.investigations = investigations;
    this.keys = keys;
    this.packages = packages;
    this.repo = repo;
    this.elections = elections;
    this.jdbc = jdbc;
    this.audit = audit;
    this.airGap = airGap;
    this.clock = clock;
  }

  /** Which committee takes in the totals: a hoofdstembureau (one kieskring) or the centraal stembureau. */
  public enum Kind { HSB, CSB }

  /**
   * A committee that takes in the totals of the committees below it, and its election: the centraal stembureau
   * (kind CSB, managing authority "CSB") or the hoofdstembureau of a kieskring (kind HSB, managing authority
   * "HSB&lt;n&gt;" as in the real 510c files, e.g. HSB5 for kieskring Lelystad in TK2021).
   */
  public record Csb(long committeeId, String name, ElectionView election, Kind kind, String managingAuthority) {
    /** A centraal stembureau. */
    public Csb(long committeeId, String name, ElectionView election) {
      this(committeeId, name, election, Kind.CSB, "CSB");
    }

    public boolean isHsb() {
      return kind == Kind.HSB;
    }

    /** The number of the kieskring of an HSB ("HSB5" is kieskring 5). */
    public int district() {
      if (!isHsb() || !managingAuthority.matches("HSB\\d{1,3}")) {
        throw new IllegalStateException("not the HSB of a kieskring: " + managingAuthority);
      }
      return Integer.parseInt(managingAuthority.substring(3));
    }
  }

  /**
   * A committee whose totals this committee takes in (a GSB, or for the CSB of a multi-district election an HSB),
   * with the state of their double entry, the file imported if any, and the kind of count file it hands in.
   */
  public record Source(String id, String name, DataEntryState state, Optional<String> countFileName,
      Optional<String> countFileFingerprint, String fileKind) {}

  /** A source as the election tree names it, before its entry state is looked up. */
  record SourceRef(String id, String name, String fileKind) {}

  /**
   * A count file read without error, waiting for the coordinator to type two hidden groups of its fingerprint from
   * the paper PV. Kept in the user's session only; nothing of it is stored before the fingerprint is confirmed.
   *
   * @param replaces the fingerprint of the held file this corrected file replaces under an open investigation
   *     order, or null for a first import
   * @param investigationId the open order it answers, or null for a first import
   */
  public record PendingImport(String source, String fileName, byte[] bytes, GsbResults results,
      Fingerprint.Challenge challenge, String fingerprint, String fileKind, String replaces, Long investigationId) {
    public boolean replacement() {
      return replaces != null;
    }
  }

  /** Why a count file is refused, in Dutch and English (product.md §4: every rejection says why). */
  public static final class CountFileRejected extends RuntimeException {
    private final String dutch;
    private final String english;

    CountFileRejected(String dutch, String english) {
      super(english);
      this.dutch = dutch;
      this.english = english;
    }

    public String dutch() {
      return dutch;
    }

    public String english() {
      return english;
    }
  }

  /** The outcome of confirming an import. */
  public enum ImportOutcome {
    IMPORTED,
    /** A corrected file replaced the held one under an open investigation order; its entry starts over. */
    REPLACED,
    FINGERPRINT_MISMATCH,
    ALREADY_ENTERED,
    FINALISED
  }

  /** The result of a data-entry operation; {@code refusal} names why when it was refused. */
  public record Step(DataEntryOutcome outcome, String refusal, String detail) {
    static Step of(DataEntryOutcome o) {
      if (o instanceof DataEntryOutcome.Refused r) {
        return new Step(o, r.reason().name(), r.detail());
      }
      return new Step(o, null, null);
    }

    static Step refused(String refusal, String detail) {
      return new Step(null, refusal, detail);
    }

    public boolean accepted() {
      return outcome instanceof Accepted;
    }
  }

  /** Thrown when the row changed between reading and writing: the whole transaction is rolled back. */
  public static final class ConcurrentChangeException extends RuntimeException {
    ConcurrentChangeException() {
      super("someone else changed this entry at the same moment; nothing was stored");
    }
  }

  // ---------------------------------------------------------------- reading

  /** The CSB or HSB with this committee id, or empty when the committee is neither (a GSB). */
  public Optional<Csb> csb(long committeeId) {
    return jdbc.sql("SELECT id, election_id, name, kind, managing_authority FROM committee WHERE id = ?"
            + " AND kind IN ('CSB', 'HSB')")
        .param(committeeId)
        .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getString(5)})
        .optional()
        .flatMap(row -> elections.findById((Long) row[1])
            .map(e -> new Csb((Long) row[0], (String) row[2], e, Kind.valueOf((String) row[3]), (String) row[4])));
  }

  /** The shape every GSB-totals entry of this election has. */
  public ResultsShape shape(Csb c) {
    List<ListShape> shapes = new ArrayList<>();
    for (ListView l : elections.lists(c.election().id())) {
      shapes.add(new ListShape(l.number(), l.candidates().size()));
    }
    // Voter cards (kiezerspassen) do not exist in municipal and island council elections (abacus.md §3.1).
    String category = c.election().category();
    return new ResultsShape(shapes, !("GR".equals(category) || "ER".equals(category)));
  }

  /**
   * The shape of one source's totals. At the CSB of an election with several kieskringen every kieskring has its
   * own candidate lists (its 230b, confirmed on the kieskring page), so the 510c of HSB n is read and re-keyed in
   * the shape of kieskring n; everywhere else all sources share the election's lists. Empty when that kieskring's
   * lists have not been confirmed yet.
   */
  public Optional<ResultsShape> sourceShape(Csb c, String source) {
    if (!c.isHsb() && CsbDistrictService.multiDistrict(c) && source.startsWith("HSB")) {
      return Optional.ofNullable(districts.shapes(c).get(Integer.valueOf(source.substring(3))));
    }
    return Optional.of(shape(c));
  }

  /** The candidate lists of kieskring n when the source is HSB n at a multi-district CSB and its 230b is confirmed. */
  public Optional<ContestLists> districtLists(Csb c, String source) {
    if (!c.isHsb() && CsbDistrictService.multiDistrict(c) && source.startsWith("HSB")) {
      return Optional.ofNullable(districts.lists(c).get(Integer.valueOf(source.substring(3))));
    }
    return Optional.empty();
  }

  /** {@link #sourceShape}, falling back to the election's lists for a kieskring whose 230b is not there yet. */
  public ResultsShape shape(Csb c, String source) {
    return sourceShape(c, source).orElseGet(() -> shape(c));
  }

  /**
   * The committees whose totals this committee takes in, in the order of the election tree (product.md §2):
   * <ul>
   *   <li>an HSB: the municipalities (GEMEENTE regions) directly under its kieskring, each with its 510b; the
   *       id is the four-digit municipality code the 510b carries as ManagingAuthority (region 668 is "0668");</li>
   *   <li>the CSB of TK, EP, PS2 and EK: every region that seats an HSB, each with its 510c (id "HSB&lt;n&gt;");</li>
   *   <li>the CSB of AB and PS1: every municipality of the tree, each with its 510b;</li>
   *   <li>the CSB of GR and ER, or of an election stored before the tree was (V9): the election's own domain.</li>
   * </ul>
   */
  public List<Source> sources(Csb c) {
    List<Source> out = new ArrayList<>();
    for (SourceRef ref : sourceRefs(c)) {
      DataEntryState state = repo.entry(c.committeeId(), ref.id(), shape(c, ref.id())).state();
      Optional<CsbRepository.StoredFile> file = repo.countFile(c.committeeId(), ref.id());
      out.add(new Source(ref.id(), ref.name(), state, file.map(CsbRepository.StoredFile::fileName),
          file.map(CsbRepository.StoredFile::fingerprint), ref.fileKind()));
    }
    return out;
  }

  /**
   * An accepted count file as the committee took it in, byte for byte.
   *
   * @param source the ManagingAuthority of the sending committee (e.g. {@code 0668})
   * @param kind {@code 510b} or {@code 510c}
   */
  public record ImportedCountFile(String source, String kind, String fileName, String fingerprint, byte[] content,
      String importedAt) {
    @Override
    public byte[] content() {
      return content.clone();
    }
  }

  /**
   * Every count file the committee (any kind that imports them: HSB, CSB) holds in {@code csb_count_file}, by
   * source. Read only; for checks over the imported files, such as the notable results.
   */
  public List<ImportedCountFile> importedCountFiles(long committeeId) {
    return repo.countFiles(committeeId);
  }

  List<SourceRef> sourceRefs(Csb c) {
    ElectionView e = c.election();
    List<RegionView> tree = elections.regions(e.id());
    List<SourceRef> out = new ArrayList<>();
    if (c.isHsb()) {
      int district = c.district();
      for (RegionView r : tree) {
        if (r.category().equals("GEMEENTE") && r.number() != null && r.isUnder("KIESKRING", district)) {
          out.add(new SourceRef(municipalityCode(r.number()), r.name(), "510b"));
        }
      }
      return out;
    }
    if (!tree.isEmpty() && MULTI_DISTRICT.contains(e.subcategory())) {
      for (RegionView r : tree) {
        if (r.hasCommittee("HSB") && r.number() != null) {
          out.add(new SourceRef("HSB" + r.number(), r.name(), "510c"));
        }
      }
      return out;
    }
    if (!tree.isEmpty() && !e.category().equals("GR") && !e.category().equals("ER")) {
      for (RegionView r : tree) {
        if (r.category().equals("GEMEENTE") && r.number() != null) {
          out.add(new SourceRef(municipalityCode(r.number()), r.name(), "510b"));
        }
      }
      return out;
    }
    out.add(new SourceRef(e.domainId(), e.domainName(), "510b"));
    return out;
  }

  /** Election types whose CSB takes in the 510c of hoofdstembureaus rather than the 510b of municipalities. */
  static final java.util.Set<String> MULTI_DISTRICT = java.util.Set.of("TK", "EP", "PS2", "EK");

  /** A municipality's CBS code as the 510b names its GSB: four digits, region 668 is "0668". */
  static String municipalityCode(int regionNumber) {
    return String.format(Locale.ROOT, "%04d", regionNumber);
  }

  /** The kind of count file this committee's sources hand in: 510c at the CSB of TK, EP, PS2, EK, else 510b. */
  String fileKind(Csb c) {
    return !c.isHsb() && MULTI_DISTRICT.contains(c.election().subcategory())
        && !elections.regions(c.election().id()).isEmpty() ? "510c" : "510b";
  }

  /** The GSB with this id, or {@link UnknownSourceException}. */
  public Source source(Csb c, String id) {
    return sources(c).stream().filter(s -> s.id().equals(id)).findFirst()
        .orElseThrow(() -> new UnknownSourceException(id));
  }

  /** No GSB with this id takes part at this CSB. */
  public static final class UnknownSourceException extends RuntimeException {
    UnknownSourceException(String id) {
      super("no GSB " + id + " at this CSB");
    }
  }

  /** Whether the result has been finalised (documents generated); entries and inputs are then closed. */
  public boolean finalised(Csb c) {
    return !repo.documents(c.committeeId()).isEmpty();
  }

  /** The definitive totals of every GSB, or empty when any of them is not definitive yet. */
  public Optional<Map<String, GsbResults>> definitiveTotals(Csb c) {
    Map<String, GsbResults> out = new LinkedHashMap<>();
    for (Source s : sources(c)) {
      if (!(s.state() instanceof DataEntryState.Definitive d)) {
        return Optional.empty();
      }
      out.put(s.id(), (GsbResults) d.results());
    }
    return Optional.of(out);
  }

  // ---------------------------------------------------------------- importing a count file

  /**
   * Reads a GSB's count file (510b) strictly and prepares the fingerprint challenge. This is the one entry point
   * for file bytes: a sealed (signed, encrypted) transfer package is opened in front of it. Throws
   * {@link CountFileRejected} with the reason when the file is damaged, of another kind, for another election or
   * another committee, or does not fit the candidate lists; the caller audits the rejection.
   */
  public PendingImport readCountFile(Csb c, String fileName, byte[] bytes) {
    if (requiresSealedFiles(c)) {
      throw new CountFileRejected(
          "voor deze verkiezing is een vertrouwensanker bevestigd: lever het telbestand aan als verzegeld"
              + " overdrachtspakket, niet als los bestand",
          "a trust anchor is confirmed for this election: hand in the count file as a sealed transfer package,"
              + " not as a plain file");
    }
    return readUnsealed(c, fileName, bytes);
  }

  /**
   * Whether count files must come as sealed packages: once the election has a confirmed trust anchor, a plain
   * file would bypass the signature check (product.md §4), so only packages are accepted.
   */
  public boolean requiresSealedFiles(Csb c) {
    return keys.hasTrustAnchor(c.election().id());
  }

  /**
   * Opens a sealed transfer package (decrypt, signature and chain, signer = the file's ManagingAuthority,
   * revocation, kind 510b: docs/COUNT-FILE-SECURITY.md §5) and reads the count file inside it like a plain one;
   * the fingerprint challenge then follows as for any count file. The package service audits its own rejections.
   *
   * @param secret the passphrase of this CSB's decryption key, or the package password
   */
  public PendingImport readSealedCountFile(Csb c, byte[] packageBytes, char[] secret, Actor actor) {
    if (packageBytes.length == 0 || packageBytes.length > MAX_FILE_BYTES) {
      throw new CountFileRejected("het bestand is leeg of groter dan " + MAX_FILE_BYTES + " bytes",
          "the file is empty or larger than " + MAX_FILE_BYTES + " bytes");
    }
    TransferPackageService.Opened opened;
    try {
      // The source is known only inside the package, so any phase opens here; the inner 510b's kr:Phase is then
      // checked against the held file like a plain file's (CorrigendumIntake).
      opened = packages.open(c.election().id(), packageBytes, secret,
          new TransferPackageService.Expectation(fileKind(c), 1), actor);
    } catch (RejectedException e) {
      throw new CountFileRejected(TransferPackageService.message(e.reason(), Locale.forLanguageTag("nl")),
          TransferPackageService.message(e.reason(), Locale.ENGLISH));
    } catch (KeyStoreException e) {
      throw new CountFileRejected("voor deze verkiezing is nog geen vertrouwensanker bevestigd",
          "no trust anchor has been confirmed for this election yet");
    }
    return readUnsealed(c, opened.eml().name(), opened.eml().bytes());
  }

  private PendingImport readUnsealed(Csb c, String fileName, byte[] bytes) {
    String name = fileName == null || fileName.isBlank() ? "upload.eml.xml" : fileName;
    if (bytes.length == 0 || bytes.length > MAX_FILE_BYTES) {
      throw new CountFileRejected("het bestand is leeg of groter dan " + MAX_FILE_BYTES + " bytes",
          "the file is empty or larger than " + MAX_FILE_BYTES + " bytes");
    }
    Count count;
    EmlKind kind;
    String creation;
    try {
      var doc = EmlReader.readCount(new ByteArrayInputStream(bytes), name, ReadOptions.none());
      count = doc.count();
      kind = doc.header().kind();
      creation = doc.header().creationDateTime();
    } catch (EmlException e) {
      throw new CountFileRejected(describe(e, true), describe(e, false));
    }
    String expectedKind = fileKind(c);
    if (!kind.id().equals(expectedKind)) {
      throw expectedKind.equals("510c")
          ? new CountFileRejected("dit is geen telbestand van een hoofdstembureau (510c) maar " + kind.id(),
              "this is not an HSB count file (510c) but a " + kind.id())
          : new CountFileRejected("dit is geen telbestand van een gemeentelijk stembureau (510b) maar " + kind.id(),
              "this is not a GSB count file (510b) but a " + kind.id());
    }
    ElectionView e = c.election();
    var id = count.election();
    if (!id.id().equals(e.identifier()) || !id.electionDate().equals(e.electionDate())
        || !id.category().name().equals(e.category())) {
      throw new CountFileRejected(
          "het bestand is voor verkiezing " + id.id() + " van " + id.electionDate() + ", niet voor " + e.identifier(),
          "the file is for election " + id.id() + " of " + id.electionDate() + ", not for " + e.identifier());
    }
    String source = count.authority().id();
    if (sourceRefs(c).stream().noneMatch(s -> s.id().equals(source))) {
      String nl = c.isHsb() ? "geen gemeente in kieskring " + c.district() + " van dit hoofdstembureau"
          : "geen " + (expectedKind.equals("510c") ? "hoofdstembureau" : "gemeentelijk stembureau")
              + " van dit centraal stembureau";
      String en = c.isHsb() ? "not a municipality in kieskring " + c.district() + " of this HSB"
          : "not " + (expectedKind.equals("510c") ? "an HSB" : "a GSB") + " of this CSB";
      throw new CountFileRejected("het bestand komt van " + source + " (" + count.authority().name() + "), " + nl,
          "the file comes from " + source + " (" + count.authority().name() + "), " + en);
    }
    if (count.contests().size() != 1 || count.contests().get(0).total() == null) {
      throw new CountFileRejected("het bestand moet precies één totaaltelling bevatten",
          "the file must contain exactly one contest with a total");
    }
    ContestCount contest = count.contests().get(0);
    Integer expectedContest = c.isHsb() ? Integer.valueOf(c.district())
        : expectedKind.equals("510c") ? Integer.valueOf(source.substring(3)) : null;
    Integer contestNumber = contestNumber(contest.contestId());
    if (expectedContest != null && contestNumber != null && !contestNumber.equals(expectedContest)) {
      // The 510b of a TK/EP/PS2 municipality and the 510c of an HSB count one kieskring: its number is the contest.
      throw new CountFileRejected("het bestand telt kieskring " + contest.contestId() + ", niet kieskring "
          + expectedContest, "the file counts kieskring " + contest.contestId() + ", not kieskring " + expectedContest);
    }
    Optional<ResultsShape> sourceShape = sourceShape(c, source);
    if (sourceShape.isEmpty()) {
      throw new CountFileRejected("bevestig eerst de kandidatenlijsten (230b) van kieskring " + expectedContest
          + " op de pagina van de kieskringen", "confirm the candidate lists (230b) of kieskring " + expectedContest
          + " on the kieskringen page first");
    }
    GsbResults results;
    try {
      results = GsbTotals.fromCount(contest.total(), sourceShape.get());
      sourceShape.get().requireConforms(results);
    } catch (GsbTotals.Mismatch | InvalidResultsException ex) {
      throw new CountFileRejected("het bestand past niet bij de kandidatenlijsten: " + ex.getMessage(),
          "the file does not fit the candidate lists: " + ex.getMessage());
    }
    Replacement replacement = replacement(c, source, count, creation);
    Fingerprint fingerprint = Fingerprint.of(bytes);
    // The hidden groups are drawn now with SecureRandom, never derived from the file (product.md §4).
    return new PendingImport(source, name, bytes.clone(), results, fingerprint.challenge(), fingerprint.toString(),
        kind.id(), replacement == null ? null : replacement.replaces(),
        replacement == null ? null : replacement.investigationId());
  }

  /** A corrected file's place: the held file it replaces and the order it answers. */
  private record Replacement(String replaces, long investigationId) {}

  /**
   * Whether a file for a source whose totals are already (being) entered may replace what is held: only under an
   * open investigation order, only over a held count file, and only when {@link CorrigendumIntake} accepts it (a
   * later phase, kr:Initial* equal to the held figures, changes only at the ordered polling stations). Null for a
   * source with nothing entered: that is a first import.
   */
  private Replacement replacement(Csb c, String source, Count count, String creation) {
    DataEntryState state = repo.entry(c.committeeId(), source, shape(c, source)).state();
    Optional<CsbRepository.StoredFile> held = repo.countFile(c.committeeId(), source);
    if (state instanceof DataEntryState.Empty && held.isEmpty()) {
      return null;
    }
    Optional<CsbInvestigationService.Order> order = investigations.open(c.committeeId(), source);
    if (order.isEmpty()) {
      throw new CountFileRejected("de totalen van " + source + " zijn al ingelezen of ingevoerd; een nieuw"
          + " telbestand wordt alleen aangenomen als er een onderzoek bij dit stembureau is gelast",
          "the totals of " + source + " are already imported or entered; a new count file is accepted only under"
              + " an investigation ordered at this committee");
    }
    if (held.isEmpty()) {
      throw new CountFileRejected("de totalen van " + source + " zijn met de hand ingevoerd, er is geen telbestand"
          + " om te vervangen: verwijder eerst de invoer", "the totals of " + source + " were typed, there is no"
          + " count file to replace: discard the entries first");
    }
    HeldFile h = heldFile(held.get());
    CorrigendumIntake.Check check = CorrigendumIntake.check(h.count(), h.creation(), count, creation,
        java.util.Set.copyOf(order.get().stations()));
    if (check.refusal().isPresent()) {
      CorrigendumIntake.Refusal r = check.refusal().get();
      throw new CountFileRejected(r.dutch(), r.english() + " [" + r.code() + "]");
    }
    return new Replacement(held.get().fingerprint(), order.get().id());
  }

  /** The held count file read back: its count and kr:CreationDateTime as written. */
  private record HeldFile(Count count, String creation) {}

  private static HeldFile heldFile(CsbRepository.StoredFile f) {
    var doc = EmlReader.readCount(new ByteArrayInputStream(f.content()), f.fileName(), ReadOptions.none());
    return new HeldFile(doc.count(), doc.header().creationDateTime());
  }

  /** The polling-station numbers of the count file held for a source, or empty when no file is held. */
  Optional<java.util.Set<Integer>> heldStations(Csb c, String source) {
    return repo.countFile(c.committeeId(), source).map(f -> {
      java.util.Set<Integer> out = new java.util.TreeSet<>();
      for (var u : heldFile(f).count().contests().get(0).units()) {
        Integer n = CorrigendumIntake.stationNumber(u.id());
        if (n != null) {
          out.add(n);
        }
      }
      return out;
    });
  }

  /** The kieskring number of a contest id: digits, or Roman numerals (PS2023 Limburg); null for "geen"/"alle". */
  static Integer contestNumber(String contestId) {
    if (contestId.matches("\\d{1,3}")) {
      return Integer.valueOf(contestId);
    }
    if (!contestId.matches("[IVXLC]{1,8}")) {
      return null;
    }
    int total = 0;
    int previous = 0;
    for (int i = contestId.length() - 1; i >= 0; i--) {
      int v = "IVXLC".indexOf(contestId.charAt(i));
      int value = new int[] {1, 5, 10, 50, 100}[v];
      total += value < previous ? -value : value;
      previous = Math.max(previous, value);
    }
    return total;
  }

  private static String describe(EmlException e, boolean dutch) {
    return (dutch ? e.dutchMessage() : e.englishMessage()) + " (" + e.fileName() + ", line " + e.line() + ", "
        + e.path() + ", " + e.rule().code() + ")";
  }

  /** Audits a refused file; nothing of it is stored. */
  @Transactional
  public void recordRejection(Csb c, String fileName, String reason, Actor actor) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("file", fileName == null ? "" : fileName);
    details.put("reason", reason);
    audit.record(c.kind() + "_COUNT_FILE_REJECTED", AuditLevel.WARNING, actor, details);
  }

  /**
   * Checks the two groups typed from the paper PV; on success the file's totals become the first entry of its GSB
   * and the file is kept byte for byte. A wrong group, an entry already started, or a finalised result refuses it.
   */
  @Transactional
  public ImportOutcome confirmImport(Csb c, PendingImport p, String typedFirst, String typedSecond, UserId user,
      Actor actor) {
    airGap.requireIsolated();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("gsb", p.source());
    details.put("file", p.fileName());
    details.put("fingerprint", p.fingerprint());
    if (!p.challenge().verify(typedFirst, typedSecond)) {
      details.put("reason", "fingerprint groups typed from paper do not match");
      audit.record(c.kind() + "_COUNT_FILE_REJECTED", AuditLevel.WARNING, actor, details);
      return ImportOutcome.FINGERPRINT_MISMATCH;
    }
    if (finalised(c)) {
      details.put("reason", "the result is finalised");
      audit.record(c.kind() + "_COUNT_FILE_REJECTED", AuditLevel.WARNING, actor, details);
      return ImportOutcome.FINALISED;
    }
    ResultsShape shape = shape(c, p.source());
    CsbRepository.StoredEntry stored = repo.entry(c.committeeId(), p.source(), shape);
    Instant now = Instant.now(clock);
    Optional<CsbInvestigationService.Order> order = investigations.open(c.committeeId(), p.source());
    if (p.replacement()) {
      return confirmReplacement(c, p, stored, order, shape, user, actor, now, details);
    }
    DataEntryOutcome o = doubleEntry(shape).importDigitalEntry(stored.state(), user, p.results(), now);
    if (!(o instanceof Accepted a)) {
      details.put("reason", "the totals of this GSB are already being entered (" + stored.state().status() + ")");
      audit.record(c.kind() + "_COUNT_FILE_REJECTED", AuditLevel.WARNING, actor, details);
      return ImportOutcome.ALREADY_ENTERED;
    }
    if (!repo.storeEntry(c.committeeId(), p.source(), a.state(), stored.version(), now)) {
      throw new ConcurrentChangeException();
    }
    repo.storeCountFile(c.committeeId(), p.source(), p.fileKind(), p.fileName(), p.fingerprint(), p.bytes(), user.value(),
        now);
    if (order.isPresent()) {
      // A first file under an open order (the earlier one was discarded) answers it: definitive closes the order.
      investigations.setReplacement(order.get().id(), p.fingerprint());
      details.put("investigation", order.get().id());
    }
    details.put("to", a.state().status().name());
    audit.record(c.kind() + "_COUNT_FILE_IMPORTED", AuditLevel.INFO, actor, details);
    return ImportOutcome.IMPORTED;
  }

  /**
   * Takes in a corrected file under its open order: the held file moves to the history, the corrected file is held
   * and becomes the new first entry (whatever was entered from the old file is set aside, its state audited), so a
   * typist re-keys the paper Na 14-2 / P 2a as the second entry. Refused when the held file or the order changed
   * since the file was read (another coordinator acted in between).
   */
  private ImportOutcome confirmReplacement(Csb c, PendingImport p, CsbRepository.StoredEntry stored,
      Optional<CsbInvestigationService.Order> order, ResultsShape shape, UserId user, Actor actor, Instant now,
      Map<String, Object> details) {
    Optional<CsbRepository.StoredFile> held = repo.countFile(c.committeeId(), p.source());
    if (held.isEmpty() || !held.get().fingerprint().equals(p.replaces()) || order.isEmpty()
        || order.get().id() != p.investigationId()) {
      details.put("reason", "the held count file or the investigation order changed since the file was read");
      audit.record(c.kind() + "_COUNT_FILE_REJECTED", AuditLevel.WARNING, actor, details);
      return ImportOutcome.ALREADY_ENTERED;
    }
    DataEntryOutcome o = doubleEntry(shape).importDigitalEntry(new DataEntryState.Empty(), user, p.results(), now);
    if (!(o instanceof Accepted a)) {
      throw new IllegalStateException("an imported entry always starts from Empty: " + o);
    }
    if (!repo.storeEntry(c.committeeId(), p.source(), a.state(), stored.version(), now)) {
      throw new ConcurrentChangeException();
    }
    investigations.archiveCountFile(c.committeeId(), p.source(), p.fingerprint(), order.get().id(), now);
    repo.storeCountFile(c.committeeId(), p.source(), p.fileKind(), p.fileName(), p.fingerprint(), p.bytes(),
        user.value(), now);
    investigations.setReplacement(order.get().id(), p.fingerprint());
    details.put("investigation", order.get().id());
    details.put("replaces", p.replaces());
    details.put("from", stored.state().status().name());
    details.put("to", a.state().status().name());
    audit.record(c.kind() + "_COUNT_FILE_REPLACED", AuditLevel.WARNING, actor, details);
    return ImportOutcome.REPLACED;
  }

  /** Closes the source's open order once the corrected file taken in under it has become definitive. */
  private void closeAnsweredOrder(Csb c, String source, Actor actor, Instant now) {
    Optional<CsbInvestigationService.Order> order = investigations.open(c.committeeId(), source);
    Optional<CsbRepository.StoredFile> file = repo.countFile(c.committeeId(), source);
    if (order.isEmpty() || file.isEmpty() || order.get().replacementFingerprint() == null
        || !order.get().replacementFingerprint().equals(file.get().fingerprint())) {
      return;
    }
    investigations.close(order.get().id(), CsbInvestigationService.Outcome.CLOSED, now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("gsb", source);
    details.put("investigation", order.get().id());
    details.put("fingerprint", file.get().fingerprint());
    audit.record(c.kind() + "_INVESTIGATION_CLOSED", AuditLevel.INFO, actor, details);
  }

  // ---------------------------------------------------------------- typed entries and resolution

  DoubleEntry doubleEntry(ResultsShape shape) {
    return new DoubleEntry(ValidationContext.withDefaults(shape), shape.emptyResults(ModelVariant.GSB_TOTALS));
  }

  public Optional<TypistView> typistView(Csb c, String source, EntryNumber n, UserId user) {
    ResultsShape shape = shape(c, source);
    return doubleEntry(shape).typistView(repo.entry(c.committeeId(), source, shape).state(), n, user);
  }

  @Transactional
  public Step claim(Csb c, String source, EntryNumber n, UserId user, Actor actor) {
    return apply(c, source, n, actor, null, (de, state, now) -> de.claim(state, n, user, now));
  }

  /** Saves the typed values (every field of the form, in paper order) and finishes the entry. */
  @Transactional
  public Step submit(Csb c, String source, EntryNumber n, UserId user, List<Integer> values, Actor actor) {
    return apply(c, source, n, actor, null, (de, state, now) -> {
      ResultsModel results;
      try {
        List<FieldValue> fv = new ArrayList<>();
        values.forEach(v -> fv.add(new FieldValue.Count(v)));
        results = shape(c, source).emptyResults(ModelVariant.GSB_TOTALS).withValues(fv);
        results = withRowsOfFirstEntry(state, results);
      } catch (InvalidResultsException e) {
        return new DataEntryOutcome.Refused(nl.uitslag.domain.dataentry.Refusal.INVALID_RESULTS, e.getMessage());
      }
      DataEntryOutcome saved = de.save(state, n, user, results, 100, "", now);
      if (!(saved instanceof Accepted a)) {
        return saved;
      }
      return de.finalise(a.state(), n, user, now);
    });
  }

  /**
   * A typed second entry takes the count-file rows of the first entry (explanations of differences, whether A and
   * D are recorded): the totals form does not key them, so they come from the file and the two entries compare
   * on the keyed fields only.
   */
  private static ResultsModel withRowsOfFirstEntry(DataEntryState state, ResultsModel typed) {
    ResultsModel first = state instanceof DataEntryState.SecondEntryInProgress s ? s.first().results()
        : state instanceof DataEntryState.SecondEntryCorrection s ? s.keptFirst().results() : null;
    if (first instanceof GsbResults f && typed instanceof GsbResults t) {
      return t.withRows(f.rows());
    }
    return typed;
  }

  @Transactional
  public Step discard(Csb c, String source, EntryNumber n, UserId user, Actor actor) {
    return apply(c, source, n, actor, null, (de, state, now) -> de.discard(state, n, user, now));
  }

  @Transactional
  public Step resolveDifferences(Csb c, String source, DifferenceResolution r, UserId user, Actor actor) {
    return apply(c, source, null, actor, r.name(), (de, state, now) -> de.resolveDifferences(state, r, user, now));
  }

  @Transactional
  public Step resolveErrors(Csb c, String source, ErrorResolution r, UserId user, Actor actor) {
    return apply(c, source, null, actor, r.name(), (de, state, now) -> de.resolveErrors(state, r, user, now));
  }

  private interface Operation {
    DataEntryOutcome apply(DoubleEntry de, DataEntryState state, Instant now);
  }

  private Step apply(Csb c, String source, EntryNumber n, Actor actor, String resolution, Operation op) {
    airGap.requireIsolated();
    source(c, source);
    if (finalised(c)) {
      return Step.refused("FINALISED", "the result is finalised; reopen it first");
    }
    ResultsShape shape = shape(c, source);
    Instant now = Instant.now(clock);
    CsbRepository.StoredEntry stored = repo.entry(c.committeeId(), source, shape);
    Step step = Step.of(op.apply(doubleEntry(shape), stored.state(), now));
    if (step.outcome() instanceof Accepted a) {
      if (!a.state().equals(stored.state())
          && !repo.storeEntry(c.committeeId(), source, a.state(), stored.version(), now)) {
        throw new ConcurrentChangeException();
      }
      if (a.state() instanceof DataEntryState.Empty) {
        // The imported file was discarded with its entry: a new file or a typed first entry starts over.
        repo.deleteCountFile(c.committeeId(), source);
      }
      if (a.state() instanceof DataEntryState.Definitive) {
        closeAnsweredOrder(c, source, actor, now);
      }
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("committee", c.committeeId());
      details.put("gsb", source);
      if (n != null) {
        details.put("entry", n.number());
      }
      if (resolution != null) {
        details.put("resolution", resolution);
      }
      details.put("from", stored.state().status().name());
      details.put("to", a.state().status().name());
      audit.record(c.kind() + "_ENTRY_" + a.event().name(), AuditLevel.INFO, actor, details);
    }
    return step;
  }
}

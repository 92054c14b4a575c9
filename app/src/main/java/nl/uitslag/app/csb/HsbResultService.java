package nl.uitslag.app.csb;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.audit.AuditLevel;
import nl.uitslag.app.audit.AuditLog;
import nl.uitslag.app.csb.CsbRepository.StoredFile;
import nl.uitslag.app.csb.CsbResultService.DocumentKind;
import nl.uitslag.app.csb.CsbResultService.FinaliseOutcome;
import nl.uitslag.app.csb.CsbService.Csb;
import nl.uitslag.app.csb.CsbService.Source;
import nl.uitslag.app.election.ElectionRepository;
import nl.uitslag.app.election.ElectionRepository.ElectionView;
import nl.uitslag.app.election.ElectionRepository.ListView;
import nl.uitslag.app.election.ElectionRepository.RegionView;
import nl.uitslag.documents.pdf.CountFile;
import nl.uitslag.documents.pdf.HsbReport;
import nl.uitslag.documents.pdf.HsbReportRenderer;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.election.ElectionCategory;
import nl.uitslag.domain.election.ElectionDomain;
import nl.uitslag.domain.election.ElectionIdentifier;
import nl.uitslag.domain.election.ManagingAuthority;
import nl.uitslag.domain.fingerprint.Fingerprint;
import nl.uitslag.domain.results.Explanation;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.ListVotes;
import nl.uitslag.eml.EmlKind;
import nl.uitslag.eml.EmlWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hoofdstembureau's result (product.md §2 flow 4): when the totals of every municipality of the kieskring are
 * definitive, the totals of the kieskring are their sum, and finalising stores the count file 510c (the kieskring
 * total and every municipality as a reporting unit, like the real TK2021 510c) and the PV O 7 that prints the
 * 510c's fingerprint on every page. Reopening removes both ({@link CsbResultService#reopen}).
 */
@Service
public class HsbResultService {
  private final CsbService intake;
  private final CsbRepository repo;
  private final ElectionRepository elections;
  private final AuditLog audit;
  private final Clock clock;
  private final HsbReportRenderer renderer = new HsbReportRenderer();

  public HsbResultService(CsbService intake, CsbRepository repo, ElectionRepository elections, AuditLog audit,
      Clock clock) {
    this.intake = intake;
    this.repo = repo;
    this.elections = elections;
    this.audit = audit;
    this.clock = clock;
  }

  /** One municipality's definitive totals as the HSB took them in. */
  public record MunicipalityTotals(String code, String name, GsbResults totals) {}

  /**
   * What the HSB's result screen shows: whether every municipality is definitive, their totals, the kieskring
   * total (null until complete) and the stored documents (none until finalised).
   */
  public record DistrictView(int district, String districtName, boolean totalsComplete,
      List<MunicipalityTotals> municipalities, GsbResults total, Map<Integer, String> lists,
      List<StoredFile> documents) {
    public boolean finalised() {
      return !documents.isEmpty();
    }
  }

  /** The kieskring's name in the election tree, or the committee's name for a tree without it. */
  String districtName(Csb c) {
    int n = c.district();
    for (RegionView r : elections.regions(c.election().id())) {
      if (r.category().equals("KIESKRING") && r.number() != null && r.number() == n) {
        return r.name();
      }
    }
    return c.name();
  }

  public DistrictView view(Csb c) {
    requireHsb(c);
    Map<Integer, String> lists = new LinkedHashMap<>();
    elections.lists(c.election().id()).forEach(l -> lists.put(l.number(), l.name()));
    List<MunicipalityTotals> rows = new ArrayList<>();
    Optional<Map<String, GsbResults>> totals = intake.definitiveTotals(c);
    if (totals.isPresent()) {
      for (Source s : intake.sources(c)) {
        rows.add(new MunicipalityTotals(s.id(), s.name(), totals.get().get(s.id())));
      }
    }
    GsbResults total = rows.isEmpty() ? null
        : GsbTotals.sum(rows.stream().map(MunicipalityTotals::totals).toList());
    return new DistrictView(c.district(), districtName(c), totals.isPresent() && !rows.isEmpty(), rows, total,
        lists, repo.documents(c.committeeId()));
  }

  /**
   * Finalises the kieskring: only with every municipality definitive. Generates the 510c and the O 7 from one
   * creation time, so the PV prints the fingerprint of the 510c it belongs to, and stores both.
   */
  @Transactional
  public FinaliseOutcome finalise(Csb c, long userId, Actor actor) {
    requireHsb(c);
    if (intake.finalised(c)) {
      return FinaliseOutcome.ALREADY_FINALISED;
    }
    DistrictView v = view(c);
    if (!v.totalsComplete()) {
      return FinaliseOutcome.TOTALS_NOT_DEFINITIVE;
    }
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    Documents d = documents(c, v, LocalDateTime.ofInstant(now, CsbResultService.DUTCH_TIME));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("committee", c.committeeId());
    details.put("district", v.district());
    store(c, DocumentKind.EML_510C, d.baseName(), d.count510c(), userId, now, details);
    store(c, DocumentKind.O7, d.baseName(), d.pv(), userId, now, details);
    details.put("municipalities", v.municipalities().size());
    audit.record("HSB_RESULT_FINALISED", AuditLevel.INFO, actor, details);
    return FinaliseOutcome.FINALISED;
  }

  private void store(Csb c, DocumentKind kind, String baseName, byte[] bytes, long userId, Instant now,
      Map<String, Object> details) {
    String fp = Fingerprint.of(bytes).toString();
    repo.storeDocument(c.committeeId(), kind.name(), kind.fileName(baseName), kind.mediaType(), fp, bytes, userId,
        now);
    details.put(kind.name(), fp);
  }

  /** The 510c and the O 7 of a kieskring, generated together; baseName is e.g. "TK2021_kieskring_Lelystad". */
  record Documents(String baseName, byte[] count510c, byte[] pv) {}

  Documents documents(Csb c, DistrictView v, LocalDateTime created) {
    ElectionView e = c.election();
    String baseName = e.identifier() + "_kieskring_" + v.districtName().replaceAll("[^\\p{L}\\p{N}-]+", "_");
    byte[] count510c = EmlWriter.writeCount(EmlKind.E510C, count510c(c, v), created);
    HsbReport report = report(c, v, new CountFile(DocumentKind.EML_510C.fileName(baseName),
        Fingerprint.of(count510c)), created);
    return new Documents(baseName, count510c, renderer.districtReport(report));
  }

  /**
   * The 510c as the real TK2021 files have it: ManagingAuthority HSB&lt;n&gt; with the kieskring's name, one contest
   * numbered as the kieskring with its total, then a reporting unit "HSB&lt;n&gt;::&lt;municipality code&gt;" per
   * municipality in the order of the election tree.
   */
  Count count510c(Csb c, DistrictView v) {
    ElectionView e = c.election();
    List<ReportingUnitCount> units = new ArrayList<>();
    for (MunicipalityTotals m : v.municipalities()) {
      units.add(new ReportingUnitCount(c.managingAuthority() + "::" + m.code(), m.name(), null, null,
          GsbTotals.toCount(m.totals(), v.lists()), List.of()));
    }
    return new Count(identifier(e), new ManagingAuthority(c.managingAuthority(), v.districtName()), null, null,
        List.of(new ContestCount(Integer.toString(v.district()), v.districtName(),
            GsbTotals.toCount(v.total(), v.lists()), units)));
  }

  /** The election as the files name it; TK, EP and EK have no domain (stored as the election's own name). */
  static ElectionIdentifier identifier(ElectionView e) {
    boolean noDomain = e.domainId().isEmpty() && e.domainName().equals(e.name());
    ElectionDomain domain = noDomain ? null
        : new ElectionDomain(e.domainId().isEmpty() ? null : e.domainId(), e.domainName());
    return new ElectionIdentifier(e.identifier(), e.name(), ElectionCategory.valueOf(e.category()), e.subcategory(),
        domain, e.electionDate(), null);
  }

  HsbReport report(Csb c, DistrictView v, CountFile file, LocalDateTime created) {
    ElectionView e = c.election();
    // The explanation rows any municipality's file carries (the kieskring total has exactly those), schema order.
    List<Explanation> explained = List.copyOf(v.total().rows().explanations().keySet());
    List<HsbReport.TotalsRow> rows = new ArrayList<>();
    for (MunicipalityTotals m : v.municipalities()) {
      rows.add(row(m.code(), m.name(), m.totals(), explained));
    }
    List<HsbReport.ListTotal> lists = new ArrayList<>();
    for (ListView l : elections.lists(e.id())) {
      ListVotes page = v.total().lists().stream().filter(p -> p.listNumber() == l.number()).findFirst()
          .orElseThrow();
      List<HsbReport.CandidateTotal> candidates = new ArrayList<>();
      for (int i = 0; i < l.candidates().size(); i++) {
        candidates.add(new HsbReport.CandidateTotal(l.candidates().get(i).position(),
            l.candidates().get(i).displayName(), page.candidateVotes().get(i)));
      }
      lists.add(new HsbReport.ListTotal(l.number(), l.name(), page.total(), candidates));
    }
    return new HsbReport("O 7", e.name(), e.electionDate(), v.districtName(), v.district(), rows,
        row(c.managingAuthority(), "Totaal kieskring " + v.districtName(), v.total(), explained), lists, file,
        created.atZone(CsbResultService.DUTCH_TIME), explained.stream().map(x -> GsbTotals.reason(x).code()).toList());
  }

  private static HsbReport.TotalsRow row(String code, String name, GsbResults r, List<Explanation> explained) {
    List<Long> listVotes = new ArrayList<>();
    r.lists().forEach(l -> listVotes.add((long) l.total()));
    List<Long> explanations = new ArrayList<>();
    explained.forEach(x -> explanations.add((long) r.rows().explanations().getOrDefault(x, 0)));
    return new HsbReport.TotalsRow(code, name, r.eligibleVoters(),
        r.rows().admittedVotersRecorded() ? Long.valueOf(r.voters().totalAdmittedVoters()) : null,
        r.votes().totalVotesCandidates(), r.votes().blankVotes(), r.votes().invalidVotes(), r.votes().totalVotesCast(),
        listVotes, explanations);
  }

  private static void requireHsb(Csb c) {
    if (!c.isHsb()) {
      throw new IllegalArgumentException("only a hoofdstembureau adds up a kieskring");
    }
  }
}

package nl.uitslag.app.csb;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.uitslag.app.csb.CsbDistrictService.DistrictInfo;
import nl.uitslag.app.csb.CsbRepository.StoredFile;
import nl.uitslag.app.csb.CsbResultService.CandidateInfo;
import nl.uitslag.app.csb.CsbResultService.ResultView;
import nl.uitslag.app.csb.CsbService.Csb;
import nl.uitslag.app.election.ElectionRepository.ElectionView;
import nl.uitslag.documents.pdf.CountFile;
import nl.uitslag.documents.pdf.CsbMultiReportRenderer;
import nl.uitslag.documents.pdf.CsbMultiResultReport;
import nl.uitslag.documents.pdf.CsbResultReport;
import nl.uitslag.domain.apportionment.Apportionment;
import nl.uitslag.domain.apportionment.ApportionmentInput;
import nl.uitslag.domain.apportionment.ApportionmentInputBuilder;
import nl.uitslag.domain.apportionment.ApportionmentInputBuilder.Built;
import nl.uitslag.domain.apportionment.ApportionmentInputBuilder.DistrictCount;
import nl.uitslag.domain.apportionment.ApportionmentInputException;
import nl.uitslag.domain.apportionment.ApportionmentOutcome;
import nl.uitslag.domain.apportionment.ApportionmentResult;
import nl.uitslag.domain.apportionment.ElectionType;
import nl.uitslag.domain.apportionment.ListResult;
import nl.uitslag.domain.apportionment.Step;
import nl.uitslag.domain.apportionment.StepKind;
import nl.uitslag.domain.apportionment.Warning;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.ContestResult;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.ElectedCandidate;
import nl.uitslag.domain.count.ElectedList;
import nl.uitslag.domain.count.ElectionResult;
import nl.uitslag.domain.count.ListVotes;
import nl.uitslag.domain.count.RejectedReason;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.ResultEntry;
import nl.uitslag.domain.count.UncountedReason;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.domain.election.Candidate;
import nl.uitslag.domain.election.ContestLists;
import nl.uitslag.domain.election.ElectionCategory;
import nl.uitslag.domain.election.ElectionDomain;
import nl.uitslag.domain.election.ElectionIdentifier;
import nl.uitslag.domain.election.ManagingAuthority;
import nl.uitslag.domain.fingerprint.Fingerprint;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.ResultsShape;
import nl.uitslag.eml.EmlKind;
import nl.uitslag.eml.EmlWriter;
import org.springframework.stereotype.Component;

/**
 * The result of a centraal stembureau over several kieskringen (TK, EP, PS2) or voting bodies (EK): from the
 * definitive totals of every kieskring, its candidate lists and (EK) its stemwaarde, the apportionment input is
 * built by the same {@link ApportionmentInputBuilder} the independent verifier uses; the documents are the P 22-1 or
 * U 16, the 510d (one reporting unit per kieskring and the total) and the 520.
 */
@Component
class CsbMultiResult {
  private final CsbDistrictService districts;
  private final DistrictTotals totals;
  private final CsbMultiReportRenderer renderer = new CsbMultiReportRenderer();

  CsbMultiResult(CsbDistrictService districts, DistrictTotals totals) {
    this.districts = districts;
    this.totals = totals;
  }

  /** Everything computed for the screen, and kept for the documents. {@code counts} is empty without totals. */
  record State(ResultView view, List<DistrictInfo> districts, Map<Integer, VoteCounts> counts, Built built) {}

  State state(Csb c, List<String> lots, List<StoredFile> docs) {
    List<String> deceased = districts.deceased(c);
    boolean finalised = !docs.isEmpty();
    List<DistrictInfo> ds = districts.districts(c);
    Map<Integer, ContestLists> lists = districts.lists(c);
    Map<Integer, String> listNames = new TreeMap<>();
    lists.values().forEach(cl -> cl.lists().forEach(l -> listNames.putIfAbsent(l.number(), l.appellation())));
    String missing = missing(c, ds, lists);
    if (missing != null) {
      return new State(new ResultView(false, null, missing, lots, deceased, finalised, Map.of(), listNames, Map.of(),
          docs, true), ds, Map.of(), null);
    }
    Map<Integer, ResultsShape> shapes = districts.shapes(c);
    Optional<Map<Integer, GsbResults>> definitive = totals.definitive(c, shapes);
    if (definitive.isEmpty()) {
      return new State(new ResultView(false, null, null, lots, deceased, finalised, Map.of(), listNames, Map.of(),
          docs, true), ds, Map.of(), null);
    }
    Map<Integer, VoteCounts> counts = new LinkedHashMap<>();
    List<DistrictCount> input = new ArrayList<>();
    for (DistrictInfo d : ds) {
      Map<Integer, String> names = new LinkedHashMap<>();
      lists.get(d.number()).lists().forEach(l -> names.put(l.number(), l.appellation()));
      VoteCounts v = GsbTotals.toCount(definitive.get().get(d.number()), names);
      counts.put(d.number(), v);
      input.add(new DistrictCount(d.number(), weight(c, d), lists.get(d.number()), v));
    }
    ElectionView e = c.election();
    ElectionType type = ElectionType.fromSubcategory(e.subcategory());
    Built built = ApportionmentInputBuilder.build(type, e.numberOfSeats(), OptionalInt.empty(), input);
    Map<String, CandidateInfo> candidates = candidates(built);
    Map<Integer, Long> listVotes = listVotes(built.input());
    try {
      ApportionmentOutcome outcome = Apportionment.apportion(built.input().withDeceased(Set.copyOf(deceased))
          .withLots(lots));
      return new State(new ResultView(true, outcome, null, lots, deceased, finalised, candidates, listNames,
          listVotes, docs, true), ds, counts, built);
    } catch (ApportionmentInputException ex) {
      return new State(new ResultView(true, null, ex.getMessage(), lots, deceased, finalised, candidates, listNames,
          listVotes, docs, true), ds, counts, built);
    }
  }

  /** Why the result cannot be computed yet apart from the totals: no kieskringen, lists or (EK) stemwaarde. */
  private static String missing(Csb c, List<DistrictInfo> ds, Map<Integer, ContestLists> lists) {
    if (ds.isEmpty()) {
      return CsbDistrictService.weighted(c)
          ? "no voting body has been entered yet: enter the stemwaarde of every province and kiescollege (Kieswet U 2)"
          : "no candidate lists per kieskring have been imported yet";
    }
    for (DistrictInfo d : ds) {
      if (!lists.containsKey(d.number())) {
        return "kieskring " + d.number() + " has no candidate lists (230b)";
      }
      if (CsbDistrictService.weighted(c) && d.voteWeight() == null) {
        return "voting body " + d.number() + " has no stemwaarde (Kieswet U 2)";
      }
    }
    return null;
  }

  private static long weight(Csb c, DistrictInfo d) {
    return CsbDistrictService.weighted(c) ? d.voteWeight() : 1;
  }

  /** Every person once, with his votes over all lists of his group together (weighted for the EK, U 3). */
  private static Map<String, CandidateInfo> candidates(Built built) {
    Map<String, Long> votes = new LinkedHashMap<>();
    Map<Integer, Long> weights = new LinkedHashMap<>();
    built.input().districts().forEach(d -> weights.put(d.number(), d.voteWeight()));
    for (ApportionmentInput.CandidateList l : built.input().lists()) {
      for (ApportionmentInput.SubList s : l.sublists()) {
        s.votes().forEach((d, vc) -> {
          for (int i = 0; i < s.candidates().size(); i++) {
            votes.merge(s.candidates().get(i), vc.get(i) * weights.get(d), Long::sum);
          }
        });
      }
    }
    Map<String, CandidateInfo> out = new LinkedHashMap<>();
    built.people().forEach((id, cand) -> out.put(id, new CandidateInfo(id, Integer.parseInt(id.substring(0,
        id.indexOf('.'))), cand.position(), cand.name(), cand.locality(), cand.gender(), votes.getOrDefault(id, 0L))));
    return out;
  }

  /** The stemcijfer of every list (a lijstengroep's summed, P 12; weighted for the EK, U 3). */
  private static Map<Integer, Long> listVotes(ApportionmentInput in) {
    Map<Integer, Long> weights = new LinkedHashMap<>();
    in.districts().forEach(d -> weights.put(d.number(), d.voteWeight()));
    Map<Integer, Long> out = new LinkedHashMap<>();
    for (ApportionmentInput.CandidateList l : in.lists()) {
      long sum = 0;
      for (ApportionmentInput.SubList s : l.sublists()) {
        for (Map.Entry<Integer, nl.uitslag.domain.apportionment.VoteCounts> e : s.votes().entrySet()) {
          for (long x : e.getValue().toArray()) {
            sum += x * weights.get(e.getKey());
          }
        }
      }
      out.put(l.number(), sum);
    }
    return out;
  }

  // ---------------------------------------------------------------- documents

  /** Which PV: U 16 for the Eerste Kamer, P 22-1 for the others. */
  static CsbResultService.DocumentKind pvKind(Csb c) {
    return CsbDistrictService.weighted(c) ? CsbResultService.DocumentKind.U16 : CsbResultService.DocumentKind.P22_1;
  }

  CsbResultService.Documents documents(Csb c, State s, LocalDateTime created) {
    ElectionView e = c.election();
    ElectionDomain domain = e.domainId() == null || e.domainId().isEmpty() ? null
        : new ElectionDomain(e.domainId(), e.domainName());
    ElectionIdentifier id = new ElectionIdentifier(e.identifier(), e.name(), ElectionCategory.valueOf(e.category()),
        e.subcategory(), domain, e.electionDate(), null);
    ManagingAuthority authority = new ManagingAuthority("CSB", c.name());
    Count count = count510d(c, s, id, authority);
    byte[] count510d = EmlWriter.writeCount(EmlKind.E510D, count, created);
    byte[] result520 = EmlWriter.writeResult(result520(id, authority, s), created);
    CsbMultiResultReport report = report(c, s, new CountFile(CsbResultService.DocumentKind.EML_510D.fileName(
        e.identifier()), Fingerprint.of(count510d)), created.atZone(CsbResultService.DUTCH_TIME));
    return new CsbResultService.Documents(count510d, result520, renderer.resultReport(report));
  }

  /**
   * The 510d: one reporting unit per kieskring ("HSB9", the HSB whose 510c it took in) and their sum as the total
   * of contest "alle", candidates by their position on the kieskring's list. EK: every figure is multiplied by the
   * voting body's stemwaarde, so the file carries the stemcijfers of U 6 (docs/EML.md §3: Selection@Value is not
   * written).
   */
  private static Count count510d(Csb c, State s, ElectionIdentifier id, ManagingAuthority authority) {
    List<ReportingUnitCount> units = new ArrayList<>();
    List<VoteCounts> parts = new ArrayList<>();
    Map<Integer, Integer> shape = new TreeMap<>();
    Map<Integer, String> names = new TreeMap<>();
    for (VoteCounts v : s.counts().values()) {
      for (ListVotes l : v.lists()) {
        names.putIfAbsent(l.listNumber(), l.appellation());
        l.candidates().forEach(x -> shape.merge(l.listNumber(), x.position(), Math::max));
        shape.putIfAbsent(l.listNumber(), 0);
      }
    }
    for (DistrictInfo d : s.districts()) {
      VoteCounts v = padded(scaled(s.counts().get(d.number()), weight(c, d)), shape, names);
      parts.add(v);
      units.add(new ReportingUnitCount(DistrictTotals.sourceId(d.number()), d.name(), null, null, v, List.of()));
    }
    return new Count(id, authority, null, null, List.of(new ContestCount("alle", null, sum(parts), units)));
  }

  /**
   * The count with every list and candidate position of the total: the EML writer requires every reporting unit to
   * carry the selections of the total (EML-022), so a list or position not nominated in this kieskring is written
   * with 0 votes. The builder ignores a list with 0 votes where the kieskring's 230b does not nominate it.
   */
  static VoteCounts padded(VoteCounts v, Map<Integer, Integer> shape, Map<Integer, String> names) {
    List<ListVotes> lists = new ArrayList<>();
    for (Map.Entry<Integer, Integer> e : shape.entrySet()) {
      ListVotes l = v.list(e.getKey());
      Map<Integer, Long> byPosition = new TreeMap<>();
      if (l != null) {
        l.candidates().forEach(x -> byPosition.put(x.position(), x.votes()));
      }
      List<CandidateVotes> cv = new ArrayList<>();
      for (int p = 1; p <= e.getValue(); p++) {
        cv.add(new CandidateVotes(p, byPosition.getOrDefault(p, 0L)));
      }
      lists.add(new ListVotes(e.getKey(), l == null ? names.getOrDefault(e.getKey(), "") : l.appellation(),
          l == null ? 0 : l.votes(), null, cv));
    }
    return new VoteCounts(lists, v.eligibleVoters(), null, v.totalCounted(), null, v.rejected(), Map.of(),
        v.uncounted(), Map.of());
  }

  /** Every figure times the stemwaarde (Kieswet U 3); the counts themselves for weight 1. */
  static VoteCounts scaled(VoteCounts v, long weight) {
    if (weight == 1) {
      return v;
    }
    List<ListVotes> lists = new ArrayList<>();
    for (ListVotes l : v.lists()) {
      List<CandidateVotes> cv = new ArrayList<>();
      l.candidates().forEach(x -> cv.add(new CandidateVotes(x.position(), x.shortCode(),
          Math.multiplyExact(x.votes(), weight), null)));
      lists.add(new ListVotes(l.listNumber(), l.appellation(), Math.multiplyExact(l.votes(), weight), null, cv));
    }
    Map<RejectedReason, Long> rejected = new EnumMap<>(RejectedReason.class);
    v.rejected().forEach((k, n) -> rejected.put(k, Math.multiplyExact(n, weight)));
    Map<UncountedReason, Long> uncounted = new EnumMap<>(UncountedReason.class);
    v.uncounted().forEach((k, n) -> uncounted.put(k, Math.multiplyExact(n, weight)));
    return new VoteCounts(lists, Math.multiplyExact(v.eligibleVoters(), weight), null,
        Math.multiplyExact(v.totalCounted(), weight), null, rejected, Map.of(), uncounted, Map.of());
  }

  /** The sum of the kieskringen: lists by number, candidates by position on their kieskring's list. */
  static VoteCounts sum(List<VoteCounts> parts) {
    Map<Integer, String> names = new TreeMap<>();
    Map<Integer, Long> lists = new TreeMap<>();
    Map<Integer, TreeMap<Integer, Long>> cands = new TreeMap<>();
    long eligible = 0;
    long counted = 0;
    Map<RejectedReason, Long> rejected = new EnumMap<>(RejectedReason.class);
    Map<UncountedReason, Long> uncounted = new EnumMap<>(UncountedReason.class);
    for (VoteCounts v : parts) {
      eligible += v.eligibleVoters();
      counted += v.totalCounted();
      v.rejected().forEach((k, n) -> rejected.merge(k, n, Long::sum));
      v.uncounted().forEach((k, n) -> uncounted.merge(k, n, Long::sum));
      for (ListVotes l : v.lists()) {
        names.putIfAbsent(l.listNumber(), l.appellation());
        lists.merge(l.listNumber(), l.votes(), Long::sum);
        TreeMap<Integer, Long> m = cands.computeIfAbsent(l.listNumber(), k -> new TreeMap<>());
        l.candidates().forEach(x -> m.merge(x.position(), x.votes(), Long::sum));
      }
    }
    List<ListVotes> out = new ArrayList<>();
    lists.forEach((n, votes) -> {
      List<CandidateVotes> cv = new ArrayList<>();
      cands.get(n).forEach((p, x) -> cv.add(new CandidateVotes(p, x)));
      out.add(new ListVotes(n, names.get(n), votes, null, cv));
    });
    return new VoteCounts(out, eligible, null, counted, null, rejected, Map.of(), uncounted, Map.of());
  }

  /**
   * The 520: per list with seats, in list order, its elected candidates; a lijstengroep's lists one after another,
   * each in its order of election (P 15 – P 17), with the candidate's ShortCode where the 230b gives one.
   */
  static ElectionResult result520(ElectionIdentifier id, ManagingAuthority authority, State s) {
    ResultView v = s.view();
    ApportionmentResult r = v.result();
    List<ResultEntry> entries = new ArrayList<>();
    for (Map.Entry<Integer, Integer> seat : r.seats().entrySet()) {
      int n = seat.getKey();
      List<ListResult> parts = parts(r, n);
      if (parts.stream().allMatch(p -> p.elected().isEmpty())) {
        continue;
      }
      long listVotes = v.listVotes().getOrDefault(n, 0L);
      entries.add(new ElectedList(n, v.lists().getOrDefault(n, ""), listVotes > 0 ? listVotes : null));
      int order = 0;
      for (ListResult lr : parts) {
        for (String cid : lr.elected()) {
          Candidate cand = s.built().people().get(cid);
          CandidateInfo ci = v.candidates().get(cid);
          entries.add(new ElectedCandidate(++order, cand.shortCode() == null || cand.shortCode().isEmpty() ? null
              : cand.shortCode(), cand.name(), cand.gender(), cand.locality(), cand.countryCode(),
              ci.votes() > 0 ? ci.votes() : null, lr.preferenceElected().contains(cid) ? 1 : 2));
        }
      }
    }
    return new ElectionResult(id, authority, List.of(new ContestResult("alle", null, entries)));
  }

  /** The results of list n: itself, or its lists "n.1", "n.2", … when it is a lijstengroep. */
  static List<ListResult> parts(ApportionmentResult r, int n) {
    List<ListResult> out = new ArrayList<>();
    r.lists().forEach((k, lr) -> {
      if (k.equals(String.valueOf(n)) || k.startsWith(n + ".")) {
        out.add(lr);
      }
    });
    return out;
  }

  CsbMultiResultReport report(Csb c, State s, CountFile file, ZonedDateTime created) {
    ElectionView e = c.election();
    ResultView v = s.view();
    ApportionmentResult r = v.result();
    boolean weighted = CsbDistrictService.weighted(c);
    List<Integer> numbers = new ArrayList<>(new TreeSet<>(v.lists().keySet()));
    List<String> titles = new ArrayList<>();
    numbers.forEach(n -> titles.add(title(n, v.lists().get(n))));
    List<CsbMultiResultReport.DistrictRow> rows = new ArrayList<>();
    List<List<Long>> districtVotes = new ArrayList<>();
    for (DistrictInfo d : s.districts()) {
      VoteCounts vc = s.counts().get(d.number());
      long w = weight(c, d);
      CsbMultiResultReport.WeightBasis basis = !weighted || d.weightBasis() == null ? null
          : new CsbMultiResultReport.WeightBasis(d.weightBasis().inhabitants(), d.weightBasis().members(),
              nl.uitslag.domain.apportionment.Stemwaarde.compute(d.weightBasis().inhabitants(),
                  d.weightBasis().members()), d.weightBasis().kind().ruleConfirmed());
      rows.add(new CsbMultiResultReport.DistrictRow(d.number(), d.name(), weighted ? d.voteWeight() : null,
          vc.blank(), vc.invalid(), vc.totalCounted(), Math.multiplyExact(vc.totalCounted(), w), basis));
      List<Long> perList = new ArrayList<>();
      for (int n : numbers) {
        ListVotes lv = vc.list(n);
        perList.add(lv == null ? null : lv.votes());
      }
      districtVotes.add(perList);
    }
    List<CsbResultReport.ListRow> lists = new ArrayList<>();
    for (Map.Entry<Integer, Integer> seat : r.seats().entrySet()) {
      long votes = v.listVotes().getOrDefault(seat.getKey(), 0L);
      int full = r.totalVotes() == 0 ? 0 : (int) Math.min(seat.getValue(),
          Math.multiplyExact(votes, (long) e.numberOfSeats()) / r.totalVotes());
      lists.add(new CsbResultReport.ListRow(seat.getKey(), v.lists().get(seat.getKey()), votes, full,
          seat.getValue() - full, seat.getValue()));
    }
    Map<Integer, Long> weights = new LinkedHashMap<>();
    s.built().input().districts().forEach(d -> weights.put(d.number(), d.voteWeight()));
    List<CsbMultiResultReport.GroupListRow> groups = new ArrayList<>();
    for (ApportionmentInput.CandidateList l : s.built().input().lists()) {
      if (l.sublists().size() < 2) {
        continue;
      }
      for (int k = 0; k < l.sublists().size(); k++) {
        ApportionmentInput.SubList sub = l.sublists().get(k);
        String key = l.number() + "." + (k + 1);
        long votes = 0;
        for (Map.Entry<Integer, nl.uitslag.domain.apportionment.VoteCounts> x : sub.votes().entrySet()) {
          for (long y : x.getValue().toArray()) {
            votes += y * weights.get(x.getKey());
          }
        }
        ListResult lr = r.lists().get(key);
        groups.add(new CsbMultiResultReport.GroupListRow(key, String.join(", ", sub.districts().stream()
            .map(String::valueOf).toList()), votes, lr == null ? 0 : lr.seats()));
      }
    }
    List<CsbResultReport.StepRow> steps = new ArrayList<>();
    for (Step st : r.steps()) {
      String list = st.fromList() == null || st.fromList().isEmpty() ? st.list() : st.fromList() + " → " + st.list();
      steps.add(new CsbResultReport.StepRow(st.number(), st.article(), CsbResultService.dutch(st.kind()), list,
          st.kind() == StepKind.FULL_SEATS || st.kind() == StepKind.GROUP_FULL_SEATS ? ""
              : st.value().toString()));
    }
    List<String> lots = new ArrayList<>();
    v.lots().forEach(l -> lots.add(v.describe(l)));
    List<String> deceased = new ArrayList<>();
    v.deceased().forEach(d -> deceased.add(v.describe(d)));
    List<CsbMultiResultReport.ElectedRow> elected = new ArrayList<>();
    for (ListResult lr : r.lists().values()) {
      int order = 0;
      for (String cid : lr.elected()) {
        CandidateInfo ci = v.candidates().get(cid);
        elected.add(new CsbMultiResultReport.ElectedRow(lr.list(), ++order, ci.displayName(), ci.locality(),
            ci.votes(), lr.preferenceElected().contains(cid)));
      }
    }
    List<String> warnings = new ArrayList<>();
    for (Warning w : r.warnings()) {
      warnings.add(w.code() + " (" + w.article() + "): " + w.message());
    }
    String residual = weighted ? "grootste gemiddelden (Kieswet U 9)" : "grootste gemiddelden (Kieswet P 7)";
    return new CsbMultiResultReport(weighted ? "U 16" : "P 22-1", e.name(), e.electionDate(), c.name(),
        e.numberOfSeats(), rows, titles, districtVotes, r.quota().toString(), r.preferenceThreshold().toString(),
        residual, lists, groups, steps, lots, deceased, elected, warnings, file, created);
  }

  private static String title(int n, String name) {
    return name == null || name.isBlank() ? "Lijst " + n : "Lijst " + n + " – " + name;
  }
}

package nl.uitslag.eml.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.TreeMap;
import nl.uitslag.domain.apportionment.Apportionment;
import nl.uitslag.domain.apportionment.ApportionmentInput;
import nl.uitslag.domain.apportionment.ApportionmentInputBuilder;
import nl.uitslag.domain.apportionment.ApportionmentOutcome;
import nl.uitslag.domain.apportionment.ApportionmentResult;
import nl.uitslag.domain.apportionment.ElectionType;
import nl.uitslag.domain.apportionment.ListResult;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.ContestResult;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.CountingMethod;
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
import nl.uitslag.domain.election.CandidateList;
import nl.uitslag.domain.election.CandidateLists;
import nl.uitslag.domain.election.Committee;
import nl.uitslag.domain.election.ContestLists;
import nl.uitslag.domain.election.ElectionCategory;
import nl.uitslag.domain.election.ElectionDefinition;
import nl.uitslag.domain.election.ElectionIdentifier;
import nl.uitslag.domain.election.ElectionRegion;
import nl.uitslag.domain.election.Gender;
import nl.uitslag.domain.election.ManagingAuthority;
import nl.uitslag.domain.election.PersonName;
import nl.uitslag.eml.EmlKind;
import nl.uitslag.eml.EmlWriter;

/**
 * Writes a {@link WorkedExample} as the EML_NL files of a real election: the 110a with the election tree, one 230b
 * per kieskring with that kieskring's own lists (so a lijstengroep and a candidate on two lists appear as the
 * Kiesraad publishes them), a 510b per municipality whose polling stations together hold exactly the example's
 * votes of that kieskring, a 510c per kieskring, the 510d and the 520 our apportionment computes from those counts.
 * The seed only decides how the votes are spread over municipalities and polling stations; every kieskring always
 * adds up to the example's figures.
 */
public final class WorkedExampleGenerator {
  /** Stations per municipality: a few, so that a browser test can re-key every municipality's totals. */
  private static final int MIN_STATIONS = 2;
  private static final int MAX_STATIONS = 4;

  private final WorkedExample example;
  private final long seed;
  private final Path dir;
  private final ElectionIdentifier election;
  private final ElectionIdentifier electionWithNomination;
  private final LocalDate day;
  private final List<Path> files = new ArrayList<>();
  private long bytes;
  private int stations;

  private WorkedExampleGenerator(WorkedExample example, long seed, Path dir) {
    this.example = example;
    this.seed = seed;
    this.dir = dir;
    LocalDate d = LocalDate.of(example.year(), 3, 15);
    while (d.getDayOfWeek() != DayOfWeek.WEDNESDAY) {
      d = d.plusDays(1);
    }
    this.day = d;
    this.electionWithNomination = new ElectionIdentifier(example.electionId(), "Tweede Kamer der Staten-Generaal "
        + example.year() + " (rekenvoorbeeld " + example.name() + ")", ElectionCategory.fromCode(
        example.subcategory().substring(0, 2)), example.subcategory(), null, day, day.minusDays(44));
    this.election = electionWithNomination.withoutNominationDate();
  }

  /** Writes the example's files into {@code dir} (created if needed) and returns what was written. */
  public static GeneratedSet generate(WorkedExample example, long seed, Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new WorkedExampleGenerator(example, seed, dir).run();
  }

  /** The four-digit code of the m-th municipality over all kieskringen (0-based), as the generator numbers them. */
  public static String municipalityCode(int m) {
    return String.format(Locale.ROOT, "%04d", 14 + 2 * m);
  }

  private GeneratedSet run() {
    definition();
    Map<Integer, ContestLists> lists = new LinkedHashMap<>();
    for (WorkedExample.District d : example.districts()) {
      ContestLists cl = contestLists(d);
      lists.put(d.number(), cl);
      write("Kandidatenlijsten_" + example.electionId() + "_kieskring_" + d.number() + ".eml.xml",
          EmlWriter.writeCandidateLists(new CandidateLists(electionWithNomination, day.minusDays(40), List.of(cl)),
              csb(), day.minusDays(40).atTime(16, 0)));
    }
    Map<Integer, VoteCounts> districtTotals = new LinkedHashMap<>();
    int m = 0;
    for (WorkedExample.District d : example.districts()) {
      int[] perMunicipality = new int[d.municipalities().size()];
      int total = 0;
      for (int i = 0; i < perMunicipality.length; i++) {
        perMunicipality[i] = MIN_STATIONS + random(3, m + i).nextInt(MAX_STATIONS - MIN_STATIONS + 1);
        total += perMunicipality[i];
      }
      Figures[] station = spread(d, total);
      List<ReportingUnitCount> units = new ArrayList<>();
      Figures districtTotal = new Figures(d);
      int s = 0;
      for (int i = 0; i < perMunicipality.length; i++, m++) {
        String code = municipalityCode(m);
        String name = d.municipalities().get(i);
        Figures municipalityTotal = new Figures(d);
        List<ReportingUnitCount> su = new ArrayList<>();
        for (int k = 1; k <= perMunicipality[i]; k++, s++) {
          municipalityTotal.add(station[s]);
          su.add(new ReportingUnitCount(code + "::SB" + k, "Stembureau " + name + " " + k, null, null,
              station[s].toVoteCounts(), List.of()));
        }
        districtTotal.add(municipalityTotal);
        Count c = new Count(election, new ManagingAuthority(code, name), CountingMethod.CENTRAL, null,
            List.of(new ContestCount(String.valueOf(d.number()), d.name(), municipalityTotal.toVoteCounts(), su)));
        write("Telling_" + example.electionId() + "_gemeente_" + code + ".eml.xml",
            EmlWriter.writeCount(EmlKind.E510B, c, created(1, 10)));
        units.add(new ReportingUnitCount("HSB" + d.number() + "::" + code, name, null, null,
            municipalityTotal.toVoteCounts(), List.of()));
        stations += perMunicipality[i];
      }
      VoteCounts kieskring = districtTotal.toVoteCounts();
      districtTotals.put(d.number(), kieskring);
      Count c = new Count(election, new ManagingAuthority("HSB" + d.number(), "Hoofdstembureau " + d.name()), null,
          null, List.of(new ContestCount(String.valueOf(d.number()), d.name(), kieskring, units)));
      write("Telling_" + example.electionId() + "_kieskring_" + d.number() + ".eml.xml",
          EmlWriter.writeCount(EmlKind.E510C, c, created(1, 14)));
    }
    totalCount(districtTotals);
    return result(lists, districtTotals, m);
  }

  private ManagingAuthority csb() {
    return new ManagingAuthority("CSB", "De Kiesraad");
  }

  private LocalDateTime created(int daysAfterElection, int hour) {
    return day.plusDays(daysAfterElection).atTime(hour, 0);
  }

  private SplittableRandom random(long purpose, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + purpose * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new SplittableRandom(z ^ (z >>> 31));
  }

  private void definition() {
    List<ElectionRegion> regions = new ArrayList<>();
    regions.add(new ElectionRegion("STAAT", 1, "Nederland", null, null, List.of(new Committee("CSB", "De Kiesraad"))));
    for (WorkedExample.District d : example.districts()) {
      regions.add(new ElectionRegion("KIESKRING", d.number(), d.name(), "STAAT", 1, List.of(new Committee("HSB",
          null))));
    }
    int m = 0;
    for (WorkedExample.District d : example.districts()) {
      for (String name : d.municipalities()) {
        regions.add(new ElectionRegion("GEMEENTE", Integer.parseInt(municipalityCode(m++)), name, "KIESKRING",
            d.number(), List.of()));
      }
    }
    ElectionType type = ElectionType.fromSubcategory(example.subcategory());
    ElectionDefinition def = new ElectionDefinition(electionWithNomination, "alle", "SPV", example.seats(),
        type.preferencePercent(), regions, example.parties());
    write("Verkiezingsdefinitie_" + example.electionId() + ".eml.xml",
        EmlWriter.writeDefinition(def, day.minusDays(80), day.minusDays(80).atTime(10, 0)));
  }

  /** The lists of one kieskring; a candidate is the same person wherever his ShortCode appears (P 15 lid 1). */
  private ContestLists contestLists(WorkedExample.District d) {
    List<CandidateList> out = new ArrayList<>();
    for (WorkedExample.ExampleList l : d.lists()) {
      List<Candidate> cs = new ArrayList<>();
      for (int i = 0; i < l.candidates().size(); i++) {
        String code = l.candidates().get(i);
        int n = Integer.parseInt(code.substring(1));
        cs.add(new Candidate(i + 1, code, new PersonName(code.charAt(0) + ".", null, null, code),
            n % 2 == 1 ? Gender.FEMALE : Gender.MALE, "Kieskring " + d.name(), null));
      }
      out.add(new CandidateList(l.number(), example.parties().get(l.number() - 1), l.type(), l.set(), true, cs));
    }
    return new ContestLists(String.valueOf(d.number()), d.name(), out);
  }

  /**
   * Spreads every candidate's votes of the kieskring over its polling stations (largest remainders, so the parts
   * add up exactly) and gives each station a few blank and invalid ballots and its admission figures.
   */
  private Figures[] spread(WorkedExample.District d, int count) {
    Figures[] out = new Figures[count];
    for (int s = 0; s < count; s++) {
      out[s] = new Figures(d);
    }
    SplittableRandom r = random(5, d.number());
    double[] weights = new double[count];
    long[] parts = new long[count];
    for (int l = 0; l < d.lists().size(); l++) {
      WorkedExample.ExampleList list = d.lists().get(l);
      for (int k = 0; k < list.votes().length; k++) {
        for (int s = 0; s < count; s++) {
          weights[s] = 0.4 + r.nextDouble();
        }
        EmlGenerator.allocate(list.votes()[k], weights, parts);
        for (int s = 0; s < count; s++) {
          out[s].votes[l][k] = parts[s];
        }
      }
    }
    for (Figures f : out) {
      f.blank = r.nextInt(3);
      f.invalid = r.nextInt(3);
      long admitted = f.valid() + f.blank + f.invalid;
      f.eligible = admitted + 40 + r.nextInt(160);
      long proxies = r.nextInt((int) Math.min(6, admitted + 1));
      long voterCards = r.nextInt((int) Math.min(3, admitted - proxies + 1));
      f.uncounted[0] = admitted - proxies - voterCards;
      f.uncounted[1] = proxies;
      f.uncounted[2] = voterCards;
      f.uncounted[3] = admitted;
    }
    return out;
  }

  /** The 510d: one unit HSB&lt;n&gt; per kieskring, candidates by position, every list in every unit (EML-022). */
  private void totalCount(Map<Integer, VoteCounts> districtTotals) {
    Map<Integer, Integer> shape = new TreeMap<>();
    Map<Integer, String> names = new TreeMap<>();
    districtTotals.values().forEach(v -> v.lists().forEach(l -> {
      names.putIfAbsent(l.listNumber(), l.appellation());
      shape.merge(l.listNumber(), l.candidates().size(), Math::max);
    }));
    List<ReportingUnitCount> units = new ArrayList<>();
    List<VoteCounts> padded = new ArrayList<>();
    for (WorkedExample.District d : example.districts()) {
      VoteCounts v = padded(districtTotals.get(d.number()), shape, names);
      padded.add(v);
      units.add(new ReportingUnitCount("HSB" + d.number(), "Kieskring " + d.name(), null, null, v, List.of()));
    }
    Count c = new Count(election, csb(), null, null, List.of(new ContestCount("alle", null, sum(padded, shape, names),
        units)));
    write("Totaaltelling_" + example.electionId() + ".eml.xml", EmlWriter.writeCount(EmlKind.E510D, c, created(2,
        12)));
  }

  private static VoteCounts padded(VoteCounts v, Map<Integer, Integer> shape, Map<Integer, String> names) {
    List<ListVotes> lists = new ArrayList<>();
    shape.forEach((n, size) -> {
      ListVotes l = v.list(n);
      List<CandidateVotes> cv = new ArrayList<>();
      for (int p = 1; p <= size; p++) {
        cv.add(new CandidateVotes(p, l != null && p <= l.candidates().size() ? l.candidates().get(p - 1).votes()
            : 0));
      }
      lists.add(new ListVotes(n, names.get(n), l == null ? 0 : l.votes(), null, cv));
    });
    return new VoteCounts(lists, v.eligibleVoters(), null, v.totalCounted(), null, v.rejected(), Map.of(),
        v.uncounted(), Map.of());
  }

  private static VoteCounts sum(List<VoteCounts> parts, Map<Integer, Integer> shape, Map<Integer, String> names) {
    long eligible = 0;
    long counted = 0;
    Map<RejectedReason, Long> rejected = new EnumMap<>(RejectedReason.class);
    Map<UncountedReason, Long> uncounted = new EnumMap<>(UncountedReason.class);
    Map<Integer, long[]> cands = new TreeMap<>();
    shape.forEach((n, size) -> cands.put(n, new long[size]));
    for (VoteCounts v : parts) {
      eligible += v.eligibleVoters();
      counted += v.totalCounted();
      v.rejected().forEach((k, n) -> rejected.merge(k, n, Long::sum));
      v.uncounted().forEach((k, n) -> uncounted.merge(k, n, Long::sum));
      for (ListVotes l : v.lists()) {
        for (int p = 0; p < l.candidates().size(); p++) {
          cands.get(l.listNumber())[p] += l.candidates().get(p).votes();
        }
      }
    }
    List<ListVotes> lists = new ArrayList<>();
    cands.forEach((n, votes) -> {
      List<CandidateVotes> cv = new ArrayList<>();
      long total = 0;
      for (int p = 0; p < votes.length; p++) {
        cv.add(new CandidateVotes(p + 1, votes[p]));
        total += votes[p];
      }
      lists.add(new ListVotes(n, names.get(n), total, null, cv));
    });
    return new VoteCounts(lists, eligible, null, counted, null, rejected, Map.of(), uncounted, Map.of());
  }

  /**
   * The 520 as the centraal stembureau publishes it: the input built by the same {@link ApportionmentInputBuilder}
   * as the CSB and the verifier use, per list with seats its elected candidates, a lijstengroep's lists one after
   * another, with each person's votes over all lists of the group (P 15 lid 1).
   */
  private GeneratedSet result(Map<Integer, ContestLists> lists, Map<Integer, VoteCounts> districtTotals,
      int municipalities) {
    List<ApportionmentInputBuilder.DistrictCount> input = new ArrayList<>();
    districtTotals.forEach((d, v) -> input.add(new ApportionmentInputBuilder.DistrictCount(d, 1, lists.get(d), v)));
    ApportionmentInputBuilder.Built built = ApportionmentInputBuilder.build(
        ElectionType.fromSubcategory(example.subcategory()), example.seats(), OptionalInt.empty(), input);
    ApportionmentOutcome outcome = Apportionment.apportion(built.input());
    if (!(outcome instanceof ApportionmentOutcome.Completed)) {
      throw new IllegalStateException("worked example " + example.name() + " needs a lot: " + outcome);
    }
    ApportionmentResult r = ((ApportionmentOutcome.Completed) outcome).result();
    Map<String, Long> personVotes = new LinkedHashMap<>();
    Map<Integer, Long> listVotes = new TreeMap<>();
    for (ApportionmentInput.CandidateList l : built.input().lists()) {
      for (ApportionmentInput.SubList s : l.sublists()) {
        s.votes().forEach((d, vc) -> {
          for (int i = 0; i < s.candidates().size(); i++) {
            personVotes.merge(s.candidates().get(i), vc.get(i), Long::sum);
            listVotes.merge(l.number(), vc.get(i), Long::sum);
          }
        });
      }
    }
    List<ResultEntry> entries = new ArrayList<>();
    r.seats().forEach((n, seats) -> {
      List<ListResult> parts = new ArrayList<>();
      r.lists().forEach((key, lr) -> {
        if (key.equals(String.valueOf(n)) || key.startsWith(n + ".")) {
          parts.add(lr);
        }
      });
      if (parts.stream().allMatch(p -> p.elected().isEmpty())) {
        return;
      }
      entries.add(new ElectedList(n, example.parties().get(n - 1), listVotes.get(n)));
      int order = 0;
      for (ListResult lr : parts) {
        for (String id : lr.elected()) {
          Candidate c = built.people().get(id);
          long v = personVotes.getOrDefault(id, 0L);
          entries.add(new ElectedCandidate(++order, c.shortCode(), c.name(), c.gender(), c.locality(), null,
              v > 0 ? v : null, lr.preferenceElected().contains(id) ? 1 : 2));
        }
      }
    });
    ElectionResult result = new ElectionResult(election, csb(), List.of(new ContestResult("alle", null, entries)));
    write("Resultaat_" + example.electionId() + ".eml.xml", EmlWriter.writeResult(result, created(3, 11)));
    return new GeneratedSet(dir, files, bytes, stations, municipalities, r.seats(), List.of());
  }

  private void write(String name, byte[] content) {
    Path p = dir.resolve(name);
    try {
      Files.write(p, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.add(p);
    bytes += content.length;
  }

  /** The figures of one count of a kieskring (station, municipality or the kieskring), in that kieskring's lists. */
  private final class Figures {
    final WorkedExample.District district;
    final long[][] votes;
    long eligible;
    long blank;
    long invalid;
    final long[] uncounted = new long[Tally.REASONS.length];

    Figures(WorkedExample.District district) {
      this.district = district;
      votes = new long[district.lists().size()][];
      for (int l = 0; l < votes.length; l++) {
        votes[l] = new long[district.lists().get(l).candidates().size()];
      }
    }

    void add(Figures o) {
      for (int l = 0; l < votes.length; l++) {
        for (int k = 0; k < votes[l].length; k++) {
          votes[l][k] += o.votes[l][k];
        }
      }
      eligible += o.eligible;
      blank += o.blank;
      invalid += o.invalid;
      for (int i = 0; i < uncounted.length; i++) {
        uncounted[i] += o.uncounted[i];
      }
    }

    long valid() {
      long s = 0;
      for (long[] l : votes) {
        for (long v : l) {
          s += v;
        }
      }
      return s;
    }

    VoteCounts toVoteCounts() {
      List<ListVotes> lists = new ArrayList<>();
      for (int l = 0; l < votes.length; l++) {
        WorkedExample.ExampleList el = district.lists().get(l);
        List<CandidateVotes> cands = new ArrayList<>();
        long total = 0;
        for (int k = 0; k < votes[l].length; k++) {
          cands.add(new CandidateVotes(k + 1, votes[l][k]));
          total += votes[l][k];
        }
        lists.add(new ListVotes(el.number(), example.parties().get(el.number() - 1), total, null, cands));
      }
      Map<RejectedReason, Long> rejected = new EnumMap<>(RejectedReason.class);
      rejected.put(RejectedReason.INVALID, invalid);
      rejected.put(RejectedReason.BLANK, blank);
      Map<UncountedReason, Long> unc = new EnumMap<>(UncountedReason.class);
      for (int i = 0; i < Tally.REASONS.length; i++) {
        unc.put(Tally.REASONS[i], uncounted[i]);
      }
      return new VoteCounts(lists, eligible, null, valid(), null, rejected, Map.of(), unc, Map.of());
    }
  }
}

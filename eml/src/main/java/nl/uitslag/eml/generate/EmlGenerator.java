package nl.uitslag.eml.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import nl.uitslag.domain.apportionment.Apportionment;
import nl.uitslag.domain.apportionment.ApportionmentInput;
import nl.uitslag.domain.apportionment.ApportionmentOutcome;
import nl.uitslag.domain.apportionment.ApportionmentResult;
import nl.uitslag.domain.apportionment.ElectionType;
import nl.uitslag.domain.apportionment.ListResult;
import nl.uitslag.domain.apportionment.VoteCounts;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.ContestResult;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.CountingMethod;
import nl.uitslag.domain.count.ElectedCandidate;
import nl.uitslag.domain.count.ElectedList;
import nl.uitslag.domain.count.ElectionResult;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.ResultEntry;
import nl.uitslag.domain.election.Candidate;
import nl.uitslag.domain.election.CandidateList;
import nl.uitslag.domain.election.CandidateLists;
import nl.uitslag.domain.election.Committee;
import nl.uitslag.domain.election.ContestLists;
import nl.uitslag.domain.election.ElectionCategory;
import nl.uitslag.domain.election.ElectionDefinition;
import nl.uitslag.domain.election.ElectionDomain;
import nl.uitslag.domain.election.ElectionIdentifier;
import nl.uitslag.domain.election.ElectionRegion;
import nl.uitslag.domain.election.Gender;
import nl.uitslag.domain.election.ManagingAuthority;
import nl.uitslag.domain.election.PersonName;
import nl.uitslag.eml.EmlKind;
import nl.uitslag.eml.EmlWriter;

/**
 * Generates a synthetic but realistic and internally consistent set of EML_NL files for one election: the election
 * definition (110a), the candidate lists (230b, one per kieskring), a 510b per municipality with its polling
 * stations, a 510c per kieskring, the 510d of the centraal stembureau and the 520 with the seats and elected
 * candidates our apportionment engine computes from exactly those counts. For tests, demos and benchmarks.
 *
 * <p>Files are written one after another and only the totals of the current kieskring are kept, so a national
 * Tweede Kamer set (10,000 polling stations, several GB) never sits in memory. Every random choice comes from the
 * seed, and the creation times are derived from the election date, so the same spec gives the same bytes.
 */
public final class EmlGenerator {
  private static final String[] ADJECTIVES = {"Democratisch", "Sociaal", "Liberaal", "Christelijk", "Groen",
      "Lokaal", "Vrij", "Nieuw", "Verenigd", "Progressief", "Zelfstandig", "Modern"};
  private static final String[] NOUNS = {"Belang", "Alliantie", "Beweging", "Partij", "Forum", "Unie", "Verbond",
      "Appel"};
  private static final String[] LAST_NAMES = {"Jansen", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos",
      "Peters", "Hendriks", "Dekker", "Brouwer", "Kok", "Willems", "Vermeulen", "Prins", "Huisman", "Kuipers",
      "Schouten", "Post", "Koster", "Verhoeven", "Bosman", "Hoekstra", "Wouters", "Kramer", "Timmermans", "Veenstra",
      "Scholten", "Maas", "Haan", "Groen", "Berg", "Dijk", "Wal", "Heuvel", "Linden", "Graaf", "Boer", "Wit", "Beek",
      "Yılmaz", "Öztürk", "Bakır", "Nguyen", "Çelik", "El Amrani", "Martens", "Zwart"};
  private static final String[] PREFIXES = {null, null, null, null, null, "van", "de", "van der", "van den", "ter",
      "van de", "den"};
  private static final String[] FEMALE = {"Anna", "Emma", "Sophie", "Julia", "Lotte", "Fenna", "Sanne", "Eva", "Noor",
      "Fatima", "Ingrid", "Marieke", "Yasmina", "Renée", "Chantal", "Petra"};
  private static final String[] MALE = {"Jan", "Pieter", "Daan", "Bram", "Thijs", "Mohamed", "Kees", "Willem",
      "Sem", "Joris", "Hüseyin", "Gerrit", "Ruben", "Erik", "Koen", "Rachid"};
  private static final String[] PLACE_A = {"Oost", "West", "Noord", "Zuid", "Groot", "Klein", "Nieuw", "Oud",
      "Hoog", "Laag", "Midden", "Sint"};
  private static final String[] PLACE_B = {"wijk", "dam", "veen", "horst", "broek", "dorp", "hoven", "zijl", "burg",
      "haven", "meer", "rode", "wolde", "loo", "berg", "sluis"};
  private static final String[] PROVINCES = {"Groningen", "Fryslân", "Drenthe", "Overijssel", "Flevoland",
      "Gelderland", "Utrecht", "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg"};

  private final GeneratorSpec spec;
  private final Path dir;
  private final ElectionType type;
  private final LocalDate electionDate;
  private final ElectionIdentifier election;
  private final ElectionIdentifier electionWithNomination;
  private final List<String> appellations = new ArrayList<>();
  /** Candidates per list, the same in every kieskring ("stel gelijkluidende lijsten"). */
  private final List<List<Candidate>> candidates = new ArrayList<>();
  private final double[] listShare;
  private final double[][] candidateWeight;
  private final List<Path> files = new ArrayList<>();
  private long bytes;
  private int stationsWritten;

  private EmlGenerator(GeneratorSpec spec, Path dir) {
    this.spec = spec;
    this.dir = dir;
    this.type = ElectionType.fromSubcategory(spec.subcategory());
    this.electionDate = electionDate(spec.year());
    ElectionDomain domain = spec.isMunicipal() ? new ElectionDomain(municipalityCode(0), municipalityName(0))
        : spec.subcategory().startsWith("PS") ? new ElectionDomain(null, "Synthese") : null;
    ElectionCategory category = ElectionCategory.fromCode(spec.category());
    this.electionWithNomination = new ElectionIdentifier(spec.electionId(), electionName(), category,
        spec.subcategory(), domain, electionDate, electionDate.minusDays(44));
    this.election = electionWithNomination.withoutNominationDate();
    this.listShare = new double[spec.lists()];
    this.candidateWeight = new double[spec.lists()][spec.candidates()];
  }

  /**
   * Writes the files of the election into {@code dir} (created if needed; existing files of the same names are
   * replaced) and returns what was written.
   */
  public static GeneratedSet generate(GeneratorSpec spec, Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new EmlGenerator(spec, dir).run();
  }

  private GeneratedSet run() {
    lists();
    definition();
    if (spec.isEk()) {
      return ek();
    }
    int districts = spec.districts();
    int[] municipalityDistrict = new int[spec.municipalities()];
    int[] stations = stationsPerMunicipality();
    for (int m = 0; m < municipalityDistrict.length; m++) {
      municipalityDistrict[m] = m % districts + 1;
    }
    candidateLists(districts);
    Tally[] districtTotals = new Tally[districts];
    for (int d = 1; d <= districts; d++) {
      List<ReportingUnitCount> municipalities = new ArrayList<>();
      Tally districtTotal = tally();
      for (int m = 0; m < municipalityDistrict.length; m++) {
        if (municipalityDistrict[m] != d) {
          continue;
        }
        Tally total = municipality(m, d, stations[m]);
        districtTotal.add(total);
        municipalities.add(new ReportingUnitCount("HSB" + d + "::" + municipalityCode(m), municipalityName(m), null,
            null, total.toVoteCounts(appellations), List.of()));
      }
      districtTotals[d - 1] = districtTotal;
      if (!spec.isMunicipal()) {
        Count c = new Count(election, new ManagingAuthority("HSB" + d, "Hoofdstembureau " + districtName(d)), null,
            null, List.of(new ContestCount(String.valueOf(d), districtName(d), districtTotal.toVoteCounts(
                appellations), municipalities)));
        write("Telling_" + spec.electionId() + "_kieskring_" + d + ".eml.xml",
            EmlWriter.writeCount(EmlKind.E510C, c, created(1, 14)));
      }
    }
    if (!spec.isMunicipal()) {
      totalCount(districtTotals, "Kieskring ");
    }
    return result(districtTotals);
  }

  // ---- names and dates ------------------------------------------------------------------------------------------

  private static LocalDate electionDate(int year) {
    // A Wednesday in March: Dutch elections are held on a Wednesday (Kieswet J 1 allows other days; not needed here).
    LocalDate d = LocalDate.of(year, 3, 15);
    while (d.getDayOfWeek() != java.time.DayOfWeek.WEDNESDAY) {
      d = d.plusDays(1);
    }
    return d;
  }

  private String electionName() {
    switch (spec.subcategory()) {
      case "TK":
        return "Tweede Kamer der Staten-Generaal " + spec.year() + " (synthetisch)";
      case "EK":
        return "Eerste Kamer der Staten-Generaal " + spec.year() + " (synthetisch)";
      case "EP":
        return "Europees Parlement " + spec.year() + " (synthetisch)";
      case "PS1":
      case "PS2":
        return "Provinciale Staten Synthese " + spec.year();
      default:
        return "Gemeenteraad " + municipalityName(0) + " " + spec.year();
    }
  }

  private LocalDateTime created(int daysAfterElection, int hour) {
    return electionDate.plusDays(daysAfterElection).atTime(hour, 0);
  }

  private static String municipalityCode(int m) {
    return String.format(Locale.ROOT, "%04d", 14 + 2 * m);
  }

  private String municipalityName(int m) {
    SplittableRandom r = random(7, m);
    String name = PLACE_A[r.nextInt(PLACE_A.length)] + PLACE_B[r.nextInt(PLACE_B.length)];
    return m < PLACE_A.length * PLACE_B.length ? name : name + " " + (m / (PLACE_A.length * PLACE_B.length) + 1);
  }

  private String districtName(int d) {
    if (spec.isMunicipal()) {
      return municipalityName(0);
    }
    if (spec.isEk()) {
      return d <= PROVINCES.length ? "Provinciale Staten van " + PROVINCES[d - 1] : "Kiescollege " + (d - 12);
    }
    String name = PLACE_A[(d - 1) % PLACE_A.length] + PLACE_B[(d * 5) % PLACE_B.length] + "stad";
    // The pairs repeat after 48 kieskringen (the least common multiple of 12 and 16).
    return d <= 48 ? name : name + " " + ((d - 1) / 48 + 1);
  }

  private String csbName() {
    return spec.isMunicipal() ? "Centraal stembureau " + municipalityName(0) : spec.subcategory().startsWith("PS")
        ? "Centraal stembureau Synthese" : "De Kiesraad";
  }

  /** A random stream for one purpose and index, so the numbers do not depend on the order of generation. */
  private SplittableRandom random(long purpose, long index) {
    long z = spec.seed() * 0x9E3779B97F4A7C15L + purpose * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new SplittableRandom(z ^ (z >>> 31));
  }

  // ---- lists and candidates -------------------------------------------------------------------------------------

  private void lists() {
    boolean codes = !spec.isMunicipal();
    for (int l = 0; l < spec.lists(); l++) {
      String name = ADJECTIVES[l % ADJECTIVES.length] + " " + NOUNS[(l / ADJECTIVES.length + l) % NOUNS.length];
      if (l >= ADJECTIVES.length * NOUNS.length) {
        name = name + " " + (l / (ADJECTIVES.length * NOUNS.length) + 1);
      }
      appellations.add(name);
      SplittableRandom r = random(11, l);
      // Popularity falls with the list number, as it roughly does with the previous election's result.
      listShare[l] = Math.pow(l + 1, -1.1) * (0.6 + 0.8 * r.nextDouble());
      List<Candidate> cands = new ArrayList<>();
      for (int k = 0; k < spec.candidates(); k++) {
        boolean female = r.nextBoolean();
        String first = female ? FEMALE[r.nextInt(FEMALE.length)] : MALE[r.nextInt(MALE.length)];
        String last = LAST_NAMES[r.nextInt(LAST_NAMES.length)];
        String prefix = PREFIXES[r.nextInt(PREFIXES.length)];
        String initials = first.charAt(0) + "." + (r.nextInt(3) == 0 ? "" : (char) ('A' + r.nextInt(26)) + ".");
        String shortCode = codes ? shortCode(last, initials, l + 1, k + 1) : null;
        cands.add(new Candidate(k + 1, shortCode, new PersonName(initials, first, prefix, last),
            female ? Gender.FEMALE : Gender.MALE, municipalityName(r.nextInt(Math.max(1, spec.municipalities()))),
            null));
        // The lijsttrekker draws most votes; the rest fall off with the position, with a few popular exceptions.
        candidateWeight[l][k] = k == 0 ? 12 + 8 * r.nextDouble()
            : Math.pow(k + 1, -1.2) * (0.4 + 1.2 * r.nextDouble()) * (r.nextInt(15) == 0 ? 6 : 1);
      }
      candidates.add(cands);
    }
  }

  private static String shortCode(String last, String initials, int list, int position) {
    StringBuilder b = new StringBuilder();
    for (char ch : last.toCharArray()) {
      if (b.length() < 8 && ch < 128 && Character.isLetter(ch)) {
        b.append(ch);
      }
    }
    b.append(initials.charAt(0));
    return b.append(list * 100 + position).toString();
  }

  private void definition() {
    List<ElectionRegion> regions = new ArrayList<>();
    String contest;
    if (spec.isMunicipal()) {
      contest = "geen";
      regions.add(new ElectionRegion("GEMEENTE", Integer.parseInt(municipalityCode(0)), municipalityName(0), null,
          null, List.of(new Committee("CSB", csbName()))));
    } else {
      contest = "alle";
      boolean ps = spec.subcategory().startsWith("PS");
      String top = ps ? "PROVINCIE" : "STAAT";
      regions.add(new ElectionRegion(top, ps ? 99 : 1, ps ? "Synthese" : "Nederland", null, null,
          List.of(new Committee("CSB", csbName()))));
      for (int d = 1; d <= spec.districts(); d++) {
        regions.add(new ElectionRegion(spec.isEk() ? "PROVINCIE" : "KIESKRING", d, districtName(d), top, ps ? 99 : 1,
            spec.isEk() ? List.of() : List.of(new Committee("HSB", null))));
      }
      if (!spec.isEk()) {
        for (int m = 0; m < spec.municipalities(); m++) {
          regions.add(new ElectionRegion("GEMEENTE", Integer.parseInt(municipalityCode(m)), municipalityName(m),
              "KIESKRING", m % spec.districts() + 1, List.of()));
        }
      }
    }
    ElectionDefinition def = new ElectionDefinition(electionWithNomination, contest, "SPV", spec.seats(),
        type.preferencePercent(), regions, appellations);
    write("Verkiezingsdefinitie_" + spec.electionId() + ".eml.xml",
        EmlWriter.writeDefinition(def, electionDate.minusDays(80), electionDate.minusDays(80).atTime(10, 0)));
  }

  private ContestLists contestLists(String id, String name) {
    List<CandidateList> lists = new ArrayList<>();
    for (int l = 0; l < spec.lists(); l++) {
      lists.add(new CandidateList(l + 1, appellations.get(l), spec.districts() > 1 ? "stel gelijkluidende lijsten"
          : "op zichzelf staande lijst", spec.districts() > 1 ? 1 : null, true, candidates.get(l)));
    }
    return new ContestLists(id, name, lists);
  }

  /** One 230b per kieskring, as the Kiesraad publishes them; a gemeenteraad has one contest "geen". */
  private void candidateLists(int districts) {
    LocalDateTime when = electionDate.minusDays(40).atTime(16, 0);
    if (spec.isMunicipal()) {
      CandidateLists cl = new CandidateLists(electionWithNomination, electionDate.minusDays(40),
          List.of(contestLists("geen", null)));
      write("Kandidatenlijsten_" + spec.electionId() + ".eml.xml",
          EmlWriter.writeCandidateLists(cl, new ManagingAuthority("CSB", csbName()), when));
      return;
    }
    for (int d = 1; d <= districts; d++) {
      CandidateLists cl = new CandidateLists(electionWithNomination, electionDate.minusDays(40),
          List.of(contestLists(String.valueOf(d), districtName(d))));
      write("Kandidatenlijsten_" + spec.electionId() + "_kieskring_" + d + ".eml.xml",
          EmlWriter.writeCandidateLists(cl, new ManagingAuthority("CSB", csbName()), when));
    }
  }

  // ---- counts ---------------------------------------------------------------------------------------------------

  private Tally tally() {
    return new Tally(spec.lists(), spec.candidates());
  }

  private int[] stationsPerMunicipality() {
    int n = spec.municipalities();
    double[] size = new double[n];
    double sum = 0;
    for (int m = 0; m < n; m++) {
      size[m] = 0.3 + 2.7 * random(13, m).nextDouble();
      sum += size[m];
    }
    int[] stations = new int[n];
    int rest = spec.pollingStations() - n;
    int given = 0;
    for (int m = 0; m < n; m++) {
      stations[m] = 1 + (int) Math.floor(rest * size[m] / sum);
      given += stations[m];
    }
    for (int m = 0; given < spec.pollingStations(); m = (m + 1) % n) {
      stations[m]++;
      given++;
    }
    return stations;
  }

  /** Writes the 510b of one municipality and returns its total. */
  private Tally municipality(int m, int district, int stationCount) {
    SplittableRandom r = random(17, m);
    double[] shares = new double[spec.lists()];
    double[][] weights = new double[spec.lists()][];
    for (int l = 0; l < shares.length; l++) {
      shares[l] = listShare[l] * Math.exp(0.35 * r.nextGaussian());
      weights[l] = candidateWeight[l].clone();
      if (r.nextInt(4) == 0) {
        // A candidate from this municipality draws local votes.
        weights[l][r.nextInt(weights[l].length)] *= 2 + 4 * r.nextDouble();
      }
    }
    Tally total = tally();
    List<ReportingUnitCount> units = new ArrayList<>(stationCount);
    String code = municipalityCode(m);
    double[] stationShares = new double[shares.length];
    long[] listVotes = new long[shares.length];
    for (int s = 1; s <= stationCount; s++) {
      Tally t = tally();
      t.eligible = 700 + r.nextInt(1800);
      long admitted = Math.round(t.eligible * (0.55 + 0.3 * r.nextDouble()));
      t.blank = Math.round(admitted * 0.004 * r.nextDouble());
      t.invalid = Math.round(admitted * 0.006 * r.nextDouble());
      long valid = admitted - t.blank - t.invalid;
      for (int l = 0; l < shares.length; l++) {
        stationShares[l] = shares[l] * Math.exp(0.15 * r.nextGaussian());
      }
      allocate(valid, stationShares, listVotes);
      for (int l = 0; l < shares.length; l++) {
        allocate(listVotes[l], weights[l], t.votes[l]);
      }
      long proxies = Math.round(admitted * (0.03 + 0.04 * r.nextDouble()));
      long voterCards = Math.round(admitted * 0.01 * r.nextDouble());
      t.uncounted[0] = admitted - proxies - voterCards;
      t.uncounted[1] = proxies;
      t.uncounted[2] = voterCards;
      t.uncounted[3] = admitted;
      total.add(t);
      units.add(new ReportingUnitCount(code + "::SB" + s, "Stembureau " + municipalityName(m) + " " + s
          + " (postcode: " + (1000 + (m * 37 + s * 11) % 8999) + " " + (char) ('A' + s % 26) + (char) ('A' + m % 26)
          + ")", null, null, t.toVoteCounts(appellations), List.of()));
    }
    String contestId = spec.isMunicipal() ? "geen" : String.valueOf(district);
    Count c = new Count(election, new ManagingAuthority(code, municipalityName(m)), CountingMethod.CENTRAL, null,
        List.of(new ContestCount(contestId, spec.isMunicipal() ? null : districtName(district),
            total.toVoteCounts(appellations), units)));
    write("Telling_" + spec.electionId() + "_gemeente_" + code + ".eml.xml",
        EmlWriter.writeCount(EmlKind.E510B, c, created(1, 10)));
    stationsWritten += stationCount;
    return total;
  }

  /**
   * Splits {@code total} in proportion to the weights by largest remainders, so that the parts add up exactly (a
   * list total is the sum of its candidates, TotalCounted the sum of the lists).
   */
  static void allocate(long total, double[] weights, long[] out) {
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    long given = 0;
    long[] keys = new long[weights.length];
    for (int i = 0; i < weights.length; i++) {
      double exact = sum == 0 ? 0 : total * weights[i] / sum;
      out[i] = (long) Math.floor(exact);
      given += out[i];
      long frac = (long) ((exact - out[i]) * (1L << 40));
      keys[i] = (frac << 8) | (255 - i);
    }
    long left = total - given;
    if (left > 0) {
      Arrays.sort(keys);
      for (int j = keys.length - 1; j >= 0 && left > 0; j--, left--) {
        out[255 - (int) (keys[j] & 255)]++;
      }
      // Rounding can leave more than one unit per entry only when the weights are degenerate.
      for (int i = 0; left > 0; i = (i + 1) % out.length, left--) {
        out[i]++;
      }
    }
  }

  /** The 510d of the CSB: the total and one reporting unit per kieskring (EK: per voting body). */
  private void totalCount(Tally[] districtTotals, String unitPrefix) {
    Tally national = tally();
    List<ReportingUnitCount> units = new ArrayList<>();
    for (int d = 1; d <= districtTotals.length; d++) {
      national.add(districtTotals[d - 1]);
      units.add(new ReportingUnitCount("HSB" + d, spec.isEk() ? districtName(d) : unitPrefix + districtName(d), null,
          null, districtTotals[d - 1].toVoteCounts(appellations), List.of()));
    }
    Count c = new Count(election, new ManagingAuthority("CSB", csbName()), null, null,
        List.of(new ContestCount("alle", null, national.toVoteCounts(appellations), units)));
    write("Totaaltelling_" + spec.electionId() + ".eml.xml", EmlWriter.writeCount(EmlKind.E510D, c, created(2, 12)));
  }

  /**
   * The Eerste Kamer: each member of a voting body casts one ballot that counts for the body's stemwaarde (Kieswet
   * U 3). The counts carry the weighted figures (ballots × stemwaarde), the stemcijfers of U 6.
   */
  private GeneratedSet ek() {
    CandidateLists cl = new CandidateLists(electionWithNomination, electionDate.minusDays(40),
        List.of(contestLists("alle", null)));
    write("Kandidatenlijsten_" + spec.electionId() + ".eml.xml", EmlWriter.writeCandidateLists(cl,
        new ManagingAuthority("CSB", csbName()), electionDate.minusDays(40).atTime(16, 0)));
    Tally[] bodies = new Tally[spec.districts()];
    long[] ballots = new long[spec.lists()];
    long[] perCandidate = new long[spec.candidates()];
    for (int d = 1; d <= bodies.length; d++) {
      SplittableRandom r = random(19, d);
      long members = 9 + r.nextInt(47);
      long weight = 100 + r.nextInt(6000);
      double[] shares = new double[spec.lists()];
      for (int l = 0; l < shares.length; l++) {
        shares[l] = listShare[l] * Math.exp(0.3 * r.nextGaussian());
      }
      Tally t = tally();
      allocate(members, shares, ballots);
      for (int l = 0; l < shares.length; l++) {
        // Members vote for the lijsttrekker mostly; a few for a candidate from their own province.
        allocate(ballots[l], candidateWeight[l], perCandidate);
        for (int k = 0; k < perCandidate.length; k++) {
          t.votes[l][k] = perCandidate[k] * weight;
        }
      }
      t.eligible = members * weight;
      t.uncounted[3] = members * weight;
      t.uncounted[0] = members * weight;
      bodies[d - 1] = t;
    }
    totalCount(bodies, "");
    return result(bodies);
  }

  // ---- result ---------------------------------------------------------------------------------------------------

  private GeneratedSet result(Tally[] districtTotals) {
    List<ApportionmentInput.District> districts = new ArrayList<>();
    for (int d = 1; d <= districtTotals.length; d++) {
      districts.add(new ApportionmentInput.District(d, 1));
    }
    List<ApportionmentInput.CandidateList> lists = new ArrayList<>();
    for (int l = 0; l < spec.lists(); l++) {
      List<String> ids = new ArrayList<>();
      for (int k = 1; k <= spec.candidates(); k++) {
        ids.add((l + 1) + "." + k);
      }
      Map<Integer, VoteCounts> votes = new LinkedHashMap<>();
      List<Integer> ds = new ArrayList<>();
      for (int d = 1; d <= districtTotals.length; d++) {
        votes.put(d, VoteCounts.of(districtTotals[d - 1].votes[l]));
        ds.add(d);
      }
      lists.add(new ApportionmentInput.CandidateList(l + 1, appellations.get(l),
          List.of(new ApportionmentInput.SubList(ds, ids, votes))));
    }
    ApportionmentInput input = new ApportionmentInput(type, spec.seats(), OptionalInt.empty(), districts, lists,
        Set.of(), List.of());
    List<String> lots = new ArrayList<>();
    ApportionmentOutcome outcome = Apportionment.apportion(input);
    // The software never draws a lot for a real election; a synthetic one records the first option, and the
    // published 520 then depends on a lot the files do not show (the verifier says so).
    while (outcome instanceof ApportionmentOutcome.LotRequired) {
      lots.add(((ApportionmentOutcome.LotRequired) outcome).lot().options().get(0));
      outcome = Apportionment.apportion(input.withLots(lots));
    }
    ApportionmentResult r = ((ApportionmentOutcome.Completed) outcome).result();
    Tally total = tally();
    for (Tally t : districtTotals) {
      total.add(t);
    }
    List<ResultEntry> entries = new ArrayList<>();
    for (int l = 0; l < spec.lists(); l++) {
      ListResult lr = r.lists().get(String.valueOf(l + 1));
      if (lr == null || lr.elected().isEmpty()) {
        continue;
      }
      long listVotes = total.listVotes(l);
      entries.add(new ElectedList(l + 1, appellations.get(l), listVotes > 0 ? listVotes : null));
      int order = 0;
      for (String id : lr.elected()) {
        int k = Integer.parseInt(id.substring(id.indexOf('.') + 1)) - 1;
        Candidate c = candidates.get(l).get(k);
        long v = total.votes[l][k];
        entries.add(new ElectedCandidate(++order, c.shortCode(), c.name(), c.gender(), c.locality(), null,
            v > 0 ? v : null, lr.preferenceElected().contains(id) ? 1 : 2));
      }
    }
    ElectionResult result = new ElectionResult(election, new ManagingAuthority("CSB", csbName()),
        List.of(new ContestResult(spec.isMunicipal() ? "geen" : "alle", null, entries)));
    write("Resultaat_" + spec.electionId() + ".eml.xml", EmlWriter.writeResult(result, created(3, 11)));
    return new GeneratedSet(dir, List.copyOf(files), bytes, stationsWritten, spec.isEk() ? 0 : spec.municipalities(),
        r.seats(), List.copyOf(lots));
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
}

package nl.uitslag.eml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.CountingMethod;
import nl.uitslag.domain.count.ListVotes;
import nl.uitslag.domain.count.Phase;
import nl.uitslag.domain.count.RejectedReason;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.UncountedReason;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.domain.election.ElectionCategory;
import nl.uitslag.domain.election.ElectionDomain;
import nl.uitslag.domain.election.ElectionIdentifier;
import nl.uitslag.domain.election.ManagingAuthority;

/** Invariants over generated counts: write then read gives the same data and valid, byte-stable files. */
class RoundTripPropertiesTest {
  private static final String[] NAMES = {"Lijst & Co", "<Partij>", "\"Quote\"", "Één", "Fryslân 🌊", "",
      "a  b", "Sint-Maarten"};

  static Count generate(long seed) {
    Random r = new Random(seed);
    int listCount = 1 + r.nextInt(4);
    int[] candidates = new int[listCount];
    String[] names = new String[listCount];
    for (int l = 0; l < listCount; l++) {
      candidates[l] = 1 + r.nextInt(6);
      names[l] = collapse(NAMES[r.nextInt(NAMES.length)]);
    }
    int unitCount = 1 + r.nextInt(4);
    List<ReportingUnitCount> units = new ArrayList<>();
    long[][] candidateTotals = new long[listCount][];
    for (int l = 0; l < listCount; l++) {
      candidateTotals[l] = new long[candidates[l]];
    }
    long blankTotal = 0;
    long invalidTotal = 0;
    EnumMap<UncountedReason, Long> uncountedTotal = new EnumMap<>(UncountedReason.class);
    List<UncountedReason> reasons = new ArrayList<>();
    for (UncountedReason reason : UncountedReason.values()) {
      if (r.nextBoolean()) {
        reasons.add(reason);
        uncountedTotal.put(reason, 0L);
      }
    }
    for (int u = 1; u <= unitCount; u++) {
      List<ListVotes> lists = new ArrayList<>();
      long valid = 0;
      for (int l = 0; l < listCount; l++) {
        List<CandidateVotes> cv = new ArrayList<>();
        long sum = 0;
        for (int c = 0; c < candidates[l]; c++) {
          long v = r.nextInt(500);
          cv.add(new CandidateVotes(c + 1, v));
          candidateTotals[l][c] += v;
          sum += v;
        }
        lists.add(new ListVotes(l + 1, names[l], sum, null, cv));
        valid += sum;
      }
      long blank = r.nextInt(10);
      long invalid = r.nextInt(10);
      blankTotal += blank;
      invalidTotal += invalid;
      EnumMap<UncountedReason, Long> uncounted = new EnumMap<>(UncountedReason.class);
      for (UncountedReason reason : reasons) {
        long v = r.nextInt(2000);
        uncounted.put(reason, v);
        uncountedTotal.merge(reason, v, Long::sum);
      }
      VoteCounts votes = new VoteCounts(lists, 0, null, valid, null,
          Map.of(RejectedReason.BLANK, blank, RejectedReason.INVALID, invalid), Map.of(), uncounted, Map.of());
      units.add(new ReportingUnitCount("0518::SB" + u, collapse("Stembureau " + NAMES[r.nextInt(NAMES.length)]),
          r.nextBoolean() ? "Mobile" : null, r.nextBoolean() ? Boolean.TRUE : null, votes, List.of()));
    }
    List<ListVotes> totalLists = new ArrayList<>();
    long totalValid = 0;
    for (int l = 0; l < listCount; l++) {
      List<CandidateVotes> cv = new ArrayList<>();
      long sum = 0;
      for (int c = 0; c < candidates[l]; c++) {
        cv.add(new CandidateVotes(c + 1, candidateTotals[l][c]));
        sum += candidateTotals[l][c];
      }
      totalLists.add(new ListVotes(l + 1, names[l], sum, null, cv));
      totalValid += sum;
    }
    VoteCounts total = new VoteCounts(totalLists, r.nextInt(100_000), null, totalValid, null,
        Map.of(RejectedReason.BLANK, blankTotal, RejectedReason.INVALID, invalidTotal), Map.of(), uncountedTotal,
        Map.of());
    ElectionIdentifier election = new ElectionIdentifier("GR2026_Den_Haag", "Gemeenteraad 's-Gravenhage 2026",
        ElectionCategory.GR, "GR2", new ElectionDomain("0518", "'s-Gravenhage"), LocalDate.of(2026, 3, 18), null);
    return new Count(election, new ManagingAuthority("0518", "'s-Gravenhage"),
        r.nextBoolean() ? CountingMethod.DECENTRAL : null, r.nextBoolean() ? Phase.FIRST_SESSION : null,
        List.of(new ContestCount("geen", null, total, units)));
  }

  private static String collapse(String s) {
    return s.trim().replaceAll("\\s+", " ");
  }

  @Property(tries = 60)
  void writeThenReadGivesTheSameCountAndAValidByteStableFile(@ForAll long seed) {
    Count count = generate(seed);
    LocalDateTime created = LocalDateTime.of(2026, 3, 19, 0, 0);
    byte[] bytes = EmlWriter.writeCount(EmlKind.E510B, count, created);
    assertThat(Schemas.problem("510b", bytes)).isNull();
    Count again = EmlReader.readCount(new ByteArrayInputStream(bytes), "p", ReadOptions.none()).count();
    assertThat(again).isEqualTo(count);
    assertThat(EmlWriter.writeCount(EmlKind.E510B, again, created)).isEqualTo(bytes);
  }

  @org.junit.jupiter.api.Test
  void candidatesIdentifiedOnlyByShortCodeAsInTk510c() {
    Count base = generate(42);
    ContestCount contest = base.contests().get(0);
    java.util.function.UnaryOperator<VoteCounts> toShortCodes = v -> {
      List<ListVotes> lists = new ArrayList<>();
      for (ListVotes l : v.lists()) {
        List<CandidateVotes> cv = new ArrayList<>();
        for (CandidateVotes c : l.candidates()) {
          cv.add(new CandidateVotes(null, "Kandidaat" + l.listNumber() + c.position(), c.votes(), null));
        }
        lists.add(new ListVotes(l.listNumber(), l.appellation(), l.votes(), null, cv));
      }
      return new VoteCounts(lists, v.eligibleVoters(), null, v.totalCounted(), null, v.rejected(), Map.of(),
          v.uncounted(), Map.of());
    };
    List<ReportingUnitCount> units = new ArrayList<>();
    for (ReportingUnitCount u : contest.units()) {
      units.add(new ReportingUnitCount(String.format("HSB3::%04d", 100 + units.size()),
          u.name(), null, null, toShortCodes.apply(u.votes()), List.of()));
    }
    Count hsb = new Count(base.election(), new ManagingAuthority("HSB3", "Hoofdstembureau"), null, null,
        List.of(new ContestCount("3", "Kieskring 3", toShortCodes.apply(contest.total()), units)));
    byte[] bytes = EmlWriter.writeCount(EmlKind.E510C, hsb, LocalDateTime.of(2026, 3, 20, 12, 0));
    assertThat(Schemas.problem("510c", bytes)).isNull();
    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("<CandidateIdentifier ShortCode=\"Kandidaat11\"/>");
    assertThat(EmlReader.readCount(new ByteArrayInputStream(bytes), "c", ReadOptions.none()).count()).isEqualTo(hsb);
  }

  @Property(tries = 300)
  void corruptedBytesAreEitherReadOrRejectedWithAnEmlException(@ForAll long seed) {
    byte[] bytes = Mutations.vlieland().getBytes(StandardCharsets.UTF_8);
    Random r = new Random(seed);
    for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
      bytes[r.nextInt(bytes.length)] = (byte) r.nextInt(256);
    }
    try {
      EmlReader.read(new ByteArrayInputStream(bytes), "corrupt", ReadOptions.none());
    } catch (EmlException e) {
      assertThat(e.rule()).isNotNull();
      assertThat(e.dutchMessage()).isNotBlank();
      assertThat(e.englishMessage()).isNotBlank();
    }
  }
}

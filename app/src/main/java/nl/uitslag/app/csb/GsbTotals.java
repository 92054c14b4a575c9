package nl.uitslag.app.csb;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.RejectedReason;
import nl.uitslag.domain.count.UncountedReason;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.domain.results.CountFileRows;
import nl.uitslag.domain.results.Explanation;
import nl.uitslag.domain.results.GsbResults;
import nl.uitslag.domain.results.ListShape;
import nl.uitslag.domain.results.ListTotal;
import nl.uitslag.domain.results.ListVotes;
import nl.uitslag.domain.results.ResultsShape;
import nl.uitslag.domain.results.VoterCounts;
import nl.uitslag.domain.results.VotesCounts;

/**
 * Converts between the totals of one GSB as its count file (510b) carries them and as the CSB enters them from
 * the paper PV (Na 31-1 / Na 31-2: Z, A, B, C, D, E.x, E, F, G, H, I, J and the candidate votes), so an imported
 * file and a typed entry can be compared field by field (product.md §3: an imported file counts as one entry).
 */
final class GsbTotals {
  private GsbTotals() {}

  /** The file does not fit the election: a list or candidate the election does not have, or one missing. */
  static final class Mismatch extends RuntimeException {
    Mismatch(String message) {
      super(message);
    }
  }

  /**
   * The GSB totals of a 510b's contest total. Lists and candidates absent from the file count 0; a list or
   * candidate the election does not have is refused. H = E + F + G, as the count file has no field for H.
   */
  static GsbResults fromCount(VoteCounts total, ResultsShape shape) {
    List<ListTotal> totals = new ArrayList<>();
    List<ListVotes> pages = new ArrayList<>();
    for (nl.uitslag.domain.count.ListVotes lv : total.lists()) {
      if (shape.lists().stream().noneMatch(s -> s.listNumber() == lv.listNumber())) {
        throw new Mismatch("list " + lv.listNumber() + " is not on the candidate lists of this election");
      }
    }
    long e = 0;
    for (ListShape s : shape.lists()) {
      nl.uitslag.domain.count.ListVotes lv = total.list(s.listNumber());
      int[] votes = new int[s.candidateCount()];
      long listTotal = 0;
      if (lv != null) {
        for (CandidateVotes cv : lv.candidates()) {
          if (cv.position() == null) {
            throw new Mismatch("list " + s.listNumber() + ": a candidate is identified only by short code "
                + cv.shortCode() + "; a 510b identifies candidates by their position on the list");
          }
          if (cv.position() > s.candidateCount()) {
            throw new Mismatch("list " + s.listNumber() + " has " + s.candidateCount() + " candidates; the file has"
                + " votes for candidate " + cv.position());
          }
          votes[cv.position() - 1] = count("candidate " + s.listNumber() + "." + cv.position(), cv.votes());
        }
        listTotal = lv.votes();
      }
      List<Integer> candidateVotes = new ArrayList<>();
      for (int v : votes) {
        candidateVotes.add(v);
      }
      int t = count("list " + s.listNumber(), listTotal);
      totals.add(new ListTotal(s.listNumber(), t));
      pages.add(new ListVotes(s.listNumber(), candidateVotes, t));
      e += t;
    }
    int blank = count("blank", total.blank());
    int invalid = count("invalid", total.invalid());
    VotesCounts votes = new VotesCounts(totals, count("E", e), blank, invalid, count("H", e + blank + invalid));
    VoterCounts voters = new VoterCounts(
        uncounted(total, UncountedReason.POLL_CARDS),
        uncounted(total, UncountedReason.PROXY_CERTIFICATES),
        shape.voterCardsApply() ? uncounted(total, UncountedReason.VOTER_CARDS) : null,
        uncounted(total, UncountedReason.ADMITTED_VOTERS));
    return new GsbResults(
        count("eligible voters", total.eligibleVoters()),
        voters,
        votes,
        uncounted(total, UncountedReason.MORE_BALLOTS_COUNTED),
        uncounted(total, UncountedReason.FEWER_BALLOTS_COUNTED),
        pages,
        rows(total));
  }

  /**
   * The UncountedVotes rows the keyed form does not hold: every explanation row the file carries, and whether it
   * records the admitted voters at all (a file with neither "geldige stempassen" nor "toegelaten kiezers", such as
   * the TK2021 510c, leaves A and D unknown).
   */
  static CountFileRows rows(VoteCounts total) {
    Map<Explanation, Integer> explanations = new EnumMap<>(Explanation.class);
    for (Explanation x : Explanation.values()) {
      UncountedReason reason = reason(x);
      Long v = total.uncounted(reason);
      if (v != null) {
        explanations.put(x, count(reason.code(), v));
      }
    }
    boolean recorded = total.uncounted(UncountedReason.POLL_CARDS) != null
        || total.uncounted(UncountedReason.ADMITTED_VOTERS) != null;
    return new CountFileRows(recorded, explanations);
  }

  /**
   * The field-by-field sum of totals of the same shape, e.g. a kieskring's totals from those of its municipalities
   * (Kieswet O 2 for the HSB). Added in long, so an overflow is never silent; a sum above the largest count on a
   * paper model ({@link nl.uitslag.domain.results.Counts#MAX}) is refused.
   */
  static GsbResults sum(List<GsbResults> totals) {
    if (totals.isEmpty()) {
      throw new IllegalArgumentException("nothing to add up");
    }
    List<nl.uitslag.domain.results.ResultsField> first = totals.get(0).fields();
    long[] sum = new long[first.size()];
    for (GsbResults r : totals) {
      List<nl.uitslag.domain.results.ResultsField> fields = r.fields();
      if (fields.size() != sum.length) {
        throw new Mismatch("totals of different shapes cannot be added up");
      }
      for (int i = 0; i < sum.length; i++) {
        sum[i] = Math.addExact(sum[i], ((nl.uitslag.domain.results.FieldValue.Count) fields.get(i).value()).value());
      }
    }
    List<nl.uitslag.domain.results.FieldValue> values = new ArrayList<>();
    for (int i = 0; i < sum.length; i++) {
      values.add(new nl.uitslag.domain.results.FieldValue.Count(count(first.get(i).path(), sum[i])));
    }
    return totals.get(0).withValues(values)
        .withRows(CountFileRows.sum(totals.stream().map(GsbResults::rows).toList()));
  }

  /**
   * The GSB totals as the vote counts of a reporting unit in the HSB's 510c or the CSB's 510d: the keyed rows, and
   * the count file's explanation rows as it carried them; A and D only where the sources recorded them.
   */
  static VoteCounts toCount(GsbResults r, Map<Integer, String> appellations) {
    List<nl.uitslag.domain.count.ListVotes> lists = new ArrayList<>();
    for (ListVotes page : r.lists()) {
      List<CandidateVotes> candidates = new ArrayList<>();
      for (int i = 0; i < page.candidateVotes().size(); i++) {
        candidates.add(new CandidateVotes(i + 1, page.candidateVotes().get(i)));
      }
      lists.add(new nl.uitslag.domain.count.ListVotes(page.listNumber(),
          appellations.getOrDefault(page.listNumber(), ""), r.votes().listTotal(page.listNumber()), null, candidates));
    }
    Map<RejectedReason, Long> rejected = new EnumMap<>(RejectedReason.class);
    rejected.put(RejectedReason.INVALID, (long) r.votes().invalidVotes());
    rejected.put(RejectedReason.BLANK, (long) r.votes().blankVotes());
    Map<UncountedReason, Long> uncounted = new EnumMap<>(UncountedReason.class);
    boolean admitted = r.rows().admittedVotersRecorded();
    if (admitted) {
      uncounted.put(UncountedReason.POLL_CARDS, (long) r.voters().pollCards());
    }
    uncounted.put(UncountedReason.PROXY_CERTIFICATES, (long) r.voters().proxyCertificates());
    if (r.voters().voterCards() != null) {
      uncounted.put(UncountedReason.VOTER_CARDS, (long) r.voters().voterCards());
    }
    if (admitted) {
      uncounted.put(UncountedReason.ADMITTED_VOTERS, (long) r.voters().totalAdmittedVoters());
    }
    r.rows().explanations().forEach((k, v) -> uncounted.put(reason(k), (long) v));
    uncounted.put(UncountedReason.MORE_BALLOTS_COUNTED, (long) r.moreBallotsCounted());
    uncounted.put(UncountedReason.FEWER_BALLOTS_COUNTED, (long) r.fewerBallotsCounted());
    return new VoteCounts(lists, r.eligibleVoters(), null, r.votes().totalVotesCandidates(), null, rejected, Map.of(),
        uncounted, Map.of());
  }

  /** The EML UncountedVotes reason of an explanation row (the same names, in the same schema order). */
  static UncountedReason reason(Explanation x) {
    return UncountedReason.valueOf(x.name());
  }

  private static int uncounted(VoteCounts total, UncountedReason reason) {
    Long v = total.uncounted(reason);
    return v == null ? 0 : count(reason.name(), v);
  }

  private static int count(String what, long value) {
    if (value < 0 || value > nl.uitslag.domain.results.Counts.MAX) {
      throw new Mismatch(what + ": " + value + " is not a count between 0 and "
          + nl.uitslag.domain.results.Counts.MAX);
    }
    return (int) value;
  }
}

package nl.uitslag.app.csb;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ContestCount;
import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.ListVotes;
import nl.uitslag.domain.count.Phase;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.count.VoteCounts;
import nl.uitslag.eml.EmlKind;
import nl.uitslag.eml.EmlWriter;

/**
 * Corrected 510b files for the intake tests, written with the product's own {@link EmlWriter} from a held count: a
 * recount at one polling station moves votes from the strongest candidate of one list to the first candidate of
 * another, and the station's and the municipality's changed values carry the held values as kr:Initial* (the way
 * the GSB's next session writes them, docs/RESULTS.md §8.2).
 */
final class Corrigenda {
  private Corrigenda() {}

  /** How the kr:Initial* values of the moved votes are written. */
  enum Initials { RIGHT, WRONG, MISSING }

  /** The file bytes of {@link #moveVotes}, written with this creation time. */
  static byte[] write(Count count, LocalDateTime creation) {
    return EmlWriter.writeCount(EmlKind.E510B, count, creation);
  }

  /**
   * The held count with {@code votes} votes at polling station {@code station} moved from list {@code from} to
   * list {@code to}, as a file of the given phase; every Initial* of the held count is cleared first, so the new ones
   * are relative to the held figures.
   */
  static Count moveVotes(Count held, Phase phase, int station, int from, int to, int votes, Initials initials) {
    ContestCount c = held.contests().get(0);
    ReportingUnitCount target = c.units().stream().filter(u -> u.id().endsWith("::SB" + station)).findFirst()
        .orElseThrow();
    int candidate = strongest(target.votes().list(from));
    List<ReportingUnitCount> units = new ArrayList<>();
    for (ReportingUnitCount u : c.units()) {
      VoteCounts v = u == target ? moved(u.votes(), from, candidate, to, votes, initials) : cleared(u.votes());
      units.add(new ReportingUnitCount(u.id(), u.name(), u.type(), u.sharedLocation(), v, u.investigations()));
    }
    VoteCounts total = moved(c.total(), from, candidate, to, votes, initials);
    return new Count(held.election(), held.authority(), held.countingMethod(), phase,
        List.of(new ContestCount(c.contestId(), c.contestName(), total, units)));
  }

  /** The held count as a file of another phase, with no value changed and no Initial* anywhere. */
  static Count unchanged(Count held, Phase phase) {
    ContestCount c = held.contests().get(0);
    List<ReportingUnitCount> units = new ArrayList<>();
    for (ReportingUnitCount u : c.units()) {
      units.add(new ReportingUnitCount(u.id(), u.name(), u.type(), u.sharedLocation(), cleared(u.votes()),
          u.investigations()));
    }
    return new Count(held.election(), held.authority(), held.countingMethod(), phase,
        List.of(new ContestCount(c.contestId(), c.contestName(), cleared(c.total()), units)));
  }

  /** The position (1-based) of the candidate of the list with the most votes. */
  static int strongest(ListVotes list) {
    int best = 0;
    for (int k = 1; k < list.candidates().size(); k++) {
      if (list.candidates().get(k).votes() > list.candidates().get(best).votes()) {
        best = k;
      }
    }
    return best + 1;
  }

  private static VoteCounts cleared(VoteCounts v) {
    List<ListVotes> lists = new ArrayList<>();
    for (ListVotes l : v.lists()) {
      List<CandidateVotes> cs = new ArrayList<>();
      for (CandidateVotes cv : l.candidates()) {
        cs.add(new CandidateVotes(cv.position(), cv.shortCode(), cv.votes(), null));
      }
      lists.add(new ListVotes(l.listNumber(), l.appellation(), l.votes(), null, cs));
    }
    return new VoteCounts(lists, v.eligibleVoters(), null, v.totalCounted(), null, v.rejected(), Map.of(),
        v.uncounted(), Map.of());
  }

  private static VoteCounts moved(VoteCounts v, int from, int candidate, int to, int votes, Initials initials) {
    List<ListVotes> lists = new ArrayList<>();
    for (ListVotes l : cleared(v).lists()) {
      if (l.listNumber() != from && l.listNumber() != to) {
        lists.add(l);
        continue;
      }
      int delta = l.listNumber() == from ? -votes : votes;
      int position = l.listNumber() == from ? candidate : 1;
      List<CandidateVotes> cs = new ArrayList<>();
      for (CandidateVotes cv : l.candidates()) {
        if (cv.position() == position) {
          cs.add(new CandidateVotes(cv.position(), cv.shortCode(), cv.votes() + delta,
              initial(cv.votes(), initials)));
        } else {
          cs.add(cv);
        }
      }
      lists.add(new ListVotes(l.listNumber(), l.appellation(), l.votes() + delta, initial(l.votes(), initials), cs));
    }
    return new VoteCounts(lists, v.eligibleVoters(), null, v.totalCounted(), null, v.rejected(), Map.of(),
        v.uncounted(), Map.of());
  }

  private static Long initial(long held, Initials initials) {
    switch (initials) {
      case RIGHT:
        return held;
      case WRONG:
        return held + 1;
      default:
        return null;
    }
  }
}

package nl.uitslag.eml.generate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.uitslag.domain.count.CandidateVotes;
import nl.uitslag.domain.count.ListVotes;
import nl.uitslag.domain.count.RejectedReason;
import nl.uitslag.domain.count.UncountedReason;
import nl.uitslag.domain.count.VoteCounts;

/** The figures of one count being generated (a polling station, municipality, kieskring or the whole election). */
final class Tally {
  /** The reasons every generated count carries, in schema order. */
  static final UncountedReason[] REASONS = {UncountedReason.POLL_CARDS, UncountedReason.PROXY_CERTIFICATES,
      UncountedReason.VOTER_CARDS, UncountedReason.ADMITTED_VOTERS, UncountedReason.MORE_BALLOTS_COUNTED,
      UncountedReason.FEWER_BALLOTS_COUNTED};

  final long[][] votes;
  long eligible;
  long blank;
  long invalid;
  final long[] uncounted = new long[REASONS.length];

  Tally(int lists, int candidates) {
    votes = new long[lists][candidates];
  }

  void add(Tally o) {
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

  long listVotes(int l) {
    long s = 0;
    for (long v : votes[l]) {
      s += v;
    }
    return s;
  }

  long valid() {
    long s = 0;
    for (int l = 0; l < votes.length; l++) {
      s += listVotes(l);
    }
    return s;
  }

  /** As domain figures: candidates by their position on the list (EML Id), as a GSB, HSB or CSB publishes them. */
  VoteCounts toVoteCounts(List<String> appellations) {
    List<ListVotes> lists = new ArrayList<>(votes.length);
    for (int l = 0; l < votes.length; l++) {
      List<CandidateVotes> cands = new ArrayList<>(votes[l].length);
      for (int k = 0; k < votes[l].length; k++) {
        cands.add(new CandidateVotes(k + 1, votes[l][k]));
      }
      lists.add(new ListVotes(l + 1, appellations.get(l), listVotes(l), null, cands));
    }
    Map<RejectedReason, Long> rejected = new EnumMap<>(RejectedReason.class);
    rejected.put(RejectedReason.INVALID, invalid);
    rejected.put(RejectedReason.BLANK, blank);
    Map<UncountedReason, Long> unc = new EnumMap<>(UncountedReason.class);
    for (int i = 0; i < REASONS.length; i++) {
      unc.put(REASONS[i], uncounted[i]);
    }
    return new VoteCounts(lists, eligible, null, valid(), null, rejected, Map.of(), unc, Map.of());
  }
}

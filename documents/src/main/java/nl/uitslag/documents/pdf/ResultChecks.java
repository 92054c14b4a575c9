package nl.uitslag.documents.pdf;

import java.util.List;

/** Consistency checks between the parts of a result, so that no PV prints figures that disagree. */
final class ResultChecks {

  private ResultChecks() {}

  /** F.202: a definitive result has E = E.1 + … + E.n. */
  static void votesMatchLists(String where, VoteCounts votes, List<ListVotes> lists) {
    long sum = 0;
    for (ListVotes list : lists) {
      sum += list.total();
    }
    if (sum != votes.votesOnCandidates()) {
      throw new IllegalArgumentException(
          "F.202 (" + where + "): E is " + votes.votesOnCandidates()
              + " but the list totals add up to " + sum);
    }
  }

  /** The votes must follow the lists of the election: same numbers, same number of candidates. */
  static void listsMatchCandidates(String where, List<ListVotes> votes, List<CandidateList> lists) {
    if (votes.size() != lists.size()) {
      throw new IllegalArgumentException(
          where + ": " + votes.size() + " list results for " + lists.size() + " lists");
    }
    for (int i = 0; i < lists.size(); i++) {
      CandidateList list = lists.get(i);
      ListVotes v = votes.get(i);
      if (v.listNumber() != list.number()) {
        throw new IllegalArgumentException(
            where + ": list result " + (i + 1) + " is for list " + v.listNumber()
                + ", expected list " + list.number());
      }
      if (v.candidateVotes().size() != list.candidates().size()) {
        throw new IllegalArgumentException(
            where + ": list " + list.number() + " has " + list.candidates().size()
                + " candidates but " + v.candidateVotes().size() + " candidate counts");
      }
    }
  }
}

package nl.uitslag.documents.pdf;

import java.util.List;

/**
 * The votes of one list: the votes per candidate in list order and the list total (E.x on the
 * paper models).
 */
public record ListVotes(int listNumber, List<Long> candidateVotes, long total) {

  public ListVotes {
    Checks.number(listNumber, "list number");
    candidateVotes = Checks.list(candidateVotes, "candidateVotes");
    Checks.count(total, "total of list " + listNumber);
    long sum = 0;
    for (int i = 0; i < candidateVotes.size(); i++) {
      sum += Checks.count(candidateVotes.get(i),
          "votes of candidate " + (i + 1) + " of list " + listNumber);
    }
    // F.402: a definitive result has list total = sum of its candidates' votes.
    if (sum != total) {
      throw new IllegalArgumentException(
          "F.402: total of list " + listNumber + " is " + total
              + " but its candidates' votes add up to " + sum);
    }
  }

  ListVotes plus(ListVotes o) {
    if (o.listNumber != listNumber || o.candidateVotes.size() != candidateVotes.size()) {
      throw new IllegalArgumentException("cannot add votes of different lists");
    }
    Long[] sum = new Long[candidateVotes.size()];
    for (int i = 0; i < sum.length; i++) {
      sum[i] = candidateVotes.get(i) + o.candidateVotes.get(i);
    }
    return new ListVotes(listNumber, List.of(sum), total + o.total);
  }
}

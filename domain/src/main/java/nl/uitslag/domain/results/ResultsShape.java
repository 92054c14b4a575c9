package nl.uitslag.domain.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The shape every results entry of an election must have: its lists (ordered by list number, each with its
 * number of candidates) and whether voter cards (C, kiezerspassen) exist — absent for GR, required for PS
 * and WS.
 */
public record ResultsShape(List<ListShape> lists, boolean voterCardsApply) {
  public ResultsShape {
    lists = List.copyOf(Objects.requireNonNull(lists, "lists"));
    int previous = 0;
    for (ListShape l : lists) {
      if (l.listNumber() <= previous) {
        throw new IllegalArgumentException("list numbers must be strictly increasing: " + l.listNumber());
      }
      previous = l.listNumber();
    }
  }

  /**
   * Rejects results that do not fit the election (abacus.md §4 hard rejections): a different number of lists
   * or candidates, other list numbers, or C present for an election without voter cards (or missing for
   * one with them).
   *
   * @throws InvalidResultsException naming the first mismatch
   */
  public void requireConforms(ResultsModel results) {
    boolean hasC = results.voters().voterCards() != null;
    if (hasC != voterCardsApply) {
      throw new InvalidResultsException(
          FieldPaths.VOTER_CARDS,
          voterCardsApply ? "voter cards are required in this election" : "this election has no voter cards");
    }
    List<ListVotes> pages = results.lists();
    if (pages.size() != lists.size()) {
      throw new InvalidResultsException(
          null, "the election has " + lists.size() + " lists, the results have " + pages.size());
    }
    for (int i = 0; i < lists.size(); i++) {
      ListShape expected = lists.get(i);
      ListVotes page = pages.get(i);
      if (page.listNumber() != expected.listNumber()) {
        throw new InvalidResultsException(
            null, "expected list " + expected.listNumber() + ", got list " + page.listNumber());
      }
      if (page.candidateVotes().size() != expected.candidateCount()) {
        throw new InvalidResultsException(
            FieldPaths.listTotal(page.listNumber()),
            "list " + expected.listNumber() + " has " + expected.candidateCount() + " candidates, the results have "
                + page.candidateVotes().size());
      }
    }
  }

  /** An entry with every field empty, of the given variant, fitting this shape. */
  public ResultsModel emptyResults(ModelVariant variant) {
    VoterCounts voters = VoterCounts.empty(voterCardsApply);
    List<ListTotal> totals = new ArrayList<>();
    List<ListVotes> pages = new ArrayList<>();
    for (ListShape l : lists) {
      totals.add(new ListTotal(l.listNumber(), 0));
      pages.add(ListVotes.empty(l));
    }
    VotesCounts votes = new VotesCounts(totals, 0, 0, 0, 0);
    switch (variant) {
      case CSO_FIRST_SESSION:
        return new CsoFirstSessionResults(ExtraInvestigation.EMPTY, CountingDifferencesPollingStation.EMPTY,
            voters, votes, DifferencesCounts.EMPTY, pages);
      case DSO_FIRST_SESSION:
        return new DsoFirstSessionResults(AboutReport.EMPTY, ChecksAndCorrections.EMPTY,
            voters, votes, DifferencesCounts.EMPTY, pages);
      case CSO_NEXT_SESSION:
        return new NextSessionResults(CountingMethod.CSO, voters, votes, DifferencesCounts.EMPTY, pages);
      case DSO_NEXT_SESSION:
        return new NextSessionResults(CountingMethod.DSO, voters, votes, DifferencesCounts.EMPTY, pages);
      case GSB_TOTALS:
        return new GsbResults(0, voters, votes, 0, 0, pages);
      default:
        throw new IllegalArgumentException("unknown variant " + variant);
    }
  }
}

package nl.uitslag.domain.results;

/**
 * The results of one polling station entered at the GSB: every model with the full differences block
 * (comparison checkboxes, I, J and "difference completely explained?").
 */
public sealed interface PollingStationResults extends ResultsModel
    permits CsoFirstSessionResults, DsoFirstSessionResults, NextSessionResults {

  /** The differences block. */
  DifferencesCounts differences();

  @Override
  default int moreBallotsCounted() {
    return differences().moreBallotsCounted();
  }

  @Override
  default int fewerBallotsCounted() {
    return differences().fewerBallotsCounted();
  }
}

package nl.uitslag.domain.results;

import java.util.Objects;

/**
 * Na 31-2 Bijlage 1, part B1-2 "verschillen met telresultaten van het stembureau": is the difference between
 * ballots and admitted voters completely explained in the polling station's results, and is there a
 * difference in the per-list ballot totals between the polling station's and the GSB's count?
 */
public record CountingDifferencesPollingStation(YesNo differenceExplainedBySb, YesNo listTotalsDiffer) {
  public static final CountingDifferencesPollingStation EMPTY =
      new CountingDifferencesPollingStation(YesNo.EMPTY, YesNo.EMPTY);

  public CountingDifferencesPollingStation {
    Objects.requireNonNull(differenceExplainedBySb, "differenceExplainedBySb");
    Objects.requireNonNull(listTotalsDiffer, "listTotalsDiffer");
  }
}

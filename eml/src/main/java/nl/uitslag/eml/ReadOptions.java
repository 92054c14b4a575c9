package nl.uitslag.eml;

import java.util.function.Consumer;
import nl.uitslag.domain.count.ReportingUnitCount;
import nl.uitslag.domain.election.CandidateLists;
import nl.uitslag.domain.election.ElectionIdentifier;

/**
 * What a reader checks a file against besides its own content: the election it must belong to (from the 110a), the
 * candidate lists every count must match (230b), and where reporting units go when streaming instead of being kept.
 * Every field may be null.
 */
public record ReadOptions(
    ElectionIdentifier expectedElection, CandidateLists candidateLists, Consumer<ReportingUnitCount> unitSink) {
  private static final ReadOptions NONE = new ReadOptions(null, null, null);

  /** No cross-file checks; reporting units are kept. */
  public static ReadOptions none() {
    return NONE;
  }

  public ReadOptions withExpectedElection(ElectionIdentifier election) {
    return new ReadOptions(election, candidateLists, unitSink);
  }

  public ReadOptions withCandidateLists(CandidateLists lists) {
    return new ReadOptions(expectedElection, lists, unitSink);
  }

  /** Hands each reporting unit to the sink as soon as it is read and checked, keeping memory use constant. */
  public ReadOptions withUnitSink(Consumer<ReportingUnitCount> sink) {
    return new ReadOptions(expectedElection, candidateLists, sink);
  }
}

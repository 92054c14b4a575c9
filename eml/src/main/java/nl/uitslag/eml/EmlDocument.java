package nl.uitslag.eml;

import nl.uitslag.domain.count.Count;
import nl.uitslag.domain.count.ElectionResult;
import nl.uitslag.domain.election.CandidateLists;
import nl.uitslag.domain.election.ElectionDefinition;
import nl.uitslag.domain.election.ElectionIdentifier;
import nl.uitslag.domain.election.PollingStations;

/** A read and checked EML_NL file: its header and the domain data it carries. */
public sealed interface EmlDocument {
  EmlHeader header();

  /** The election the file belongs to. */
  ElectionIdentifier election();

  /** An election definition (110a). */
  record Definition(EmlHeader header, ElectionDefinition definition) implements EmlDocument {
    @Override
    public ElectionIdentifier election() {
      return definition.election();
    }
  }

  /** Polling stations (110b). */
  record Stations(EmlHeader header, PollingStations stations) implements EmlDocument {
    @Override
    public ElectionIdentifier election() {
      return stations.election();
    }
  }

  /** Candidate lists (230b). */
  record Lists(EmlHeader header, CandidateLists lists) implements EmlDocument {
    @Override
    public ElectionIdentifier election() {
      return lists.election();
    }
  }

  /** A count (510a/b/c/d). When read with a unit sink, contests with a total hold no units. */
  record Counts(EmlHeader header, Count count) implements EmlDocument {
    @Override
    public ElectionIdentifier election() {
      return count.election();
    }
  }

  /** A result (520). */
  record Result(EmlHeader header, ElectionResult result) implements EmlDocument {
    @Override
    public ElectionIdentifier election() {
      return result.election();
    }
  }
}

package nl.uitslag.domain.count;

/**
 * The votes for one candidate: the candidate's position on the list (EML Id; null when only a ShortCode identifies
 * the candidate), the ShortCode if any, the votes and, in a corrigendum, the initial votes that were corrected.
 */
public record CandidateVotes(Integer position, String shortCode, long votes, Long initialVotes) {
  public CandidateVotes {
    if (position == null && shortCode == null) {
      throw new IllegalArgumentException("a candidate needs a position or a short code");
    }
    if (position != null && position < 1) {
      throw new IllegalArgumentException("candidate position must be at least 1: " + position);
    }
    VoteCount.check("candidate votes", votes);
    VoteCount.checkOptional("initial candidate votes", initialVotes);
  }

  public CandidateVotes(int position, long votes) {
    this(position, null, votes, null);
  }
}

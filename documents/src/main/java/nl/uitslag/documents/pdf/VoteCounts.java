package nl.uitslag.documents.pdf;

/**
 * The votes cast (uitgebrachte stemmen) of the paper models, letters as on the forms; the totals per
 * list (E.1 … E.n) are in {@link ListVotes}.
 *
 * @param votesOnCandidates E: total of the votes on candidates
 * @param blank F: blank votes (blanco)
 * @param invalid G: invalid votes (ongeldig)
 * @param totalCast H: total votes cast
 */
public record VoteCounts(long votesOnCandidates, long blank, long invalid, long totalCast) {

  public VoteCounts {
    Checks.count(votesOnCandidates, "E (stemmen op kandidaten)");
    Checks.count(blank, "F (blanco)");
    Checks.count(invalid, "G (ongeldig)");
    Checks.count(totalCast, "H (uitgebrachte stemmen)");
    // F.203: a definitive result has E + F + G = H.
    if (votesOnCandidates + blank + invalid != totalCast) {
      throw new IllegalArgumentException(
          "F.203: E + F + G must equal H, got " + votesOnCandidates + " + " + blank + " + "
              + invalid + " != " + totalCast);
    }
  }

  VoteCounts plus(VoteCounts o) {
    return new VoteCounts(
        votesOnCandidates + o.votesOnCandidates,
        blank + o.blank,
        invalid + o.invalid,
        totalCast + o.totalCast);
  }

  static final VoteCounts ZERO = new VoteCounts(0, 0, 0, 0);
}

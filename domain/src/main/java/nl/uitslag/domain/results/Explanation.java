package nl.uitslag.domain.results;

/**
 * The explanations of a difference between admitted voters and counted ballots that a GSB's or HSB's count file
 * may carry per unit and in its total (EML UncountedVotes, the reasons after I and J, in schema order): ballots
 * taken away (meegenomen), too few or too many ballots issued, no or too many postal ballots, lost ballots, no
 * explanation, another explanation.
 */
public enum Explanation {
  BALLOTS_TAKEN_AWAY,
  TOO_FEW_BALLOTS_ISSUED,
  TOO_MANY_BALLOTS_ISSUED,
  NO_POSTAL_BALLOTS,
  TOO_MANY_POSTAL_BALLOTS,
  LOST_BALLOTS,
  NO_EXPLANATION,
  OTHER_EXPLANATION
}

package nl.uitslag.documents.pdf;

/**
 * The differences between admitted voters and counted ballots (GSB models).
 *
 * @param moreBallotsCounted I: more ballots counted than voters admitted (H − D when H &gt; D)
 * @param fewerBallotsCounted J: fewer ballots counted than voters admitted (D − H when H &lt; D)
 */
public record DifferenceCounts(long moreBallotsCounted, long fewerBallotsCounted) {

  public DifferenceCounts {
    Checks.count(moreBallotsCounted, "I (meer getelde stembiljetten)");
    Checks.count(fewerBallotsCounted, "J (minder getelde stembiljetten)");
  }

  DifferenceCounts plus(DifferenceCounts o) {
    return new DifferenceCounts(
        moreBallotsCounted + o.moreBallotsCounted, fewerBallotsCounted + o.fewerBallotsCounted);
  }

  static final DifferenceCounts ZERO = new DifferenceCounts(0, 0);
}

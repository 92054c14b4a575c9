package nl.uitslag.documents.pdf;

/**
 * What the GSB did about one polling station beyond adding it up, as the PV reports it under
 * "onderzochte stembureaus" (for CSO taken from the Na 31-2 Bijlage 1 questions B1-1 and B1-2).
 *
 * @param admittedVotersRecounted the number of admitted voters was established again
 * @param investigatedForOtherReason investigated for another reason than an unexplained difference
 * @param ballotsRecounted the ballots were (partly) recounted
 */
public record Investigation(
    boolean admittedVotersRecounted, boolean investigatedForOtherReason, boolean ballotsRecounted) {

  public static final Investigation NONE = new Investigation(false, false, false);

  public boolean any() {
    return admittedVotersRecounted || investigatedForOtherReason || ballotsRecounted;
  }
}

package nl.uitslag.documents.pdf;

/**
 * The admitted voters (toegelaten kiezers) of the paper models, letters as on the forms.
 *
 * @param pollCards A: valid poll cards (stempassen)
 * @param proxyCertificates B: valid proxy certificates (volmachtbewijzen)
 * @param voterCards C: valid voter cards (kiezerspassen); 0 where C does not exist (GR)
 * @param totalAdmitted D: total admitted voters
 */
public record VoterCounts(
    long pollCards, long proxyCertificates, long voterCards, long totalAdmitted) {

  public VoterCounts {
    Checks.count(pollCards, "A (stempassen)");
    Checks.count(proxyCertificates, "B (volmachtbewijzen)");
    Checks.count(voterCards, "C (kiezerspassen)");
    Checks.count(totalAdmitted, "D (toegelaten kiezers)");
    // F.201: a definitive result has A + B + C = D.
    if (pollCards + proxyCertificates + voterCards != totalAdmitted) {
      throw new IllegalArgumentException(
          "F.201: A + B + C must equal D, got " + pollCards + " + " + proxyCertificates + " + "
              + voterCards + " != " + totalAdmitted);
    }
  }

  VoterCounts plus(VoterCounts o) {
    return new VoterCounts(
        pollCards + o.pollCards,
        proxyCertificates + o.proxyCertificates,
        voterCards + o.voterCards,
        totalAdmitted + o.totalAdmitted);
  }

  static final VoterCounts ZERO = new VoterCounts(0, 0, 0, 0);
}

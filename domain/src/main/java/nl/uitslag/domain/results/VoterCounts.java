package nl.uitslag.domain.results;

import static nl.uitslag.domain.results.FieldPaths.POLL_CARDS;
import static nl.uitslag.domain.results.FieldPaths.PROXY_CERTIFICATES;
import static nl.uitslag.domain.results.FieldPaths.TOTAL_ADMITTED_VOTERS;
import static nl.uitslag.domain.results.FieldPaths.VOTER_CARDS;

/**
 * The admitted voters of the common block: A poll cards (stempassen), B proxy certificates
 * (volmachtbewijzen), C voter cards (kiezerspassen; null for GR, where they do not exist) and D total
 * admitted voters (totaal toegelaten kiezers).
 */
public record VoterCounts(int pollCards, int proxyCertificates, Integer voterCards, int totalAdmittedVoters) {
  public VoterCounts {
    Counts.check(POLL_CARDS, pollCards);
    Counts.check(PROXY_CERTIFICATES, proxyCertificates);
    if (voterCards != null) {
      Counts.check(VOTER_CARDS, voterCards);
    }
    Counts.check(TOTAL_ADMITTED_VOTERS, totalAdmittedVoters);
  }

  /** C as a number, 0 when voter cards do not apply (F.201 treats an absent C as 0). */
  public int voterCardsOrZero() {
    return voterCards == null ? 0 : voterCards;
  }

  /** All zero, with C present exactly when the election has voter cards. */
  public static VoterCounts empty(boolean voterCardsApply) {
    return new VoterCounts(0, 0, voterCardsApply ? 0 : null, 0);
  }
}

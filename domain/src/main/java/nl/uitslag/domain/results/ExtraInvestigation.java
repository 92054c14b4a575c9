package nl.uitslag.domain.results;

import java.util.Objects;

/**
 * Na 31-2 Bijlage 1, part B1-1 "extra onderzoek": was the polling station investigated for another reason
 * than an unexplained difference, and were the ballots (partly) recounted after that investigation?
 */
public record ExtraInvestigation(YesNo investigatedOtherReason, YesNo ballotsRecounted) {
  public static final ExtraInvestigation EMPTY = new ExtraInvestigation(YesNo.EMPTY, YesNo.EMPTY);

  public ExtraInvestigation {
    Objects.requireNonNull(investigatedOtherReason, "investigatedOtherReason");
    Objects.requireNonNull(ballotsRecounted, "ballotsRecounted");
  }
}

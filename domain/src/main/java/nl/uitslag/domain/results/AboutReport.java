package nl.uitslag.domain.results;

import java.util.Objects;

/**
 * N 10-1 "over het proces-verbaal": is a corrigendum (Na 14-1 versie 1) present — yes = two documents,
 * no = one document — and is the checks-and-corrections page present (yes) or missing (no)?
 */
public record AboutReport(YesNo corrigendumPresent, YesNo checksPagePresent) {
  public static final AboutReport EMPTY = new AboutReport(YesNo.EMPTY, YesNo.EMPTY);

  public AboutReport {
    Objects.requireNonNull(corrigendumPresent, "corrigendumPresent");
    Objects.requireNonNull(checksPagePresent, "checksPagePresent");
  }
}

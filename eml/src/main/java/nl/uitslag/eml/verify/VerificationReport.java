package nl.uitslag.eml.verify;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of verifying the published files of one election: the election, the files read, every check with
 * its outcome, notes on what could not be checked and why, and what was recomputed (totals per level, seats, steps).
 */
public record VerificationReport(String electionId, String electionName, List<String> files, List<Check> checks,
    List<String> notes, Recomputation recomputation) {
  /** Exit code when every check agrees. */
  public static final int AGREES = 0;
  /** Exit code when at least one difference was found. */
  public static final int DIFFERENT = 1;
  /** Exit code when nothing differs but a check could not be completed (e.g. a lot decided the outcome). */
  public static final int CANNOT_VERIFY = 3;

  public VerificationReport {
    Objects.requireNonNull(electionId, "electionId");
    files = List.copyOf(files);
    checks = List.copyOf(checks);
    notes = List.copyOf(notes);
    if (recomputation == null) {
      recomputation = new Recomputation(List.of(), List.of(), List.of(), null);
    }
  }

  public VerificationReport(String electionId, String electionName, List<String> files, List<Check> checks,
      List<String> notes) {
    this(electionId, electionName, files, checks, notes, null);
  }

  public long count(CheckStatus status) {
    return checks.stream().filter(c -> c.status() == status).count();
  }

  public List<Check> differences() {
    return checks.stream().filter(c -> c.status() == CheckStatus.DIFFERENT).toList();
  }

  /** 0 when everything agrees, 1 on any difference, 3 when only a lot or missing data stopped a check. */
  public int exitCode() {
    if (count(CheckStatus.DIFFERENT) > 0) {
      return DIFFERENT;
    }
    return count(CheckStatus.CANNOT_VERIFY) > 0 ? CANNOT_VERIFY : AGREES;
  }
}

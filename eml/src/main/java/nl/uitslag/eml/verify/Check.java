package nl.uitslag.eml.verify;

import java.util.Objects;

/**
 * One check of an independent verification of published election files: what was checked, where (file, contest,
 * reporting unit, list or candidate), the outcome, and for a difference both numbers.
 *
 * @param kind short name of the check, e.g. "unit-sum", "level-sum", "seats", "elected"
 * @param location where in the files, e.g. "Telling.eml.xml, contest geen, list 3 candidate 2"
 * @param published the value in the file being checked (null when not applicable)
 * @param recomputed the value recomputed from the other files (null when not applicable)
 * @param message what the check says, in one line
 */
public record Check(CheckStatus status, String kind, String location, String published, String recomputed,
    String message) {
  public Check {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  static Check ok(String kind, String location, String message) {
    return new Check(CheckStatus.OK, kind, location, null, null, message);
  }

  static Check compare(String kind, String location, String what, Object published, Object recomputed) {
    boolean same = Objects.equals(String.valueOf(published), String.valueOf(recomputed));
    return new Check(same ? CheckStatus.OK : CheckStatus.DIFFERENT, kind, location, String.valueOf(published),
        String.valueOf(recomputed), same ? what + ": " + published
            : what + ": published " + published + ", recomputed " + recomputed);
  }

  static Check cannotVerify(String kind, String location, String message) {
    return new Check(CheckStatus.CANNOT_VERIFY, kind, location, null, null, message);
  }
}

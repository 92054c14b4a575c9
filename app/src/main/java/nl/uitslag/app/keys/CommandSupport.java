package nl.uitslag.app.keys;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import nl.uitslag.crypto.RejectedException;
import nl.uitslag.crypto.Rejection;

/** Exit codes and messages shared by the key and seal commands. */
final class CommandSupport {
  static final int OK = 0;
  static final int REJECTED = 1;
  static final int USAGE = 2;
  /** The signer's certificate is on the revocation list: its own code, so a script can tell it from a bad file. */
  static final int REVOKED = 3;

  private CommandSupport() {}

  interface Action {
    int run() throws RejectedException;
  }

  /** Runs the action; a refusal prints its reason in Dutch and English and the technical detail for the log. */
  static int run(PrintWriter err, Action action) {
    try {
      return action.run();
    } catch (RejectedException e) {
      err.println("GEWEIGERD: " + e.reason().dutch());
      err.println("REJECTED: " + e.reason().english());
      err.println("reason=" + e.reason() + " detail=" + e.getMessage());
      err.flush();
      return e.reason() == Rejection.CERTIFICATE_REVOKED ? REVOKED : REJECTED;
    } catch (IllegalArgumentException e) {
      err.println("Fout / Error: " + e.getMessage());
      err.flush();
      return USAGE;
    }
  }

  /** Accepts a date ({@code 2026-03-18}, start of day UTC) or an instant ({@code 2026-03-18T21:00:00Z}). */
  static Instant instant(String text, String option) {
    if (text == null) {
      return null;
    }
    try {
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + ": not a date (2026-03-18) or UTC time (2026-03-18T21:00:00Z)", e);
    }
  }
}

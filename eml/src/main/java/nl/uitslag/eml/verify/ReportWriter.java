package nl.uitslag.eml.verify;

import java.util.List;

/** Writes a verification report for people (text) and for programs (JSON). */
public final class ReportWriter {
  private ReportWriter() {}

  /** Every check on one line with OK, DIFFERENT or CANNOT_VERIFY and its location, then notes and a summary. */
  public static String text(VerificationReport r) {
    StringBuilder b = new StringBuilder();
    b.append("Verification of ").append(r.electionId());
    if (r.electionName() != null) {
      b.append(" (").append(r.electionName()).append(')');
    }
    b.append('\n').append('\n').append("Files\n");
    for (String f : r.files()) {
      b.append("  ").append(f).append('\n');
    }
    b.append('\n').append("Checks\n");
    for (Check c : r.checks()) {
      b.append(String.format("  %-13s %-10s %s: %s%n", c.status(), c.kind(), c.location(), c.message()));
    }
    if (!r.notes().isEmpty()) {
      b.append('\n').append("Notes\n");
      for (String n : r.notes()) {
        b.append("  ").append(n).append('\n');
      }
    }
    b.append('\n').append(String.format("%d checks: %d OK, %d DIFFERENT, %d CANNOT_VERIFY%n", r.checks().size(),
        r.count(CheckStatus.OK), r.count(CheckStatus.DIFFERENT), r.count(CheckStatus.CANNOT_VERIFY)));
    switch (r.exitCode()) {
      case VerificationReport.AGREES:
        b.append("RESULT: everything agrees\n");
        break;
      case VerificationReport.DIFFERENT:
        b.append("RESULT: DIFFERENCES FOUND\n");
        break;
      default:
        b.append("RESULT: not everything could be verified from the files alone\n");
        break;
    }
    return b.toString();
  }

  /** The report as one JSON object. */
  public static String json(VerificationReport r) {
    StringBuilder b = new StringBuilder("{");
    field(b, "electionId", r.electionId()).append(',');
    field(b, "electionName", r.electionName()).append(',');
    b.append("\"exitCode\":").append(r.exitCode()).append(',');
    b.append("\"agrees\":").append(r.exitCode() == VerificationReport.AGREES).append(',');
    b.append("\"ok\":").append(r.count(CheckStatus.OK)).append(',');
    b.append("\"different\":").append(r.count(CheckStatus.DIFFERENT)).append(',');
    b.append("\"cannotVerify\":").append(r.count(CheckStatus.CANNOT_VERIFY)).append(',');
    strings(b, "files", r.files()).append(',');
    strings(b, "notes", r.notes()).append(',');
    b.append("\"checks\":[");
    for (int i = 0; i < r.checks().size(); i++) {
      Check c = r.checks().get(i);
      b.append(i == 0 ? "" : ",").append('{');
      field(b, "status", c.status().name()).append(',');
      field(b, "kind", c.kind()).append(',');
      field(b, "location", c.location()).append(',');
      field(b, "published", c.published()).append(',');
      field(b, "recomputed", c.recomputed()).append(',');
      field(b, "message", c.message()).append('}');
    }
    return b.append("]}").toString();
  }

  /** The error for input that cannot be verified, as JSON. */
  public static String jsonError(String message) {
    StringBuilder b = new StringBuilder("{\"exitCode\":2,");
    return field(b, "error", message).append('}').toString();
  }

  private static StringBuilder strings(StringBuilder b, String name, List<String> values) {
    b.append('"').append(name).append("\":[");
    for (int i = 0; i < values.size(); i++) {
      b.append(i == 0 ? "" : ",");
      quote(b, values.get(i));
    }
    return b.append(']');
  }

  private static StringBuilder field(StringBuilder b, String name, String value) {
    b.append('"').append(name).append("\":");
    if (value == null) {
      return b.append("null");
    }
    return quote(b, value);
  }

  private static StringBuilder quote(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"':
          b.append("\\\"");
          break;
        case '\\':
          b.append("\\\\");
          break;
        case '\n':
          b.append("\\n");
          break;
        case '\r':
          b.append("\\r");
          break;
        case '\t':
          b.append("\\t");
          break;
        default:
          if (ch < 0x20) {
            b.append(String.format("\\u%04x", (int) ch));
          } else {
            b.append(ch);
          }
      }
    }
    return b.append('"');
  }
}

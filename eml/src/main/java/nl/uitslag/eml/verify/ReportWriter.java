package nl.uitslag.eml.verify;

import java.util.List;

/** Writes a verification report for people (text, one self-contained HTML page) and for programs (JSON). */
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

  /** Above this many OK checks the HTML page counts them per kind instead of listing each. */
  static final int HTML_OK_LIMIT = 2000;

  /**
   * One self-contained HTML page (inline CSS and SVG, no script, no external resource): the verdict, the files,
   * the totals per level, the recomputed seats as a bar chart and a table, the steps of the apportionment, and the
   * checks (every difference and every check that could not be completed; OK checks listed when there are not too
   * many, else counted per kind). Every text from the files is escaped.
   */
  public static String html(VerificationReport r) {
    StringBuilder b = new StringBuilder(1 << 16);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<title>Verification of ").append(esc(r.electionId())).append("</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:72em;color:#1b1b1b}\n")
        .append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #bbb;padding:.2em .5em;")
        .append("text-align:left;vertical-align:top}th{background:#eee}td.n{text-align:right}\n")
        .append(".OK{color:#155724}.DIFFERENT{color:#fff;background:#b00020;font-weight:bold}")
        .append(".CANNOT_VERIFY{background:#ffd966}\n.verdict{font-size:1.4em;padding:.4em .8em;display:inline-block}\n")
        .append("</style>\n</head>\n<body>\n");
    b.append("<h1>Verification of ").append(esc(r.electionId())).append("</h1>\n");
    if (r.electionName() != null) {
      b.append("<p>").append(esc(r.electionName())).append("</p>\n");
    }
    String verdict;
    String css;
    switch (r.exitCode()) {
      case VerificationReport.AGREES:
        verdict = "Everything agrees";
        css = "OK";
        break;
      case VerificationReport.DIFFERENT:
        verdict = "Differences found";
        css = "DIFFERENT";
        break;
      default:
        verdict = "Not everything could be verified from the files alone";
        css = "CANNOT_VERIFY";
        break;
    }
    b.append("<p class=\"verdict ").append(css).append("\">").append(verdict).append("</p>\n");
    b.append("<p>").append(r.checks().size()).append(" checks: ").append(r.count(CheckStatus.OK)).append(" OK, ")
        .append(r.count(CheckStatus.DIFFERENT)).append(" different, ").append(r.count(CheckStatus.CANNOT_VERIFY))
        .append(" could not be verified (exit code ").append(r.exitCode()).append(").</p>\n");

    b.append("<h2>Files</h2>\n<ul>\n");
    for (String f : r.files()) {
      b.append("<li>").append(esc(f)).append("</li>\n");
    }
    b.append("</ul>\n");

    Recomputation rc = r.recomputation();
    if (!rc.totals().isEmpty()) {
      b.append("<h2>Totals per level</h2>\n<table>\n<tr><th>level</th><th>file</th><th>contest</th>")
          .append("<th>reporting units</th><th>eligible voters</th><th>valid votes</th><th>blank</th><th>invalid</th>")
          .append("</tr>\n");
      for (Recomputation.LevelTotal t : rc.totals()) {
        b.append("<tr><td>").append(esc(t.level())).append("</td><td>").append(esc(t.file())).append("</td><td>")
            .append(esc(t.contest())).append("</td>");
        num(b, t.reportingUnits());
        num(b, t.eligibleVoters());
        num(b, t.valid());
        num(b, t.blank());
        num(b, t.invalid());
        b.append("</tr>\n");
      }
      b.append("</table>\n");
    }

    if (!rc.seats().isEmpty()) {
      b.append("<h2>Seats recomputed from the counts</h2>\n");
      if (rc.quota() != null) {
        b.append("<p>Kiesdeler (quota): ").append(esc(rc.quota())).append("</p>\n");
      }
      chart(b, rc.seats());
      b.append("<table>\n<tr><th>list</th><th>name</th><th>votes</th><th>seats</th></tr>\n");
      for (Recomputation.ListSeats l : rc.seats()) {
        b.append("<tr><td class=\"n\">").append(l.number()).append("</td><td>").append(esc(l.name()))
            .append("</td>");
        num(b, l.votes());
        num(b, l.seats());
        b.append("</tr>\n");
      }
      b.append("</table>\n");
    }
    if (!rc.steps().isEmpty()) {
      b.append("<h2>Steps of the apportionment</h2>\n<table>\n<tr><th>step</th><th>kind</th><th>article</th>")
          .append("<th>list</th><th>from list</th><th>value</th><th>tied</th></tr>\n");
      for (Recomputation.StepRow s : rc.steps()) {
        b.append("<tr><td class=\"n\">").append(s.number()).append("</td><td>").append(esc(s.kind()))
            .append("</td><td>").append(esc(s.article())).append("</td><td>").append(esc(s.list()))
            .append("</td><td>").append(esc(s.fromList())).append("</td><td class=\"n\">").append(esc(s.value()))
            .append("</td><td>").append(esc(s.tied())).append("</td></tr>\n");
      }
      b.append("</table>\n");
    }

    b.append("<h2>Checks</h2>\n");
    boolean listOk = r.count(CheckStatus.OK) <= HTML_OK_LIMIT;
    if (!listOk) {
      java.util.Map<String, Long> perKind = new java.util.TreeMap<>();
      r.checks().stream().filter(c -> c.status() == CheckStatus.OK)
          .forEach(c -> perKind.merge(c.kind(), 1L, Long::sum));
      b.append("<p>OK checks per kind (too many to list; the text and JSON reports list every one):</p>\n<ul>\n");
      perKind.forEach((k, n) -> b.append("<li>").append(esc(k)).append(": ").append(n).append("</li>\n"));
      b.append("</ul>\n");
    }
    b.append("<table>\n<tr><th>status</th><th>kind</th><th>location</th><th>published</th><th>recomputed</th>")
        .append("<th>message</th></tr>\n");
    for (Check c : r.checks()) {
      if (c.status() == CheckStatus.OK && !listOk) {
        continue;
      }
      b.append("<tr><td class=\"").append(c.status().name()).append("\">").append(c.status().name())
          .append("</td><td>").append(esc(c.kind())).append("</td><td>").append(esc(c.location()))
          .append("</td><td>").append(esc(c.published())).append("</td><td>").append(esc(c.recomputed()))
          .append("</td><td>").append(esc(c.message())).append("</td></tr>\n");
    }
    b.append("</table>\n");
    if (!r.notes().isEmpty()) {
      b.append("<h2>Notes</h2>\n<ul>\n");
      for (String n : r.notes()) {
        b.append("<li>").append(esc(n)).append("</li>\n");
      }
      b.append("</ul>\n");
    }
    return b.append("</body>\n</html>\n").toString();
  }

  /** A horizontal bar per list with seats, scaled to the largest; list numbers and names as SVG text. */
  private static void chart(StringBuilder b, java.util.List<Recomputation.ListSeats> seats) {
    java.util.List<Recomputation.ListSeats> shown = seats.stream().filter(l -> l.seats() > 0).toList();
    int max = shown.stream().mapToInt(Recomputation.ListSeats::seats).max().orElse(1);
    int row = 22;
    int height = row * shown.size() + 10;
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"").append(height)
        .append("\" role=\"img\" aria-label=\"seats per list\">\n");
    int y = 5;
    for (Recomputation.ListSeats l : shown) {
      int w = (int) Math.round(400.0 * l.seats() / max);
      String label = l.number() + " " + l.name();
      if (label.length() > 40) {
        label = label.substring(0, 39) + "…";
      }
      b.append("<text x=\"0\" y=\"").append(y + 15).append("\" font-size=\"13\">").append(esc(label))
          .append("</text>");
      b.append("<rect x=\"300\" y=\"").append(y + 3).append("\" width=\"").append(w).append("\" height=\"16\"")
          .append(" fill=\"#2f5d8a\"/>");
      b.append("<text x=\"").append(306 + w).append("\" y=\"").append(y + 15).append("\" font-size=\"13\">")
          .append(l.seats()).append("</text>\n");
      y += row;
    }
    b.append("</svg>\n");
  }

  private static void num(StringBuilder b, long v) {
    b.append("<td class=\"n\">").append(v).append("</td>");
  }

  /** Escapes text for HTML element content and double-quoted attributes. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&':
          b.append("&amp;");
          break;
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '"':
          b.append("&quot;");
          break;
        case '\'':
          b.append("&#39;");
          break;
        default:
          b.append(ch);
      }
    }
    return b.toString();
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

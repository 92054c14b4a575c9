package nl.uitslag.e2e;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo election's GSB made ready for data entry through the pages alone: the administrator replaces the
 * one-time password, creates a coordinator and typists (each replaces their one-time password), and the
 * coordinator starts the session. No test-only entrance into the server is used.
 */
final class DemoCommittee {
  static final String ADMIN_PASSWORD = "beheerder wachtwoord voor de test";

  final String base;
  final WebSession coordinator;
  final List<String> typists = new ArrayList<>();
  final List<Long> stationIds = new ArrayList<>();

  private DemoCommittee(String base, WebSession coordinator) {
    this.base = base;
    this.coordinator = coordinator;
  }

  static String passwordOf(String user) {
    // Long enough (13+), and never containing the user name (the password rules).
    return "een lang geheim wachtwoord " + Integer.toHexString(user.hashCode());
  }

  static DemoCommittee setUp(RunningServer server, int typistCount) throws Exception {
    String otp = WebSession.find(server.output(), "one-time password: (\\S+)");
    String base = server.url("");
    WebSession admin = new WebSession(base);
    admin.login("admin", otp);
    admin.changePassword(otp, ADMIN_PASSWORD);
    String page = admin.get("/admin/users").body();
    String committee = WebSession.find(page, "<option value=\"(\\d+)\">[^<]*Gemeentelijk stembureau");
    List<String> typists = new ArrayList<>();
    for (int i = 1; i <= typistCount; i++) {
      typists.add("invoerder" + i);
    }
    WebSession coordinator = new WebSession(base);
    activate(admin, base, "coordinator", "COORDINATOR", committee, coordinator);
    DemoCommittee c = new DemoCommittee(base, coordinator);
    for (String t : typists) {
      activate(admin, base, t, "TYPIST", committee, null);
      c.typists.add(t);
    }
    HttpResponse<String> started = coordinator.post("/dataentry/session", Map.of("action", "START"));
    if (started.statusCode() != 302) {
      throw new IllegalStateException("session not started: " + started.statusCode());
    }
    Matcher m = Pattern.compile("/dataentry/(\\d+)/1/claim").matcher(coordinator.get("/dataentry").body());
    while (m.find()) {
      c.stationIds.add(Long.parseLong(m.group(1)));
    }
    return c;
  }

  private static void activate(
      WebSession admin, String base, String username, String role, String committee, WebSession into)
      throws Exception {
    String created =
        admin
            .post(
                "/admin/users",
                Map.of("username", username, "fullName", "Test " + username, "role", role, "committeeId", committee))
            .body();
    String otp = WebSession.find(created, "id=\"one-time-password\">([^<]+)<");
    WebSession s = into == null ? new WebSession(base) : into;
    s.login(username, otp);
    s.changePassword(otp, passwordOf(username));
  }

  /**
   * A Na 31-2 Bijlage 1 form for the demo election with a marker: candidate 1 of list 1 gets {@code marker}
   * votes, every other candidate one, and every total agrees (no errors), so a save or a finalise is accepted.
   */
  static Map<String, String> form(String formHtml, int marker) {
    Map<String, Integer> lists = new TreeMap<>();
    Matcher m = Pattern.compile("name=\"list\\.(\\d+)\\.candidate\\.(\\d+)\"").matcher(formHtml);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("extraInvestigation.otherReason.no", "true");
    p.put("extraInvestigation.ballotsRecounted.no", "true");
    p.put("countingDifferences.explainedBySb.yes", "true");
    p.put("countingDifferences.listTotalsDiffer.no", "true");
    while (m.find()) {
      int votes = m.group(1).equals("1") && m.group(2).equals("1") ? marker : 1;
      p.put("list." + m.group(1) + ".candidate." + m.group(2), Integer.toString(votes));
      lists.merge("list." + m.group(1), votes, Integer::sum);
    }
    int total = 0;
    for (Map.Entry<String, Integer> e : lists.entrySet()) {
      p.put(e.getKey() + ".total", e.getValue().toString());
      p.put("E." + e.getKey().substring("list.".length()), e.getValue().toString());
      total += e.getValue();
    }
    String t = Integer.toString(total);
    p.put("E", t);
    p.put("F", "0");
    p.put("G", "0");
    p.put("H", t);
    p.put("A", t);
    p.put("B", "");
    p.put("D", t);
    p.put("compare.equal", "true");
    p.put("I", "");
    p.put("J", "");
    return p;
  }

  /** The marker value shown in the form for candidate 1 of list 1. */
  static Integer marker(String formHtml) {
    Matcher m = Pattern.compile("name=\"list\\.1\\.candidate\\.1\" value=\"(\\d*)\"").matcher(formHtml);
    return m.find() && !m.group(1).isEmpty() ? Integer.valueOf(m.group(1)) : null;
  }
}

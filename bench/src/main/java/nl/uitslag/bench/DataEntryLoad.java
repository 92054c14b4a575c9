package nl.uitslag.bench;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loopback load test of data entry (product.md §6: 50 typists saving at once, p99 save under 100 ms, no save
 * lost). Starts the real jar on a fresh data directory, creates the TK2021 election through the import wizard
 * (the real 110a and Lelystad 230b from /work/shared, plus a generated 110b with one polling station per typist),
 * creates the users through the administrator's page, and lets every typist save their own Na 31-2 Bijlage 1
 * (29 lists) over and over. Reports p50, p99 and the maximum save latency, the number of failed saves, and the
 * server's CPU time per save (all its threads, over the measured window only; after two warm-up saves per typist),
 * with the load average, because wall-clock figures mean little on a shared machine.
 *
 * <pre>
 * ./mvnw -q -B -Pbench -pl app,bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar nl.uitslag.bench.DataEntryLoad [typists] [seconds] [think-ms]
 * </pre>
 *
 * System properties: {@code uitslag.endpoint} = {@code save} (default: the Save button, answered with the whole
 * form) or {@code autosave} (the htmx autosave, answered with its status line); {@code uitslag.serverJvm} = extra
 * server JVM options separated by spaces (e.g. {@code -XX:StartFlightRecording=filename=/tmp/save.jfr});
 * {@code uitslag.jar} = the server jar (default {@code app/target/uitslag.jar}); {@code uitslag.start} =
 * {@code together} (default: all typists released at one instant and thinking exactly {@code think-ms}, so they keep
 * saving in step, the worst case) or {@code staggered} (each starts at a random moment within one think time and
 * thinks between half and one and a half times it, as people at keyboards do).
 *
 * Bounded: at most 10 minutes of load whatever is asked (default 60 s).
 */
public final class DataEntryLoad {
  private static final Duration MAX = Duration.ofMinutes(10);

  private DataEntryLoad() {}

  public static void main(String[] args) throws Exception {
    int typists = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    Duration load = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
    if (load.compareTo(MAX) > 0) {
      load = MAX;
    }
    long thinkMs = args.length > 2 ? Long.parseLong(args[2]) : 0;
    Path jar = Path.of(System.getProperty("uitslag.jar", "app/target/uitslag.jar")).toAbsolutePath();
    Path shared = Path.of(System.getProperty("uitslag.shared", "../shared")).toAbsolutePath();
    Path dataDir = Files.createTempDirectory("uitslag-load");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    // Extra server JVM options, e.g. -Duitslag.serverJvm=-XX:StartFlightRecording=filename=/tmp/save.jfr
    for (String option : System.getProperty("uitslag.serverJvm", "").split(" ")) {
      if (!option.isBlank()) {
        command.add(option);
      }
    }
    command.addAll(List.of("-jar", jar.toString(), "demo", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--data-dir", dataDir.toString(), "--no-tls", "--airgap-targets", "127.0.0.1:" + closed));
    Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
    StringBuffer output = new StringBuffer();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          output.append(line).append('\n');
        }
      } catch (IOException ignored) {
        // ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    try {
      String base = "http://127.0.0.1:" + port;
      long t0 = System.nanoTime();
      while (!output.toString().contains("one-time password:")) {
        if (!server.isAlive() || System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(3)) {
          throw new IllegalStateException("server did not start:\n" + output);
        }
        Thread.sleep(200);
      }
      run(base, find(output.toString(), "one-time password: (\\S+)"), shared, typists, load, thinkMs, server,
          System.getProperty("uitslag.endpoint", "save"));
    } finally {
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
      server.destroyForcibly();
    }
  }

  private static void run(
      String base, String otp, Path shared, int typists, Duration load, long thinkMs, Process server,
      String endpoint) throws Exception {
    boolean autosave = endpoint.equals("autosave");
    boolean staggered = "staggered".equals(System.getProperty("uitslag.start", "together"));
    if (!autosave && !endpoint.equals("save")) {
      throw new IllegalArgumentException("uitslag.endpoint is save or autosave, not " + endpoint);
    }
    Web admin = new Web(base);
    admin.login("admin", otp);
    admin.changePassword(otp, "beheerder wachtwoord voor de meting");
    importTk2021(admin, shared, typists);
    String committee =
        find(admin.get("/admin/users").body(), "<option value=\"(\\d+)\">Tweede Kamer[^<]*Gemeentelijk stembureau");
    Web coordinator = new Web(base);
    activate(admin, coordinator, "coordinator", "COORDINATOR", committee);
    List<Web> sessions = new ArrayList<>();
    for (int i = 1; i <= typists; i++) {
      Web t = new Web(base);
      activate(admin, t, "invoerder" + i, "TYPIST", committee);
      sessions.add(t);
    }
    check(coordinator.post("/dataentry/session", Map.of("action", "START")).statusCode() == 302, "session start");
    List<Long> stations = new ArrayList<>();
    Matcher m = Pattern.compile("/dataentry/(\\d+)/1/claim").matcher(coordinator.get("/dataentry").body());
    while (m.find()) {
      stations.add(Long.parseLong(m.group(1)));
    }
    check(stations.size() >= typists, "one polling station per typist");

    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger fields = new AtomicInteger();
    CountDownLatch ready = new CountDownLatch(typists);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    long[] end = new long[1];
    for (int i = 0; i < typists; i++) {
      Web web = sessions.get(i);
      long station = stations.get(i);
      Thread t = new Thread(() -> {
        try {
          check(web.post("/dataentry/" + station + "/1/claim", Map.of()).statusCode() == 302, "claim");
          String html = web.get("/dataentry/" + station + "/1").body();
          // Warm-up (not measured): two saves per typist, so the JIT has seen the save path.
          for (int w = 0; w < 2; w++) {
            Map<String, String> form = form(html, 1000 + w);
            form.put("action", "save");
            check(web.post("/dataentry/" + station + "/1", form).statusCode() == 200, "warm-up save");
          }
          ready.countDown();
          go.await();
          if (staggered && thinkMs > 0) {
            // Typists do not press keys in lockstep: each starts at its own moment within one think time.
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(thinkMs));
          }
          int marker = 0;
          while (System.nanoTime() < end[0]) {
            Map<String, String> form = form(html, ++marker);
            fields.set(form.size());
            if (!autosave) {
              form.put("action", "save");
            }
            long s = System.nanoTime();
            HttpResponse<String> r =
                web.post("/dataentry/" + station + "/1" + (autosave ? "/autosave" : ""), form);
            long took = System.nanoTime() - s;
            if (r.statusCode() == 200 && r.body().contains("role=\"status\"") && !r.body().contains("role=\"alert\"")) {
              latencies.add(took);
            } else if (errors.incrementAndGet() == 1) {
              Matcher a = Pattern.compile("role=\"alert\"[^>]*>([^<]*)").matcher(r.body());
              System.err.println("first failed save: HTTP " + r.statusCode() + (a.find() ? ": " + a.group(1) : ""));
            }
            if (thinkMs > 0) {
              // Staggered: a think time between half and one and a half times the given one, so the typists
              // do not fall into step again; together: exactly the given one, so all 50 keep saving at once.
              Thread.sleep(staggered
                  ? thinkMs / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(thinkMs + 1) : thinkMs);
            }
          }
        } catch (Exception e) {
          errors.incrementAndGet();
          System.err.println("typist stopped: " + e);
          ready.countDown();
        }
      });
      t.start();
      threads.add(t);
    }
    ready.await();
    // The set-up and the warm-up saves are not counted: the server's CPU is counted from here.
    Duration cpuBefore = cpu(server);
    end[0] = System.nanoTime() + load.toNanos();
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    Duration cpuUsed = cpu(server).minus(cpuBefore);
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf(
        "endpoint=%s start=%s typists=%d load=%ds think=%dms fields/save=%d saves=%d errors=%d throughput=%.1f saves/s%n"
            + "save latency: p50=%.1f ms p99=%.1f ms max=%.1f ms%n"
            + "server CPU: %.1f s in total, %.1f ms per save; load average %s%n",
        endpoint, staggered ? "staggered" : "together", typists, load.toSeconds(), thinkMs, fields.get(),
        sorted.size(), errors.get(),
        sorted.size() / (double) load.toSeconds(), pct(sorted, 50), pct(sorted, 99),
        sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6, cpuUsed.toMillis() / 1e3,
        sorted.isEmpty() ? 0 : cpuUsed.toMillis() / (double) sorted.size(), loadAverage());
  }

  /** The CPU time the server process used so far (all its threads, user and system). */
  private static Duration cpu(Process server) {
    return server.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static double pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, i)) / 1e6;
  }

  private static void importTk2021(Web admin, Path shared, int stations) throws Exception {
    admin.get("/admin/elections/import");
    upload(admin, "DEFINITION_110A", "Verkiezingsdefinitie_TK2021.eml.xml",
        Files.readAllBytes(shared.resolve("data/eml/TK2021/Verkiezingsdefinitie_TK2021.eml.xml")));
    upload(admin, "CANDIDATE_LISTS_230B", "Kandidatenlijsten_TK2021_Lelystad.eml.xml",
        Files.readAllBytes(shared.resolve("data/eml/TK2021/Kandidatenlijsten_TK2021_Lelystad.eml.xml")));
    upload(admin, "POLLING_STATIONS_110B", "stembureaus.eml.xml", pollingStations(stations + 10));
    HttpResponse<String> created = admin.post("/admin/elections/import/create", Map.of("countingMethod", "CSO"));
    check(created.statusCode() == 302, "election created");
  }

  /** Uploads one file and confirms it with the two fingerprint groups the page asks for, as a person would. */
  private static void upload(Web admin, String kind, String name, byte[] bytes) throws Exception {
    String page = admin.multipart("/admin/elections/import/upload", kind, name, bytes).body();
    String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    int first = Integer.parseInt(find(page, "<label for=\"first\">[^<]*?(\\d+)<"));
    int second = Integer.parseInt(find(page, "<label for=\"second\">[^<]*?(\\d+)<"));
    String confirmed =
        admin.post("/admin/elections/import/confirm",
            Map.of("first", hex.substring((first - 1) * 4, first * 4), "second",
                hex.substring((second - 1) * 4, second * 4))).body();
    check(!confirmed.contains("role=\"alert\""), "fingerprint of " + name + " confirmed");
  }

  /** A 110b for TK2021 in Lelystad with n polling stations (no real 110b is public: data/eml/README.md). */
  static byte[] pollingStations(int n) {
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EML xmlns=\"urn:oasis:names:tc:evs:schema:eml\"")
        .append(" xmlns:kr=\"http://www.kiesraad.nl/extensions\" xmlns:xal=\"urn:oasis:names:tc:ciq:xsdschema:xAL:2.0\"")
        .append(" Id=\"110b\" SchemaVersion=\"5\">\n<TransactionId>1</TransactionId>\n")
        .append("<ManagingAuthority><AuthorityIdentifier Id=\"0995\">Lelystad</AuthorityIdentifier><AuthorityAddress/>")
        .append("</ManagingAuthority>\n<IssueDate>2021-02-01</IssueDate>\n")
        .append("<kr:CreationDateTime>2021-02-01T10:00:00.000</kr:CreationDateTime>\n")
        .append("<ElectionEvent><EventIdentifier/><Election>\n<ElectionIdentifier Id=\"TK2021\">")
        .append("<ElectionCategory>TK</ElectionCategory><kr:ElectionSubcategory>TK</kr:ElectionSubcategory>")
        .append("<kr:ElectionDate>2021-03-17</kr:ElectionDate></ElectionIdentifier>\n")
        .append("<Contest><ContestIdentifier Id=\"geen\"/>\n<ReportingUnit><ReportingUnitIdentifier Id=\"0995\">")
        .append("Lelystad</ReportingUnitIdentifier></ReportingUnit>\n<VotingMethod>SPV</VotingMethod>")
        .append("<MaxVotes>60000</MaxVotes>\n");
    for (int i = 1; i <= n; i++) {
      x.append("<PollingPlace Channel=\"polling\"><PhysicalLocation><Address><Locality><xal:LocalityName>")
          .append("Stembureau ").append(i).append("</xal:LocalityName></Locality></Address><PollingStation Id=\"")
          .append(i).append("\">1000</PollingStation><kr:ReportingUnitType>FixedLocation</kr:ReportingUnitType>")
          .append("</PhysicalLocation></PollingPlace>\n");
    }
    x.append("</Contest>\n</Election></ElectionEvent>\n</EML>\n");
    return x.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A consistent Na 31-2 Bijlage 1: every candidate one vote except the marker on list 1 candidate 1. */
  static Map<String, String> form(String html, int marker) {
    Map<String, Integer> lists = new TreeMap<>();
    Map<String, String> p = new LinkedHashMap<>();
    for (String yesNo : List.of("extraInvestigation.otherReason.no", "extraInvestigation.ballotsRecounted.no",
        "countingDifferences.explainedBySb.yes", "countingDifferences.listTotalsDiffer.no")) {
      p.put(yesNo, "true");
    }
    Matcher m = Pattern.compile("name=\"list\\.(\\d+)\\.candidate\\.(\\d+)\"").matcher(html);
    while (m.find()) {
      int votes = m.group(1).equals("1") && m.group(2).equals("1") ? marker : 1;
      p.put("list." + m.group(1) + ".candidate." + m.group(2), Integer.toString(votes));
      lists.merge(m.group(1), votes, Integer::sum);
    }
    int total = 0;
    for (Map.Entry<String, Integer> e : lists.entrySet()) {
      p.put("list." + e.getKey() + ".total", e.getValue().toString());
      p.put("E." + e.getKey(), e.getValue().toString());
      total += e.getValue();
    }
    String t = Integer.toString(total);
    p.put("E", t);
    p.put("F", "0");
    p.put("G", "0");
    p.put("H", t);
    p.put("A", t);
    p.put("B", "0");
    p.put("C", "0");
    p.put("D", t);
    p.put("compare.equal", "true");
    return p;
  }

  private static void activate(Web admin, Web into, String username, String role, String committee)
      throws Exception {
    String page = admin.post("/admin/users",
        Map.of("username", username, "fullName", "Meting " + username, "role", role, "committeeId", committee)).body();
    String otp = find(page, "id=\"one-time-password\">([^<]+)<");
    into.login(username, otp);
    into.changePassword(otp, "een lang geheim wachtwoord " + Integer.toHexString(username.hashCode()));
  }

  static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("not found: " + regex);
    }
    return m.group(1);
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("failed: " + what);
    }
  }

  /** One user's session: cookies, the CSRF token of the last page, no redirects followed. */
  static final class Web {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http;
    private final String base;
    private String csrf;

    Web(String base) {
      this.base = base;
      http = HttpClient.newBuilder().cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return remember(http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString()));
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
      if (csrf == null) {
        get("/login");
      }
      StringJoiner body = new StringJoiner("&");
      form.forEach((k, v) -> body.add(enc(k) + "=" + enc(v)));
      body.add("_csrf=" + enc(csrf));
      return remember(http.send(HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
          HttpResponse.BodyHandlers.ofString()));
    }

    HttpResponse<String> multipart(String path, String kind, String fileName, byte[] bytes)
        throws IOException, InterruptedException {
      String boundary = "----uitslag" + System.nanoTime();
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n"
          + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
          + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
          + "Content-Type: application/xml\r\n\r\n";
      b.writeBytes(head.getBytes(StandardCharsets.UTF_8));
      b.writeBytes(bytes);
      b.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return remember(http.send(HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray())).build(),
          HttpResponse.BodyHandlers.ofString()));
    }

    void login(String user, String password) throws IOException, InterruptedException {
      get("/login");
      HttpResponse<String> r = post("/login", Map.of("username", user, "password", password));
      String to = r.headers().firstValue("Location").orElse("");
      check(r.statusCode() == 302 && !to.contains("error"), "login " + user);
      get(URI.create(to).getPath());
    }

    void changePassword(String current, String replacement) throws IOException, InterruptedException {
      get("/password");
      check(post("/password", Map.of("currentPassword", current, "newPassword", replacement,
          "newPasswordRepeat", replacement)).statusCode() == 302, "password change");
    }

    private HttpResponse<String> remember(HttpResponse<String> r) {
      Matcher m = CSRF.matcher(r.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return r;
    }

    private static String enc(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }
}

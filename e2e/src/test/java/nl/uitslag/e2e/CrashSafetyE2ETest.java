package nl.uitslag.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Crash safety (product.md §5, issue 10): typists save and finalise entries concurrently over HTTP, the server
 * is killed with {@code kill -9} in the middle, and after a restart on the same data directory every save and
 * finalise that got an acknowledged answer is there, SQLite's integrity check says "ok" and the audit log's
 * hash chain is intact.
 */
class CrashSafetyE2ETest {
  static final int TYPISTS = 4;
  static final int SAVES_PER_STATION = 6;

  /** What one typist sent and what the server acknowledged, per polling station. */
  static final class Ledger {
    final Map<Long, Integer> lastAcked = new ConcurrentHashMap<>();
    final Map<Long, Integer> lastSent = new ConcurrentHashMap<>();
    final Set<Long> finaliseSent = ConcurrentHashMap.newKeySet();
    final Set<Long> finaliseAcked = ConcurrentHashMap.newKeySet();
  }

  @Test
  void everyAcknowledgedSaveSurvivesAKillDuringConcurrentDataEntry() throws Exception {
    RunningServer first = RunningServer.start("demo");
    Path dataDir = first.dataDir;
    DemoCommittee committee;
    Map<String, Ledger> ledgers = new ConcurrentHashMap<>();
    AtomicInteger ackedSaves = new AtomicInteger();
    AtomicInteger ackedFinalises = new AtomicInteger();
    List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
    try {
      committee = DemoCommittee.setUp(first, TYPISTS);
      assertThat(committee.stationIds).hasSize(10);
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < TYPISTS; i++) {
        String typist = committee.typists.get(i);
        List<Long> mine = new ArrayList<>();
        for (int s = i; s < committee.stationIds.size(); s += TYPISTS) {
          mine.add(committee.stationIds.get(s));
        }
        Ledger ledger = new Ledger();
        ledgers.put(typist, ledger);
        Thread t = new Thread(() -> {
          try {
            type(committee.base, typist, mine, ledger, ackedSaves, ackedFinalises);
          } catch (java.io.IOException killed) {
            // The server died under this request: it was not acknowledged, so nothing is expected of it.
          } catch (Throwable e) {
            unexpected.add(e);
          }
        }, "typist-" + typist);
        t.start();
        threads.add(t);
      }
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while ((ackedSaves.get() < 20 || ackedFinalises.get() < 2) && System.nanoTime() < deadline
          && unexpected.isEmpty()) {
        Thread.sleep(20);
      }
      // Mid-way: the typists are still saving when the power goes.
      first.kill();
      for (Thread t : threads) {
        t.join(TimeUnit.SECONDS.toMillis(90));
      }
    } catch (Throwable e) {
      first.close();
      throw e;
    }
    assertThat(unexpected).as("errors other than the lost connection").isEmpty();
    assertThat(ackedSaves.get()).as("saves acknowledged before the kill").isGreaterThanOrEqualTo(20);
    assertThat(ackedFinalises.get()).isGreaterThanOrEqualTo(2);

    assertThat(integrityCheck(dataDir.resolve("uitslag.db"))).as("PRAGMA integrity_check after kill -9")
        .containsExactly("ok");

    try (RunningServer second = RunningServer.startOn("serve", dataDir)) {
      WebSession coordinator = new WebSession(second.url(""));
      coordinator.login("coordinator", DemoCommittee.passwordOf("coordinator"));
      String overview = coordinator.get("/dataentry").body();
      Set<Long> finished = ids(overview, "/dataentry/(\\d+)/2/claim");
      for (Map.Entry<String, Ledger> e : ledgers.entrySet()) {
        Ledger ledger = e.getValue();
        assertThat(finished).as("finalised entries of " + e.getKey()).containsAll(ledger.finaliseAcked);
        WebSession typist = new WebSession(second.url(""));
        typist.login(e.getKey(), DemoCommittee.passwordOf(e.getKey()));
        for (Map.Entry<Long, Integer> acked : ledger.lastAcked.entrySet()) {
          long station = acked.getKey();
          if (ledger.finaliseAcked.contains(station)) {
            continue;
          }
          HttpResponse<String> form = typist.get("/dataentry/" + station + "/1");
          if (form.statusCode() == 302 && ledger.finaliseSent.contains(station)) {
            // The finalise was in flight at the kill and did commit: also fine, the saved values went with it.
            assertThat(finished).contains(station);
            continue;
          }
          assertThat(form.statusCode()).as("entry of " + e.getKey() + " at station " + station).isEqualTo(200);
          Integer stored = DemoCommittee.marker(form.body());
          assertThat(stored).as("stored marker of " + e.getKey() + " at station " + station)
              .isNotNull()
              .isBetween(acked.getValue(), ledger.lastSent.get(station));
        }
      }
      second.stop();
      assertThat(integrityCheck(dataDir.resolve("uitslag.db"))).containsExactly("ok");
      Process verify = new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
              RunningServer.jar().toString(), "audit", "verify", "--data-dir", dataDir.toString())
          .redirectErrorStream(true)
          .start();
      String out = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(verify.waitFor()).as(out).isZero();
      assertThat(out).contains("audit log intact");
    }
  }

  /** One typist: claims their polling stations one by one, saves a few times, finalises. */
  private static void type(
      String base, String typist, List<Long> stations, Ledger ledger, AtomicInteger ackedSaves,
      AtomicInteger ackedFinalises) throws Exception {
    WebSession s = new WebSession(base);
    s.login(typist, DemoCommittee.passwordOf(typist));
    int marker = 0;
    for (long station : stations) {
      HttpResponse<String> claimed = s.post("/dataentry/" + station + "/1/claim", Map.of());
      assertThat(claimed.headers().firstValue("Location").orElse("")).endsWith("/dataentry/" + station + "/1");
      String html = s.get("/dataentry/" + station + "/1").body();
      for (int i = 0; i < SAVES_PER_STATION; i++) {
        marker++;
        Map<String, String> form = new java.util.LinkedHashMap<>(DemoCommittee.form(html, marker));
        form.put("action", "save");
        ledger.lastSent.put(station, marker);
        HttpResponse<String> saved = s.post("/dataentry/" + station + "/1", form);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("role=\"status\"").doesNotContain("role=\"alert\"");
        ledger.lastAcked.put(station, marker);
        ackedSaves.incrementAndGet();
      }
      Map<String, String> form = new java.util.LinkedHashMap<>(DemoCommittee.form(html, marker));
      form.put("action", "finalise");
      form.put("acceptWarnings", "true");
      ledger.finaliseSent.add(station);
      HttpResponse<String> done = s.post("/dataentry/" + station + "/1", form);
      assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
      assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/dataentry");
      ledger.finaliseAcked.add(station);
      ackedFinalises.incrementAndGet();
    }
  }

  private static Set<Long> ids(String html, String regex) {
    Set<Long> out = new java.util.HashSet<>();
    Matcher m = Pattern.compile(regex).matcher(html);
    while (m.find()) {
      out.add(Long.parseLong(m.group(1)));
    }
    return out;
  }

  /**
   * Runs {@code PRAGMA integrity_check} with the SQLite driver the product itself ships (taken from the jar), so
   * the test needs no driver of its own; opening the file also replays the WAL as SQLite would after a crash.
   */
  static List<String> integrityCheck(Path db) throws Exception {
    Path driverJar = Files.createTempFile("sqlite-jdbc", ".jar");
    try (ZipFile jar = new ZipFile(RunningServer.jar().toFile())) {
      ZipEntry entry = jar.stream()
          .filter(e -> e.getName().startsWith("BOOT-INF/lib/sqlite-jdbc-") && e.getName().endsWith(".jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no sqlite-jdbc in the jar"));
      try (InputStream in = jar.getInputStream(entry)) {
        Files.copy(in, driverJar, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {driverJar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Driver driver = (Driver) loader.loadClass("org.sqlite.JDBC").getDeclaredConstructor().newInstance();
      List<String> lines = new ArrayList<>();
      try (Connection c = driver.connect("jdbc:sqlite:" + db, new Properties());
          ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
      return lines;
    } finally {
      Files.deleteIfExists(driverJar);
    }
  }
}

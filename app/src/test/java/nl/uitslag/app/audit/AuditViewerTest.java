package nl.uitslag.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.uitslag.app.TestDataDir;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit viewer: only administrators and coordinators see it; filters by user, type, level and time; pages
 * newest first by seq; exports carry each event's hash and previous hash so an auditor can re-check the chain
 * offline; the chain's verification status is shown and a break is found and recorded.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditViewerTest {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    TestDataDir.register(registry);
  }

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;
  @Autowired AuditReader reader;
  @Autowired AuditChainStatus chain;
  @Autowired nl.uitslag.app.users.UserService users;

  static final RequestPostProcessor ADMIN = user("beheer").roles("ADMINISTRATOR");
  static final RequestPostProcessor COORDINATOR = user("coby").roles("COORDINATOR");

  @BeforeEach
  void aKnownLog() {
    if (users.setupRequired()) {
      users.createAdministrator("beheer", "B. Heerder", "correct horse battery".toCharArray(), "test");
    }
    AuditLogFixture.clear(jdbc);
    AuditLogFixture chainOf = new AuditLogFixture(jdbc);
    // 2026-03-18 20:00 .. 21:59 UTC, one event a minute: anna logs in, bert saves, a warning every tenth.
    for (int i = 0; i < 120; i++) {
      LocalDateTime at = LocalDateTime.of(2026, 3, 18, 20, 0).plusMinutes(i);
      String who = i % 2 == 0 ? "anna" : "bert";
      String type = i % 2 == 0 ? "USER_LOGIN" : "DATA_ENTRY_SAVED";
      AuditLevel level = i % 10 == 9 ? AuditLevel.WARNING : AuditLevel.INFO;
      chainOf.append(at + ":" + String.format("%02d", i % 60) + (i % 3 == 0 ? "Z" : ".250Z"), type, level, who,
          "{\"n\":" + i + ",\"note\":\"comma, \\\"quote\\\"\"}");
    }
    chain.verifyNow();
  }

  @Test
  void typistsObserversAndVisitorsSeeNoAuditData() throws Exception {
    mvc.perform(get("/audit").with(user("tina").roles("TYPIST"))).andExpect(status().isForbidden());
    mvc.perform(get("/audit").with(user("otto").roles("OBSERVER"))).andExpect(status().isForbidden());
    mvc.perform(get("/audit/export.csv").with(user("tina").roles("TYPIST"))).andExpect(status().isForbidden());
    mvc.perform(get("/audit/export.json").with(user("otto").roles("OBSERVER"))).andExpect(status().isForbidden());
    mvc.perform(get("/audit")).andExpect(status().is3xxRedirection());
    mvc.perform(get("/audit").with(COORDINATOR)).andExpect(status().isOk());
    mvc.perform(get("/audit").with(ADMIN)).andExpect(status().isOk());
  }

  @Test
  void theFirstPageShowsTheNewestFiftyAndTheIntactChain() throws Exception {
    String html = page("/audit");
    List<Long> seqs = seqsOn(html);
    assertThat(seqs).hasSize(AuditReader.PAGE_SIZE);
    assertThat(seqs.get(0)).isEqualTo(120);
    assertThat(seqs).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(html).contains("id=\"chain-intact\"").contains("120 gebeurtenissen gecontroleerd").contains("120 gebeurtenissen voldoen");
    assertThat(html).contains("id=\"page-older\"").doesNotContain("id=\"page-newer\"");
  }

  @Test
  void pagingByKeyWalksOlderAndBackNewer() throws Exception {
    List<Long> second = seqsOn(page("/audit?before=71"));
    assertThat(second).hasSize(50).first().isEqualTo(70L);
    assertThat(second).last().isEqualTo(21L);
    List<Long> last = seqsOn(page("/audit?before=21"));
    assertThat(last).containsExactlyElementsOf(descending(20, 1));
    assertThat(page("/audit?before=21")).doesNotContain("id=\"page-older\"").contains("id=\"page-newer\"");
    assertThat(seqsOn(page("/audit?after=100"))).containsExactlyElementsOf(descending(120, 101));
  }

  @Test
  void filtersByUserTypeLevelAndTimeCombine() throws Exception {
    assertThat(seqsOn(page("/audit?user=ANNA"))).hasSize(50).allMatch(s -> s % 2 == 1);
    assertThat(reader.count(new AuditFilter("anna", null, null, null, null))).isEqualTo(60);
    assertThat(seqsOn(page("/audit?type=DATA_ENTRY_SAVED&level=WARNING")))
        .containsExactlyElementsOf(List.of(120L, 110L, 100L, 90L, 80L, 70L, 60L, 50L, 40L, 30L, 20L, 10L));
    assertThat(seqsOn(page("/audit?level=ERROR"))).isEmpty();
    // 20:10 up to and including 20:14 UTC: events 11..15, whatever their sub-second part.
    assertThat(seqsOn(page("/audit?from=2026-03-18T20:10&to=2026-03-18T20:14")))
        .containsExactly(15L, 14L, 13L, 12L, 11L);
    assertThat(seqsOn(page("/audit?user=bert&from=2026-03-18T20:10&to=2026-03-18T20:14")))
        .containsExactly(14L, 12L);
    assertThat(page("/audit?from=2026-03-18T20:10&to=2026-03-18T20:14")).contains("5 gebeurtenissen voldoen");
  }

  @Test
  void aMalformedFilterIsABadRequest() throws Exception {
    mvc.perform(get("/audit?level=LOUD").with(ADMIN)).andExpect(status().isBadRequest());
    mvc.perform(get("/audit?from=yesterday").with(ADMIN)).andExpect(status().isBadRequest());
  }

  @Test
  void theCsvExportHasEveryFilteredEventAndEachHashRecomputesOffline() throws Exception {
    String csv =
        mvc.perform(get("/audit/export.csv?user=bert").with(COORDINATOR))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"uitslag-audit-")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    List<List<String>> rows = OfflineCheck.parseCsv(csv);
    assertThat(rows.get(0)).containsExactly(AuditExport.COLUMNS);
    assertThat(rows).hasSize(61);
    for (List<String> r : rows.subList(1, rows.size())) {
      assertThat(r.get(5)).isEqualTo("bert");
      assertThat(OfflineCheck.hash(r)).as("event " + r.get(0)).isEqualTo(r.get(9));
    }
    assertThat(audit.events(1)).singleElement().satisfies(e -> {
      assertThat(e.eventType()).isEqualTo("AUDIT_EXPORTED");
      assertThat(e.details()).contains("csv").contains("bert");
    });
  }

  @Test
  void theFullJsonExportRechecksAsAChainOffline() throws Exception {
    String json =
        mvc.perform(get("/audit/export.json").with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    JsonNode events = JsonMapper.builder().build().readTree(json).get("events");
    // The export's own AUDIT_EXPORTED event is recorded before the download starts, so it is included.
    assertThat(events.size()).isEqualTo(121);
    String previous = AuditLog.GENESIS;
    for (JsonNode e : events) {
      List<String> fields = new ArrayList<>();
      for (String c : AuditExport.COLUMNS) {
        JsonNode v = e.get(c);
        fields.add(v == null || v.isNull() ? "" : v.asString());
      }
      assertThat(fields.get(8)).as("link of event " + fields.get(0)).isEqualTo(previous);
      assertThat(OfflineCheck.hash(fields)).as("hash of event " + fields.get(0)).isEqualTo(fields.get(9));
      previous = fields.get(9);
    }
  }

  @Test
  void anEditedEventShowsAsABrokenChainAndIsRecordedOnce() throws Exception {
    jdbc.sql("DROP TRIGGER audit_event_no_update").update();
    jdbc.sql("UPDATE audit_event SET username = 'mallory' WHERE seq = 42").update();
    AuditLogFixture.restoreTriggers(jdbc);

    mvc.perform(post("/audit/verify").with(ADMIN).with(csrf())).andExpect(status().is3xxRedirection());
    String html = page("/audit");
    assertThat(html).contains("id=\"chain-broken\"").contains("event 42").doesNotContain("id=\"chain-intact\"");
    mvc.perform(post("/audit/verify").with(COORDINATOR).with(csrf())).andExpect(status().is3xxRedirection());
    assertThat(reader.count(new AuditFilter(null, "AUDIT_CHAIN_BROKEN", AuditLevel.ERROR, null, null))).isEqualTo(1);
  }

  @Test
  void recordedEventsAppearWithTheirTypeInTheChoiceList() throws Exception {
    mvc.perform(get("/audit").with(ADMIN))
        .andExpect(content().string(containsString("<option value=\"DATA_ENTRY_SAVED\">")))
        .andExpect(content().string(not(containsString("<option value=\"NEVER_HAPPENED\">"))));
    assertThat(reader.eventTypes()).containsExactly("DATA_ENTRY_SAVED", "USER_LOGIN");
  }

  private String page(String url) throws Exception {
    return mvc.perform(get(url).with(ADMIN))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private static final Pattern SEQ_CELL = Pattern.compile("<tr class=\"level-\\w+\">\\s*<td class=\"num\">(\\d+)</td>");

  static List<Long> seqsOn(String html) {
    List<Long> out = new ArrayList<>();
    Matcher m = SEQ_CELL.matcher(html);
    while (m.find()) {
      out.add(Long.parseLong(m.group(1)));
    }
    return out;
  }

  private static List<Long> descending(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long s = from; s >= to; s--) {
      out.add(s);
    }
    return out;
  }

  static Map<String, Object> none() {
    return Map.of();
  }
}

package nl.uitslag.app.csb;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.uitslag.app.audit.Actor;
import nl.uitslag.app.election.ElectionImportService;
import nl.uitslag.app.users.Role;
import nl.uitslag.app.users.UitslagUserDetailsService;
import nl.uitslag.app.users.UserRepository;
import nl.uitslag.domain.fingerprint.Fingerprint;
import nl.uitslag.domain.results.FieldValue;
import nl.uitslag.domain.results.ResultsField;
import nl.uitslag.domain.results.ResultsModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Setting up a CSB and acting on its screens as its coordinator and typists, for the CSB tests. */
final class CsbTestSupport {
  private static final AtomicInteger SEQ = new AtomicInteger();

  final MockMvc mvc;
  final UitslagUserDetailsService details;
  final long committeeId;
  final String coordinator;
  final String anna;
  final String bert;
  final String carla;

  private CsbTestSupport(MockMvc mvc, UitslagUserDetailsService details, UserRepository users, long committeeId) {
    this.mvc = mvc;
    this.details = details;
    this.committeeId = committeeId;
    int n = SEQ.incrementAndGet();
    coordinator = "csbcoord" + n;
    anna = "csbanna" + n;
    bert = "csbbert" + n;
    carla = "csbcarla" + n;
    Instant now = Instant.parse("2022-03-17T09:00:00Z");
    users.insert(coordinator, "Voorzitter CSB", "unused", Role.COORDINATOR, committeeId, false, now);
    users.insert(anna, "Anna Invoer", "unused", Role.TYPIST, committeeId, false, now);
    users.insert(bert, "Bert Invoer", "unused", Role.TYPIST, committeeId, false, now);
    users.insert(carla, "Carla Invoer", "unused", Role.TYPIST, committeeId, false, now);
  }

  /** A CSB created through the import wizard from the given 110a and 230b, each confirmed by its fingerprint. */
  static CsbTestSupport fromFiles(MockMvc mvc, UitslagUserDetailsService details, UserRepository users,
      ElectionImportService imports, JdbcClient jdbc, byte[] definition, byte[] lists) {
    return fromFiles(mvc, details, users, imports, jdbc, definition, lists, "CSB", null);
  }

  /** A CSB, or the HSB of kieskring {@code district}, created through the import wizard. */
  static CsbTestSupport fromFiles(MockMvc mvc, UitslagUserDetailsService details, UserRepository users,
      ElectionImportService imports, JdbcClient jdbc, byte[] definition, byte[] lists, String kind,
      Integer district) {
    var wizard = new ElectionImportService.ImportWizard();
    imports.read(wizard, ElectionImportService.FileKind.DEFINITION_110A, "110a.eml.xml", definition);
    confirm(imports, wizard, definition);
    imports.read(wizard, ElectionImportService.FileKind.CANDIDATE_LISTS_230B, "230b.eml.xml", lists);
    confirm(imports, wizard, lists);
    long electionId = imports.create(wizard, "CSO", kind, district, Actor.console());
    long committeeId = jdbc.sql("SELECT id FROM committee WHERE election_id = ? AND kind = ?")
        .params(electionId, kind).query(Long.class).single();
    return new CsbTestSupport(mvc, details, users, committeeId);
  }

  /** A CSB for an election already stored. */
  static CsbTestSupport forCommittee(MockMvc mvc, UitslagUserDetailsService details, UserRepository users,
      long committeeId) {
    return new CsbTestSupport(mvc, details, users, committeeId);
  }

  private static void confirm(ElectionImportService imports, ElectionImportService.ImportWizard wizard, byte[] file) {
    var c = wizard.pending().challenge();
    Fingerprint fp = Fingerprint.of(file);
    if (!imports.confirm(wizard, fp.group(c.firstHidden()), fp.group(c.secondHidden()), Actor.console())) {
      throw new IllegalStateException("fixture file not confirmed");
    }
  }

  RequestPostProcessor as(String username) {
    return user(details.loadUserByUsername(username));
  }

  ResultActions upload(MockHttpSession session, String fileName, byte[] bytes) throws Exception {
    return mvc.perform(multipart("/csb/import")
        .file(new MockMultipartFile("file", fileName, "text/xml", bytes))
        .with(as(coordinator)).with(csrf()).session(session));
  }

  /** Types the two hidden groups of the pending file's fingerprint, right or with the second group wrong. */
  ResultActions confirm(MockHttpSession session, byte[] bytes, boolean right) throws Exception {
    var pending = (CsbService.PendingImport) session.getAttribute("csbPendingImport");
    Fingerprint fp = Fingerprint.of(bytes);
    String second = fp.group(pending.challenge().secondHidden());
    if (!right) {
      second = second.charAt(0) == '0' ? "1" + second.substring(1) : "0" + second.substring(1);
    }
    return mvc.perform(post("/csb/import/confirm").param("first", fp.group(pending.challenge().firstHidden()))
        .param("second", second).with(as(coordinator)).with(csrf()).session(session));
  }

  /** Claims entry n of a GSB and submits the given totals as typed from paper. */
  ResultActions enter(String typist, String source, int n, ResultsModel values) throws Exception {
    mvc.perform(post("/csb/" + source + "/entry/" + n + "/claim").with(as(typist)).with(csrf()));
    MockHttpServletRequestBuilder req = post("/csb/" + source + "/entry/" + n).with(as(typist)).with(csrf());
    List<ResultsField> fields = values.fields();
    for (int i = 0; i < fields.size(); i++) {
      int v = ((FieldValue.Count) fields.get(i).value()).value();
      req.param("f" + i, v == 0 ? "" : Integer.toString(v));
    }
    return mvc.perform(req);
  }

  ResultActions asCoordinator(MockHttpServletRequestBuilder req) throws Exception {
    return mvc.perform(req.with(as(coordinator)).with(csrf()));
  }
}

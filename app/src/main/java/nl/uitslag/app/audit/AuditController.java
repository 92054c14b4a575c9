package nl.uitslag.app.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The audit viewer for administrators and coordinators: the log newest first, filtered by user, event type,
 * level and time, with the chain's verification status, and the filtered events for download as CSV or JSON.
 */
@Controller
class AuditController {
  private static final DateTimeFormatter FILE_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final AuditReader reader;
  private final AuditChainStatus chain;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final Clock clock;

  AuditController(AuditReader reader, AuditChainStatus chain, AuditLog audit, TransactionTemplate tx, Clock clock) {
    this.reader = reader;
    this.chain = chain;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  @GetMapping("/audit")
  String page(
      @RequestParam(required = false) String user,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String level,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Long before,
      @RequestParam(required = false) Long after,
      HttpServletRequest request,
      Model model) {
    requireReviewer(request);
    AuditFilter filter = filter(user, type, level, from, to);
    model.addAttribute("page", reader.page(filter, before, after, AuditReader.PAGE_SIZE));
    model.addAttribute("filter", filter);
    model.addAttribute("fromValue", filter.from() == null ? "" : AuditFilter.MINUTE.format(filter.from()));
    model.addAttribute("toValue", filter.to() == null ? "" : AuditFilter.MINUTE.format(filter.to()));
    model.addAttribute("eventTypes", reader.eventTypes());
    model.addAttribute("levels", AuditLevel.values());
    model.addAttribute("chain", chain.latest());
    model.addAttribute("query", query(filter));
    return "audit/list";
  }

  /** Re-checks the whole chain now and shows the result on the viewer. */
  @PostMapping("/audit/verify")
  String verify(HttpServletRequest request) {
    requireReviewer(request);
    chain.verifyNow();
    return "redirect:/audit";
  }

  @GetMapping("/audit/export.csv")
  void exportCsv(
      @RequestParam(required = false) String user,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String level,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    requireReviewer(request);
    AuditFilter filter = filter(user, type, level, from, to);
    Writer out = start(response, filter, "csv", "text/csv; charset=UTF-8", request);
    try (AuditExport.Csv csv = new AuditExport.Csv(out)) {
      reader.forEach(filter, csv::write);
    }
  }

  @GetMapping("/audit/export.json")
  void exportJson(
      @RequestParam(required = false) String user,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String level,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    requireReviewer(request);
    AuditFilter filter = filter(user, type, level, from, to);
    Writer out = start(response, filter, "json", "application/json", request);
    try (AuditExport.Json json =
        new AuditExport.Json(out, filter, clock.instant().truncatedTo(ChronoUnit.SECONDS).toString())) {
      reader.forEach(filter, json::write);
    }
  }

  /** Records who exported what (an export leaves the building), then opens the download. */
  private Writer start(
      HttpServletResponse response, AuditFilter filter, String format, String contentType, HttpServletRequest request)
      throws IOException {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("format", format);
    details.put("filter", query(filter));
    tx.executeWithoutResult(s -> audit.record("AUDIT_EXPORTED", AuditLevel.INFO, Actors.of(request), details));
    response.setContentType(contentType);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"uitslag-audit-" + FILE_STAMP.format(clock.instant()) + "." + format + "\"");
    return new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
  }

  /** Administrators and coordinators review the log; typists and observers see no audit data. */
  private static void requireReviewer(HttpServletRequest request) {
    if (!request.isUserInRole("ADMINISTRATOR") && !request.isUserInRole("COORDINATOR")) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
  }

  private static AuditFilter filter(String user, String type, String level, String from, String to) {
    try {
      AuditLevel lvl = level == null || level.isBlank() ? null : AuditLevel.valueOf(level);
      return new AuditFilter(user, type, lvl, dateTime(from), dateTime(to));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "invalid filter");
    }
  }

  private static LocalDateTime dateTime(String s) {
    return s == null || s.isBlank() ? null : LocalDateTime.parse(s.strip());
  }

  /** The filter as request parameters, for the paging and export links. */
  private static Map<String, String> query(AuditFilter f) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("user", f.username() == null ? "" : f.username());
    q.put("type", f.eventType() == null ? "" : f.eventType());
    q.put("level", f.level() == null ? "" : f.level().name());
    q.put("from", f.from() == null ? "" : AuditFilter.MINUTE.format(f.from()));
    q.put("to", f.to() == null ? "" : AuditFilter.MINUTE.format(f.to()));
    return q;
  }
}

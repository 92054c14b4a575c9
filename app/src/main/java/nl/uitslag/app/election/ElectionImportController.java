package nl.uitslag.app.election;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import nl.uitslag.app.audit.Actors;
import nl.uitslag.app.backup.BackupService;
import nl.uitslag.app.election.ElectionImportService.FileKind;
import nl.uitslag.app.election.ElectionImportService.ImportWizard;
import nl.uitslag.eml.EmlException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The administrator's wizard that creates an election from 110a, 230b and (optionally) 110b, each confirmed by
 * typing two hidden fingerprint groups from the paper.
 */
@Controller
@RequestMapping("/admin/elections/import")
class ElectionImportController {
  private static final String WIZARD = "electionImportWizard";
  private final ElectionImportService imports;
  private final BackupService backups;

  ElectionImportController(ElectionImportService imports, BackupService backups) {
    this.imports = imports;
    this.backups = backups;
  }

  @GetMapping
  String show(HttpSession session, Model model) {
    model.addAttribute("wizard", wizard(session));
    return "election/import";
  }

  @PostMapping("/upload")
  String upload(
      @RequestParam FileKind kind,
      @RequestParam("file") MultipartFile file,
      HttpSession session,
      HttpServletRequest request,
      Model model)
      throws IOException {
    ImportWizard wizard = wizard(session);
    model.addAttribute("wizard", wizard);
    if (file.isEmpty() || file.getSize() > ElectionImportService.MAX_FILE_BYTES) {
      model.addAttribute("errorKey", "import.file.size");
      return "election/import";
    }
    byte[] bytes;
    try (InputStream in = file.getInputStream()) {
      bytes = in.readNBytes(ElectionImportService.MAX_FILE_BYTES + 1);
    }
    try {
      imports.read(wizard, kind, file.getOriginalFilename(), bytes);
    } catch (EmlException e) {
      imports.recordRejection(file.getOriginalFilename(), kind, e.getMessage(), Actors.of(request));
      boolean dutch = LocaleContextHolder.getLocale().getLanguage().equals(new Locale("nl").getLanguage());
      model.addAttribute("emlError", dutch ? e.dutchMessage() : e.englishMessage());
      model.addAttribute("emlErrorWhere", e.fileName() + ", line " + e.line() + ", " + e.path() + " (" + e.rule() + ")");
      return "election/import";
    }
    return "election/import";
  }

  @PostMapping("/confirm")
  String confirm(
      @RequestParam String first,
      @RequestParam String second,
      HttpSession session,
      HttpServletRequest request,
      Model model) {
    ImportWizard wizard = wizard(session);
    boolean ok = imports.confirm(wizard, first, second, Actors.of(request));
    model.addAttribute("wizard", wizard);
    if (!ok) {
      model.addAttribute("errorKey", "import.fingerprint.mismatch");
    }
    return "election/import";
  }

  @PostMapping("/create")
  String create(
      @RequestParam String countingMethod,
      @RequestParam(defaultValue = "GSB") String committee,
      @RequestParam(required = false) Integer district,
      HttpSession session,
      HttpServletRequest request,
      Model model) {
    ImportWizard wizard = wizard(session);
    try {
      // An import adds a whole election at once: a copy from just before it makes it undoable.
      backups.backup(BackupService.Reason.BEFORE_RISKY_OPERATION, Actors.of(request));
      long id = imports.create(wizard, countingMethod, committee, committee.equals("HSB") ? district : null,
          Actors.of(request));
      session.removeAttribute(WIZARD);
      return "redirect:/admin/elections/" + id + "/keys?setup=true";
    } catch (ElectionImportService.ElectionExistsException e) {
      model.addAttribute("wizard", wizard);
      model.addAttribute("errorKey", "import.election.exists");
      return "election/import";
    }
  }

  @PostMapping("/cancel")
  String cancel(HttpSession session) {
    session.removeAttribute(WIZARD);
    return "redirect:/admin/elections/import";
  }

  private static ImportWizard wizard(HttpSession session) {
    ImportWizard wizard = (ImportWizard) session.getAttribute(WIZARD);
    if (wizard == null) {
      wizard = new ImportWizard();
      session.setAttribute(WIZARD, wizard);
    }
    return wizard;
  }
}

package nl.uitslag.app.users;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import nl.uitslag.app.audit.Actors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page for the users of the committees (under /admin, so for administrators only). */
@Controller
class CommitteeUserController {
  private final CommitteeUserService service;

  CommitteeUserController(CommitteeUserService service) {
    this.service = service;
  }

  @GetMapping("/admin/users")
  String page(Model model) {
    fill(model);
    return "users/committee-users";
  }

  @PostMapping("/admin/users")
  String create(
      @RequestParam String username, @RequestParam String fullName, @RequestParam Role role,
      @RequestParam long committeeId, HttpServletRequest request, HttpServletResponse response, Model model) {
    try {
      model.addAttribute("created", service.create(username, fullName, role, committeeId, Actors.of(request)));
      noStore(response);
    } catch (UserException e) {
      model.addAttribute("userError", e.messageKey());
    }
    fill(model);
    return "users/committee-users";
  }

  /** Creates everyone of a pasted list and shows the printable sheet of their one-time passwords, once. */
  @PostMapping("/admin/users/bulk")
  String bulk(
      @RequestParam String list, @RequestParam long committeeId, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    try {
      var created = service.createAll(list, committeeId, Actors.of(request));
      return sheet(created, model, response);
    } catch (CommitteeUserService.BulkRefused e) {
      model.addAttribute("bulkProblems", e.problems());
      model.addAttribute("bulkList", list);
    } catch (UserException e) {
      model.addAttribute("userError", e.messageKey());
    }
    fill(model);
    return "users/committee-users";
  }

  /** A forgotten password: a new one-time password on a sheet of its own. */
  @PostMapping("/admin/users/{id}/reset")
  String reset(
      @PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model,
      RedirectAttributes redirect) {
    try {
      return sheet(List.of(service.resetPassword(id, Actors.of(request))), model, response);
    } catch (UserException e) {
      redirect.addFlashAttribute("userError", e.messageKey());
      return "redirect:/admin/users";
    }
  }

  @PostMapping("/admin/users/{id}/active")
  String active(
      @PathVariable long id, @RequestParam boolean active, HttpServletRequest request,
      RedirectAttributes redirect) {
    try {
      service.setActive(id, active, Actors.of(request));
      redirect.addFlashAttribute("userDone", active ? "users.done.reactivated" : "users.done.deactivated");
    } catch (UserException e) {
      redirect.addFlashAttribute("userError", e.messageKey());
    }
    return "redirect:/admin/users";
  }

  private String sheet(List<CommitteeUserService.Created> created, Model model, HttpServletResponse response) {
    noStore(response);
    model.addAttribute("sheet", created);
    model.addAttribute("committees", service.committees());
    return "users/otp-sheet";
  }

  /** The one-time passwords are shown once: no copy in the browser's cache or history. */
  private static void noStore(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
  }

  private void fill(Model model) {
    model.addAttribute("committees", service.committees());
    model.addAttribute("users", service.committeeUsers());
    model.addAttribute("roles", new Role[] {Role.COORDINATOR, Role.TYPIST, Role.OBSERVER});
  }
}

package nl.uitslag.app.users;

import jakarta.servlet.http.HttpServletRequest;
import nl.uitslag.app.audit.Actors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

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
    return "dataentry/committee-users";
  }

  @PostMapping("/admin/users")
  String create(
      @RequestParam String username, @RequestParam String fullName, @RequestParam Role role,
      @RequestParam long committeeId, HttpServletRequest request, Model model) {
    try {
      model.addAttribute("created", service.create(username, fullName, role, committeeId, Actors.of(request)));
    } catch (UserException e) {
      model.addAttribute("userError", e.messageKey());
    }
    fill(model);
    return "dataentry/committee-users";
  }

  private void fill(Model model) {
    model.addAttribute("committees", service.committees());
    model.addAttribute("users", service.committeeUsers());
    model.addAttribute("roles", new Role[] {Role.COORDINATOR, Role.TYPIST, Role.OBSERVER});
  }
}

package nl.uitslag.app.users;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import nl.uitslag.app.audit.Actors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Login, first-run set-up of the administrator, and changing one's own password. */
@Controller
class AccountController {
  private final UserService users;
  private final UitslagUserDetailsService userDetails;
  private final HttpSessionSecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

  AccountController(UserService users, UitslagUserDetailsService userDetails) {
    this.users = users;
    this.userDetails = userDetails;
  }

  @GetMapping("/login")
  String login() {
    return "users/login";
  }

  @GetMapping("/setup")
  String setup() {
    return "users/setup";
  }

  @PostMapping("/setup")
  String createFirstAdministrator(
      @RequestParam String username,
      @RequestParam String fullName,
      @RequestParam String password,
      @RequestParam String passwordRepeat,
      HttpServletRequest request,
      Model model) {
    char[] pw = password.toCharArray();
    try {
      if (!password.equals(passwordRepeat)) {
        throw new UserException("password.repeat-differs");
      }
      users.setupFirstAdministrator(username.strip(), fullName, pw, Actors.of(request));
      return "redirect:/login?created";
    } catch (UserException e) {
      model.addAttribute("errorKey", e.messageKey());
      model.addAttribute("username", username);
      model.addAttribute("fullName", fullName);
      return "users/setup";
    } finally {
      Arrays.fill(pw, '\0');
    }
  }

  @GetMapping("/password")
  String passwordForm() {
    return "users/password";
  }

  @PostMapping("/password")
  String changePassword(
      @AuthenticationPrincipal UitslagPrincipal principal,
      @RequestParam String currentPassword,
      @RequestParam String newPassword,
      @RequestParam String newPasswordRepeat,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    char[] current = currentPassword.toCharArray();
    char[] replacement = newPassword.toCharArray();
    try {
      if (!newPassword.equals(newPasswordRepeat)) {
        throw new UserException("password.repeat-differs");
      }
      users.changePassword(principal.id(), current, replacement, Actors.of(request));
      // The session keeps the principal; replace it so the one-time-password flag is gone.
      UitslagPrincipal fresh = userDetails.reload(principal.id());
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(
          UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
      SecurityContextHolder.setContext(context);
      contextRepository.saveContext(context, request, response);
      return "redirect:/?passwordChanged";
    } catch (UserException e) {
      model.addAttribute("errorKey", e.messageKey());
      return "users/password";
    } finally {
      Arrays.fill(current, '\0');
      Arrays.fill(replacement, '\0');
    }
  }
}

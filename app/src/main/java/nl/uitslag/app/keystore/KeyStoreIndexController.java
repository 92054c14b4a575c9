package nl.uitslag.app.keystore;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrator's entry to the key screens: every election with a link to its keys and to the package check. */
@Controller
class KeyStoreIndexController {
  private final KeyStoreRepository repository;

  KeyStoreIndexController(KeyStoreRepository repository) {
    this.repository = repository;
  }

  @GetMapping("/admin/keys")
  String index(Model model) {
    model.addAttribute("elections", repository.elections());
    return "keystore/index";
  }
}

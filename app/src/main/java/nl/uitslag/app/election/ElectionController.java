package nl.uitslag.app.election;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The overview of elections and the details of one election. */
@Controller
class ElectionController {
  private final ElectionRepository elections;

  ElectionController(ElectionRepository elections) {
    this.elections = elections;
  }

  @GetMapping("/")
  String home(Model model) {
    model.addAttribute("elections", elections.findAll());
    return "election/home";
  }

  @GetMapping("/elections/{id}")
  String election(@PathVariable long id, Model model) {
    var election =
        elections.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("election", election);
    model.addAttribute("lists", elections.lists(id));
    model.addAttribute("pollingStations", elections.pollingStations(id));
    return "election/detail";
  }
}

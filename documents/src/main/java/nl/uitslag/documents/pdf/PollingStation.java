package nl.uitslag.documents.pdf;

/** A polling station (stembureau) as printed on the PV: its number in the municipality and name. */
public record PollingStation(int number, String name) {

  public PollingStation {
    Checks.number(number, "polling station number");
    Checks.text(name, "polling station name");
  }

  public String title() {
    return "Stembureau " + number + " – " + name;
  }
}

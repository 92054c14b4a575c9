package nl.uitslag.documents.pdf;

/**
 * A candidate as printed on the PV: number on the list, name as on the ballot ("Jansen, A.B. (Anna)")
 * and place of residence.
 */
public record Candidate(int number, String name, String locality) {

  public Candidate {
    Checks.number(number, "candidate number");
    Checks.text(name, "candidate name");
    locality = locality == null ? "" : locality;
  }
}

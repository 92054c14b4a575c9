package nl.uitslag.documents.pdf;

/**
 * The heading of a list on a proces-verbaal: "Lijst 3 – Partij", or "Lijst 3" for a list without appellation. One
 * place for every report that names lists (O 7, P 22-1, P 22-2, the Na 31 forms).
 */
final class ListTitle {
  private ListTitle() {}

  static String of(int number, String name) {
    return name.isBlank() ? "Lijst " + number : "Lijst " + number + " – " + name;
  }
}

package nl.uitslag.domain.results;

/** How the polling stations of a municipality count: decentral (DSO, N 10-1) or central (CSO, N 10-2). */
public enum CountingMethod {
  /** Centrale stemopneming: the GSB counts the candidate votes the day after polling day. */
  CSO,
  /** Decentrale stemopneming: the polling station counts everything, candidate votes included. */
  DSO
}

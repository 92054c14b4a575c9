package nl.uitslag.domain.apportionment;

/** What happens to the seats a list cannot fill because it has too few (living) candidates. */
public enum ExhaustionPolicy {
  /** Kieswet P 10 (and U 10 for the EK): the excess seats go to other lists by continued application. */
  PASS_ON,
  /** Kieswet Ya 29 and Pa 25 (the kiescolleges): the excess seats stay empty. */
  KEEP_EMPTY
}

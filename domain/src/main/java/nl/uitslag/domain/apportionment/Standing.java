package nl.uitslag.domain.apportionment;

/**
 * One list's position just before a step: its seats so far, the value the step compares (remainder,
 * average, or for full seats the number of kiesdelers in its stemcijfer) and whether it could take
 * part.
 */
public record Standing(String list, int seats, Fraction value, boolean eligible) {}

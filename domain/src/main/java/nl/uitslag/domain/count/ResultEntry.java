package nl.uitslag.domain.count;

/** One line of an election result (EML 520): a list that won seats, or an elected candidate of the list before it. */
public sealed interface ResultEntry permits ElectedList, ElectedCandidate {}

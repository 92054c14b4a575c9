package nl.uitslag.eml;

import java.time.LocalDate;
import nl.uitslag.domain.election.ManagingAuthority;

/**
 * The header every EML_NL file starts with: message kind, transaction id, managing authority (null in a 110a
 * without one), issue date (or null), kr:Schema version, kr:CreationDateTime as written, and the canonicalisation
 * algorithm named by older files (null when absent; we never canonicalise).
 */
public record EmlHeader(
    EmlKind kind, String transactionId, ManagingAuthority authority, LocalDate issueDate, String schemaVersion,
    String creationDateTime, String canonicalizationAlgorithm) {}

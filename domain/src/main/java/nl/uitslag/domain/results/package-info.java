/**
 * The results models that typists enter from paper: one record per proces-verbaal model variant (Na 31-2
 * Bijlage 1, N 10-1, Na 14-2 Bijlage 1 / Na 14-1 versie 2, and the GSB totals entered at the CSB), with the
 * paper codes (A, B, C, D, E.1…, F, G, H, I, J, Z) on their fields, deep equality and field-path comparison.
 *
 * <p>Counts are unsigned and at most {@link nl.uitslag.domain.results.Counts#MAX}; anything else, and any
 * results that do not fit the election's {@link nl.uitslag.domain.results.ResultsShape}, is a hard rejection
 * ({@link nl.uitslag.domain.results.InvalidResultsException}), never a validation message.
 */
package nl.uitslag.domain.results;

/**
 * Double data entry of one data source (a polling station in one committee session, or a GSB at the CSB):
 * the states of abacus.md §3.2 as a sealed interface of records ({@link nl.uitslag.domain.dataentry.DataEntryState}),
 * and every typist and coordinator operation with its refusals in {@link nl.uitslag.domain.dataentry.DoubleEntry}.
 *
 * <p>A result is never definitive without two equal entries by two different people; an imported file counts
 * as one entry. Operations take the acting user and the time as parameters: there is no clock or I/O here.
 */
package nl.uitslag.domain.dataentry;

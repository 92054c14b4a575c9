/**
 * The control protocol of a gemeentelijk stembureau (controleprotocol optellingen, osv.md §3): the
 * reproducible draw of lists from a public seed, the hand-count worksheets and their comparison with the
 * software's sums, and the notable-results checks per polling station (opmerkelijke uitslagen).
 * Pure Java; every figure is an integer or an exact ratio.
 */
package nl.uitslag.domain.control;

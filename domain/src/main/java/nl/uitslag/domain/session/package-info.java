/**
 * The lifecycle of a committee session (zitting) of a GSB or CSB: created, in preparation, data entry,
 * paused, completed, and back (abacus.md §2 and §3.2), with the refusals of each transition.
 */
package nl.uitslag.domain.session;

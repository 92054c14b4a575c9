/**
 * The validation rules F.101–F.403 and W.001–W.206 of abacus.md §4 over the results models, with the
 * thresholds of one election in {@link nl.uitslag.domain.validation.ValidationThresholds} and the
 * role-specific "what to do" texts in Dutch and English in the resource bundle
 * {@code nl/uitslag/domain/validation/ValidationMessages} (read through
 * {@link nl.uitslag.domain.validation.ValidationMessages}).
 *
 * <p>Errors (F) keep a result from becoming definitive; warnings (W) must be accepted by the typist. Neither
 * blocks saving.
 */
package nl.uitslag.domain.validation;

/**
 * Count-file security: the election's certificate authority and committee certificates ({@link
 * nl.uitslag.crypto.Certificates}, {@link nl.uitslag.crypto.ElectionTrust}), private keys stored only encrypted
 * ({@link nl.uitslag.crypto.EncryptedKeys}), detached CMS signatures ({@link nl.uitslag.crypto.DetachedSignatures}),
 * CMS AuthEnvelopedData encryption ({@link nl.uitslag.crypto.Envelopes}), the transfer package that combines them
 * ({@link nl.uitslag.crypto.TransferPackages}), fingerprints and the import challenge (the
 * project-wide {@code nl.uitslag.domain.fingerprint.Fingerprint}; {@link nl.uitslag.crypto.Certificates#fingerprint}),
 * and a reason with a Dutch and
 * English message for every refusal ({@link nl.uitslag.crypto.Rejection}).
 *
 * <p>Knows nothing of EML: the checks that need the count file's content take it as input. See
 * docs/COUNT-FILE-SECURITY.md and docs/THREAT-MODEL.md.
 */
package nl.uitslag.crypto;

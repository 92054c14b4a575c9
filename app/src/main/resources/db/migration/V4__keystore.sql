-- Count-file security (docs/COUNT-FILE-SECURITY.md): per election the trust anchors (CA certificates confirmed by
-- their fingerprint), the election CA when this installation is the receiving authority, the committees' key pairs
-- and certificates, and the revocation list. A private key is stored ONLY as PKCS#8 "ENCRYPTED PRIVATE KEY" PEM
-- (PBES2, PBKDF2-HMAC-SHA256 600,000 iterations, AES-256); the CHECKs refuse anything else.

CREATE TABLE keystore_trust_anchor (
    id                  INTEGER PRIMARY KEY,
    election_id         INTEGER NOT NULL REFERENCES election (id) ON DELETE CASCADE,
    certificate_pem     TEXT    NOT NULL,
    fingerprint         TEXT    NOT NULL,          -- SHA-256 of the DER, 16 groups as printed on the ceremony form
    subject             TEXT    NOT NULL,
    not_before          TEXT    NOT NULL,
    not_after           TEXT    NOT NULL,
    confirmed_at        TEXT    NOT NULL,          -- when the fingerprint was confirmed against paper
    UNIQUE (election_id, fingerprint)
) STRICT;

-- Only at the installation of the receiving authority (CSB; the Kiesraad as CSB for TK/EP/EK).
CREATE TABLE keystore_authority (
    election_id         INTEGER PRIMARY KEY REFERENCES election (id) ON DELETE CASCADE,
    certificate_pem     TEXT    NOT NULL,
    encrypted_key_pem   TEXT    NOT NULL CHECK (encrypted_key_pem LIKE '-----BEGIN ENCRYPTED PRIVATE KEY-----%'),
    created_at          TEXT    NOT NULL
) STRICT;

CREATE TABLE keystore_certificate (
    id                  INTEGER PRIMARY KEY,
    election_id         INTEGER NOT NULL REFERENCES election (id) ON DELETE CASCADE,
    committee_id        TEXT    NOT NULL,          -- ManagingAuthority id, the certificate's CN
    committee_name      TEXT    NOT NULL,          -- the certificate's O, shown only
    purpose             TEXT    NOT NULL CHECK (purpose IN ('SIGNING', 'ENCRYPTION')),
    serial              TEXT    NOT NULL,          -- lower-case hexadecimal
    fingerprint         TEXT    NOT NULL,
    not_before          TEXT    NOT NULL,
    not_after           TEXT    NOT NULL,
    certificate_pem     TEXT    NOT NULL,
    -- NULL when only the certificate is held here (e.g. another committee's encryption certificate).
    encrypted_key_pem   TEXT    CHECK (encrypted_key_pem IS NULL
                                       OR encrypted_key_pem LIKE '-----BEGIN ENCRYPTED PRIVATE KEY-----%'),
    source              TEXT    NOT NULL CHECK (source IN ('ISSUED', 'IMPORTED')),
    created_at          TEXT    NOT NULL,
    UNIQUE (election_id, serial),
    UNIQUE (election_id, fingerprint)
) STRICT;
CREATE INDEX keystore_certificate_committee ON keystore_certificate (election_id, committee_id, purpose);

-- Revocation is offline (no CRL on an air gap): the receiver refuses files signed by a certificate listed here.
CREATE TABLE keystore_revoked (
    election_id         INTEGER NOT NULL REFERENCES election (id) ON DELETE CASCADE,
    serial              TEXT    NOT NULL,          -- lower-case hexadecimal, as in keystore_certificate
    reason              TEXT    NOT NULL,
    revoked_at          TEXT    NOT NULL,
    PRIMARY KEY (election_id, serial)
) STRICT;

-- Detached signatures a committee puts on its own exported files for publication (docs/COUNT-FILE-SECURITY.md §8.5),
-- stored once so every download gives the same bytes; and, at a committee that takes in count files (HSB, CSB),
-- the coordinator's decision per notable-results flag of an imported 510b (docs/CONTROL-PROTOCOL.md §5). STRICT.

-- One signature per file and signing committee; the file itself stays where its feature keeps it (e.g. csb_document),
-- found again by its fingerprint.
CREATE TABLE keystore_file_signature (
    election_id         INTEGER NOT NULL REFERENCES election (id) ON DELETE CASCADE,
    committee_id        TEXT    NOT NULL,          -- ManagingAuthority id of the signer, the certificate's CN
    file_fingerprint    TEXT    NOT NULL,          -- SHA-256 of the signed bytes, 16 groups as on the PV
    file_name           TEXT    NOT NULL,
    signature           BLOB    NOT NULL,          -- DER CMS SignedData, detached (.p7s)
    signer_serial       TEXT    NOT NULL,          -- lower-case hexadecimal, as in keystore_certificate
    signer_fingerprint  TEXT    NOT NULL,
    signed_at           TEXT    NOT NULL,
    PRIMARY KEY (election_id, committee_id, file_fingerprint)
) STRICT;

-- A flag without a row is open. A decision holds for the file it was made on: a replacing 510b (a corrigendum)
-- reopens every flag, because its figures are new.
CREATE TABLE notable_count_file_decision (
    committee_id        INTEGER NOT NULL REFERENCES committee (id) ON DELETE CASCADE,
    source              TEXT    NOT NULL,          -- ManagingAuthority of the GSB whose 510b was imported
    file_fingerprint    TEXT    NOT NULL,
    flag_key            TEXT    NOT NULL,          -- NotableFlag.key(): rule code, station number and list
    decision            TEXT    NOT NULL CHECK (decision IN ('EXPLAINED', 'RECOUNT_ORDERED')),
    explanation         TEXT    NOT NULL,
    decided_by          INTEGER NOT NULL REFERENCES app_user (id),
    decided_at          TEXT    NOT NULL,
    PRIMARY KEY (committee_id, source, file_fingerprint, flag_key)
) STRICT;

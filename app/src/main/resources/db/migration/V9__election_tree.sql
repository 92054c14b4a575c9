-- The election tree of the 110a (kr:ElectionTree): every region (country, province, water authority, electoral
-- district, municipality) with its superior region and the committees seated there. The hoofdstembureau of a
-- kieskring takes in the 510b of the municipalities under it; the centraal stembureau takes in the 510b of the
-- municipalities (GR, ER, AB, PS1) or the 510c of the hoofdstembureaus (TK, EP, PS2, EK): docs/HSB.md.
-- Regions are kept in file order (seq) because RegionNumber is optional in the schema.

CREATE TABLE election_region (
    election_id         INTEGER NOT NULL REFERENCES election (id) ON DELETE CASCADE,
    seq                 INTEGER NOT NULL CHECK (seq > 0),           -- position in the 110a, from 1
    category            TEXT    NOT NULL CHECK (category IN ('DEELGEMEENTE', 'GEMEENTE', 'KIESKRING',
                                  'PROVINCIE', 'PROVINCIAAL_KIESKRING', 'PROVINCIAAL_STEMBUREAU', 'STAAT',
                                  'STEMBUREAU', 'WATERSCHAP', 'WATERSCHAP_KIESKRING', 'WATERSCHAP_GEMEENTE')),
    number              INTEGER CHECK (number IS NULL OR number >= 0), -- RegionNumber, e.g. 668 or kieskring 6
    name                TEXT    NOT NULL,
    superior_category   TEXT,                      -- SuperiorRegionCategory; NULL at the root
    superior_number     INTEGER,
    PRIMARY KEY (election_id, seq)
) STRICT;

-- The committees (kr:Committee, at most three) seated at a region: CSB, HSB, PSB (the municipality's GSB), ...
CREATE TABLE election_region_committee (
    election_id         INTEGER NOT NULL,
    seq                 INTEGER NOT NULL,
    position            INTEGER NOT NULL CHECK (position BETWEEN 1 AND 3),
    category            TEXT    NOT NULL CHECK (category IN ('CSB', 'HSB', 'PROV_SB', 'PSB')),
    name                TEXT,                      -- CommitteeName, e.g. "De Kiesraad"; usually absent
    PRIMARY KEY (election_id, seq, position),
    FOREIGN KEY (election_id, seq) REFERENCES election_region (election_id, seq) ON DELETE CASCADE
) STRICT;

-- The documents of a finalised HSB (O 7 and 510c) are stored like the CSB's, so every download gives the same
-- bytes. SQLite cannot widen a CHECK in place: the table is rebuilt with the kinds of every committee above the
-- GSB (P 22-1 and U 16 too, for the CSB of TK/EP/PS2 and EK).
CREATE TABLE csb_document_v9 (
    committee_id        INTEGER NOT NULL REFERENCES committee (id) ON DELETE CASCADE,
    kind                TEXT    NOT NULL CHECK (kind IN ('P22_1', 'P22_2', 'U16', 'O7', 'EML_510C', 'EML_510D',
                                  'EML_520')),
    file_name           TEXT    NOT NULL,
    media_type          TEXT    NOT NULL,
    fingerprint         TEXT    NOT NULL,
    content             BLOB    NOT NULL,
    created_by          INTEGER NOT NULL REFERENCES app_user (id),
    created_at          TEXT    NOT NULL,
    PRIMARY KEY (committee_id, kind)
) STRICT;
INSERT INTO csb_document_v9 SELECT committee_id, kind, file_name, media_type, fingerprint, content, created_by,
    created_at FROM csb_document;
DROP TABLE csb_document;
ALTER TABLE csb_document_v9 RENAME TO csb_document;

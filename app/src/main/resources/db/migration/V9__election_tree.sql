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

-- Reference data every installation ships with. The rows come in V3.

-- NAICS 2022 (US Census Bureau). Codes are text: sectors 31-33, 44-45 and 48-49 are ranges.
CREATE TABLE naics_code (
    code        text PRIMARY KEY CHECK (code ~ '^[0-9]{2,6}$' OR code ~ '^[0-9]{2}-[0-9]{2}$'),
    title       text     NOT NULL CHECK (title = btrim(title) AND title <> ''),
    level       smallint NOT NULL CHECK (level BETWEEN 2 AND 6),
    sector_code text     NOT NULL REFERENCES naics_code (code) DEFERRABLE INITIALLY DEFERRED,
    parent_code text REFERENCES naics_code (code) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX naics_code_title_trgm ON naics_code USING gin (fold_text(title) gin_trgm_ops);

-- States, the District of Columbia and counties with their FIPS codes as text with leading zeros.
CREATE TABLE us_state (
    fips         text PRIMARY KEY CHECK (fips ~ '^[0-9]{2}$'),
    abbreviation text NOT NULL UNIQUE CHECK (abbreviation ~ '^[A-Z]{2}$'),
    name         text NOT NULL UNIQUE
);

CREATE TABLE us_county (
    fips       text PRIMARY KEY CHECK (fips ~ '^[0-9]{5}$'),
    state_fips text NOT NULL REFERENCES us_state (fips),
    name       text NOT NULL,
    CHECK (left(fips, 2) = state_fips)
);
CREATE INDEX us_county_state ON us_county (state_fips);

-- Federal programs that take part in a one-stop system: the partners WIOA requires (WIOA sec. 121(b)(1)(B))
-- and common optional ones (sec. 121(b)(2)(B)).
CREATE TABLE federal_program (
    code           text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]+$'),
    name           text    NOT NULL UNIQUE,
    authority      text    NOT NULL,
    federal_agency text    NOT NULL,
    required       boolean NOT NULL,
    description    text    NOT NULL,
    sort_order     integer NOT NULL
);

-- The employer service categories of the federal WIOA performance reporting (Effectiveness in Serving Employers).
CREATE TABLE employer_service_category (
    code       text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]+$'),
    name       text    NOT NULL UNIQUE,
    definition text    NOT NULL,
    sort_order integer NOT NULL UNIQUE
);

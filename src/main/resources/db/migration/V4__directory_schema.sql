-- The service directory: workforce areas, their partners, offices, programs and services.

CREATE TABLE workforce_area (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code       text        NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]+$'),
    name       text        NOT NULL CHECK (btrim(name) <> ''),
    state_fips text        NOT NULL REFERENCES us_state (fips),
    demo       boolean     NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE partner (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    area_id     bigint      NOT NULL REFERENCES workforce_area (id),
    code        text        NOT NULL CHECK (code ~ '^[a-z0-9-]+$'),
    name        text        NOT NULL CHECK (btrim(name) <> ''),
    description text        NOT NULL DEFAULT '',
    website     text,
    -- Days after which a service counts as not verified; used to flag stale directory entries.
    review_period_days integer NOT NULL DEFAULT 90 CHECK (review_period_days > 0),
    demo        boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (area_id, code),
    UNIQUE (area_id, name)
);

CREATE TABLE office (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    partner_id    bigint      NOT NULL REFERENCES partner (id),
    name          text        NOT NULL CHECK (btrim(name) <> ''),
    address_line1 text        NOT NULL,
    address_line2 text,
    city          text        NOT NULL,
    state         text        NOT NULL CHECK (state ~ '^[A-Z]{2}$'),
    zip           text        NOT NULL CHECK (zip ~ '^[0-9]{5}(-[0-9]{4})?$'),
    county_fips   text REFERENCES us_county (fips),
    phone         text,
    phone_e164    text,
    email         text,
    -- IANA time zone name, checked by the application against the JVM's zone database.
    time_zone     text        NOT NULL,
    hours         text        NOT NULL DEFAULT '',
    demo          boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (partner_id, name)
);

CREATE TABLE program (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    partner_id            bigint      NOT NULL REFERENCES partner (id),
    federal_program_code  text REFERENCES federal_program (code),
    name                  text        NOT NULL CHECK (btrim(name) <> ''),
    description           text        NOT NULL DEFAULT '',
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    UNIQUE (partner_id, name)
);

-- A service that a program offers to businesses. Structured eligibility rules and live capacity live in
-- tables of their own keyed by service id.
CREATE TABLE service (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    program_id              bigint      NOT NULL REFERENCES program (id),
    office_id               bigint      NOT NULL REFERENCES office (id),
    category_code           text        NOT NULL REFERENCES employer_service_category (code),
    name                    text        NOT NULL CHECK (btrim(name) <> ''),
    description             text        NOT NULL CHECK (btrim(description) <> ''),
    eligibility_description text        NOT NULL DEFAULT '',
    contact_name            text,
    contact_email           text,
    contact_phone           text,
    active                  boolean     NOT NULL DEFAULT true,
    last_verified_at        timestamptz,
    last_verified_by        text,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    search_document         tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(name, '')), 'A')
        || setweight(to_tsvector('english', coalesce(description, '')), 'B')
        || setweight(to_tsvector('english', coalesce(eligibility_description, '')), 'C')) STORED,
    UNIQUE (program_id, name)
);
CREATE INDEX service_search ON service USING gin (search_document);
CREATE INDEX service_name_trgm ON service USING gin (fold_text(name) gin_trgm_ops);
CREATE INDEX service_category ON service (category_code);
CREATE INDEX service_office ON service (office_id);

-- Shared business profiles: businesses, trade names, establishments, the source records they came from and the
-- history of every change. Name and address keys are computed by the application (NameKey and AddressKey in
-- org.onedoor.businesses.internal) and used only to match incoming records; search uses fold_text.

CREATE TABLE business (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_name        text        NOT NULL CHECK (btrim(legal_name) <> ''),
    -- Folded legal name without trailing legal forms and spaces, such as 'franksplace' for "FRANK'S PLACE, INC."
    name_key          text        NOT NULL CHECK (name_key <> ''),
    fein              text UNIQUE CHECK (fein ~ '^[0-9]{2}-[0-9]{7}$'),
    naics_code        text REFERENCES naics_code (code),
    website           text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    folded_legal_name text GENERATED ALWAYS AS (fold_text(legal_name)) STORED
);
CREATE INDEX business_name_key ON business (name_key);
CREATE INDEX business_legal_name_trgm ON business USING gin (folded_legal_name gin_trgm_ops);
CREATE INDEX business_legal_name_order ON business (folded_legal_name, id);

CREATE TABLE business_trade_name (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id bigint      NOT NULL REFERENCES business (id),
    name        text        NOT NULL CHECK (btrim(name) <> ''),
    name_key    text        NOT NULL CHECK (name_key <> ''),
    created_at  timestamptz NOT NULL DEFAULT now(),
    folded_name text GENERATED ALWAYS AS (fold_text(name)) STORED,
    UNIQUE (business_id, name_key)
);
CREATE INDEX business_trade_name_key ON business_trade_name (name_key);
CREATE INDEX business_trade_name_trgm ON business_trade_name USING gin (folded_name gin_trgm_ops);

CREATE TABLE establishment (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id     bigint      NOT NULL REFERENCES business (id),
    address_line1   text,
    address_line2   text,
    city            text,
    state           text,
    -- A US ZIP code as 12345 or 12345-6789, or another country's postal code as given.
    postal_code     text,
    country_code    text        NOT NULL DEFAULT 'US' CHECK (country_code ~ '^[A-Z]{2}$'),
    county_fips     text REFERENCES us_county (fips),
    phone           text,
    phone_e164      text CHECK (phone_e164 ~ '^\+[1-9][0-9]{1,14}$'),
    phone_extension text CHECK (phone_extension ~ '^[0-9]+$'),
    -- Matching keys: house number and normalized street ('327 w marion st'), the unit identifier ('a' for
    -- "STE A"), the 5-digit ZIP and the folded city. Two establishments are the same place only when their
    -- address keys are equal.
    address_key     text,
    unit_key        text,
    zip5            text CHECK (zip5 ~ '^[0-9]{5}$'),
    city_key        text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    -- concat_ws is only STABLE, so the parts are joined with || to keep the expression immutable.
    folded_address  text GENERATED ALWAYS AS (
        fold_text(coalesce(address_line1, '') || ' ' || coalesce(address_line2, '') || ' ' || coalesce(city, '')
                  || ' ' || coalesce(state, '') || ' ' || coalesce(postal_code, ''))) STORED,
    phone_digits    text GENERATED ALWAYS AS (regexp_replace(phone_e164, '[^0-9]', '', 'g')) STORED,
    CHECK (country_code <> 'US' OR postal_code ~ '^[0-9]{5}(-[0-9]{4})?$')
);
CREATE INDEX establishment_business ON establishment (business_id);
CREATE INDEX establishment_address_key ON establishment (address_key);
CREATE INDEX establishment_phone ON establishment (phone_e164);
CREATE INDEX establishment_address_trgm ON establishment USING gin (folded_address gin_trgm_ops);
CREATE INDEX establishment_phone_trgm ON establishment USING gin (phone_digits gin_trgm_ops);

-- One incoming record as it arrived (an import row, a staff entry, a self-update, a partner system's call).
-- Values that differ from what the business already has stay here and are noted as conflicts in its history.
CREATE TABLE business_source_record (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id      bigint      NOT NULL REFERENCES business (id),
    establishment_id bigint REFERENCES establishment (id),
    kind             text        NOT NULL CHECK (kind IN ('IMPORT_ROW', 'STAFF_ENTRY', 'SELF_UPDATE', 'PARTNER_SYSTEM')),
    source_name      text        NOT NULL CHECK (btrim(source_name) <> ''),
    -- The import job for import rows; not a foreign key because imports own their tables.
    import_id        bigint,
    line_number      bigint      NOT NULL DEFAULT 0 CHECK (line_number >= 0),
    raw_values       jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(raw_values) = 'object'),
    -- The record as cleaned by the caller, before matching: names, FEIN, NAICS, phone, address and facts.
    incoming         jsonb       NOT NULL CHECK (jsonb_typeof(incoming) = 'object'),
    match_reason     text,
    user_id          bigint REFERENCES app_user (id),
    partner_id       bigint REFERENCES partner (id),
    received_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX business_source_record_business ON business_source_record (business_id, received_at);
CREATE INDEX business_source_record_import ON business_source_record (import_id, line_number) WHERE import_id IS NOT NULL;

-- Every change to a business. SET fills a field that was empty, CHANGED replaces a value, and ADDED adds a trade
-- name, establishment or source record. CONFLICT notes an incoming value that differs from the kept one, and its
-- new_value is the incoming value, which was not applied.
CREATE TABLE business_history (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id      bigint      NOT NULL REFERENCES business (id),
    establishment_id bigint REFERENCES establishment (id),
    field            text        NOT NULL CHECK (field ~ '^[a-z_.]+$'),
    action           text        NOT NULL CHECK (action IN ('SET', 'CHANGED', 'ADDED', 'CONFLICT')),
    old_value        text,
    new_value        text,
    actor_user_id    bigint REFERENCES app_user (id),
    partner_id       bigint REFERENCES partner (id),
    source_kind      text        NOT NULL CHECK (source_kind IN ('IMPORT_ROW', 'STAFF_ENTRY', 'SELF_UPDATE', 'PARTNER_SYSTEM')),
    source_record_id bigint REFERENCES business_source_record (id),
    changed_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX business_history_business ON business_history (business_id, changed_at, id);

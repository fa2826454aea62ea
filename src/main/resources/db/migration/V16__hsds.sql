-- Open Referral HSDS 3.1: stable string ids for directory records, the notes that keep imported fields with no
-- column in OneDoor, and the per-row reports of HSDS imports.

-- The HSDS id of a directory record: the name-based (RFC 4122 version 3, MD5) UUID of 'onedoor:<kind>:<key>',
-- the same value as Java's UUID.nameUUIDFromBytes on the UTF-8 bytes of that text. The API looks records up by it.
CREATE FUNCTION hsds_uuid(kind text, key text) RETURNS uuid
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN overlay(overlay(md5('onedoor:' || kind || ':' || key) PLACING '3' FROM 13 FOR 1)
               PLACING substr('89ab', (('x' || substr(md5('onedoor:' || kind || ':' || key), 17, 1))::bit(4)::integer & 3) + 1, 1)
               FROM 17 FOR 1)::uuid;

CREATE INDEX partner_hsds_id ON partner (hsds_uuid('organization', id::text));
CREATE INDEX office_hsds_id ON office (hsds_uuid('location', id::text));
CREATE INDEX service_hsds_id ON service (hsds_uuid('service', id::text));
-- Each service is delivered from one office, so it has one service_at_location, keyed by the service id.
CREATE INDEX service_at_location_hsds_id ON service (hsds_uuid('service_at_location', id::text));

CREATE TABLE hsds_import (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    area_id         bigint      NOT NULL REFERENCES workforce_area (id),
    source_name     text        NOT NULL CHECK (btrim(source_name) <> ''),
    -- 'tabular' for a data package or CSV files, 'json' for HSDS API JSON, 'ohana' for Ohana API CSV files.
    format          text        NOT NULL CHECK (format IN ('tabular', 'json', 'ohana')),
    time_zone       text        NOT NULL,
    category_code   text        NOT NULL REFERENCES employer_service_category (code),
    created_by      text        NOT NULL,
    created_by_user bigint REFERENCES app_user (id),
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- One line of an import report: what happened to one source row, and which of its fields went to notes.
CREATE TABLE hsds_import_row (
    import_id   bigint  NOT NULL REFERENCES hsds_import (id),
    position    integer NOT NULL,
    file        text    NOT NULL,
    -- 'row 3' in a CSV file (row 1 follows the header), or a JSON path such as '$.phones[0]'.
    row_label   text    NOT NULL,
    source_id   text    NOT NULL DEFAULT '',
    record_type text    NOT NULL,
    -- CREATED or UPDATED a OneDoor record; MERGED into another row's record (an address into its office);
    -- NOTED as notes on a record, having no field of its own; SKIPPED with the reason.
    outcome     text    NOT NULL CHECK (outcome IN ('CREATED', 'UPDATED', 'MERGED', 'NOTED', 'SKIPPED')),
    record_id   bigint,
    name        text    NOT NULL DEFAULT '',
    reason      text    NOT NULL DEFAULT '',
    note_fields text    NOT NULL DEFAULT '',
    PRIMARY KEY (import_id, position)
);

-- An imported value with no column in OneDoor, kept on the partner, office, program or service it came with.
CREATE TABLE hsds_note (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_type text        NOT NULL CHECK (record_type IN ('partner', 'office', 'program', 'service')),
    record_id   bigint      NOT NULL,
    import_id   bigint      NOT NULL REFERENCES hsds_import (id),
    -- File and row, for example 'services.csv row 2' or 'service_full.json $.cost_options[0]'.
    source      text        NOT NULL,
    field       text        NOT NULL,
    value       text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hsds_note_record ON hsds_note (record_type, record_id);

-- Business licence CSV imports: the uploaded file, its job state, one row per source record and the issues found.

-- Column mappings saved by name, header text to field code (see ImportField), for later uploads of the same source.
CREATE TABLE import_mapping (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL CHECK (btrim(name) <> ''),
    columns    jsonb       NOT NULL CHECK (jsonb_typeof(columns) = 'object'),
    created_by bigint REFERENCES app_user (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX import_mapping_name ON import_mapping (lower(name));

-- One uploaded file and its background run. A DRAFT job waits for the column mapping on the page, and a QUEUED
-- job waits for a worker. A RUNNING job whose heartbeat is older than the stale limit is claimed again.
CREATE TABLE import_job (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_name       text        NOT NULL CHECK (btrim(source_name) <> ''),
    file_name         text,
    file_content      bytea       NOT NULL,
    file_size         bigint      NOT NULL CHECK (file_size >= 0),
    headers           jsonb       NOT NULL CHECK (jsonb_typeof(headers) = 'array'),
    encoding_choice   text        NOT NULL CHECK (encoding_choice IN ('DETECT', 'UTF_8', 'WINDOWS_1252')),
    encoding_used     text        NOT NULL,
    date_format       text        NOT NULL,
    country_code      text        NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
    mapping           jsonb       CHECK (mapping IS NULL OR jsonb_typeof(mapping) = 'object'),
    mapping_name      text,
    status            text        NOT NULL CHECK (status IN ('DRAFT', 'QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    total_rows        integer CHECK (total_rows >= 0),
    name_length_limit integer,
    rows_read         integer     NOT NULL DEFAULT 0,
    created_count     integer     NOT NULL DEFAULT 0,
    matched_count     integer     NOT NULL DEFAULT 0,
    rejected_count    integer     NOT NULL DEFAULT 0,
    warning_count     integer     NOT NULL DEFAULT 0,
    failure_reason    text,
    claimed_by        text,
    heartbeat_at      timestamptz,
    attempts          integer     NOT NULL DEFAULT 0,
    created_by        bigint REFERENCES app_user (id),
    partner_id        bigint REFERENCES partner (id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    queued_at         timestamptz,
    started_at        timestamptz,
    finished_at       timestamptz,
    CHECK (status = 'DRAFT' OR mapping IS NOT NULL)
);
CREATE INDEX import_job_waiting ON import_job (queued_at) WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX import_job_created ON import_job (created_at DESC);

-- One row per source record, written in the same transaction as the business it created or matched, so a job
-- that is taken up again skips the lines already written. line_number is the physical line where the record starts.
CREATE TABLE import_row (
    import_id    bigint  NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    line_number  integer NOT NULL CHECK (line_number > 1),
    outcome      text    NOT NULL CHECK (outcome IN ('CREATED', 'MATCHED', 'REJECTED')),
    business_id  bigint,
    legal_name   text,
    match_reason text,
    PRIMARY KEY (import_id, line_number),
    CHECK ((outcome = 'REJECTED') = (business_id IS NULL))
);

-- Rejections (the row was not written) and warnings (the row was written, with a value flagged or left out).
CREATE TABLE import_issue (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    import_id   bigint  NOT NULL,
    line_number integer NOT NULL,
    severity    text    NOT NULL CHECK (severity IN ('REJECTION', 'WARNING')),
    column_name text,
    value       text,
    reason      text    NOT NULL CHECK (btrim(reason) <> ''),
    FOREIGN KEY (import_id, line_number) REFERENCES import_row (import_id, line_number) ON DELETE CASCADE
);
CREATE INDEX import_issue_row ON import_issue (import_id, line_number);

-- The duplicate scan as a background job. A worker claims a QUEUED job, or a RUNNING job whose heartbeat is stale
-- because the instance running it stopped, and scans businesses in id order in batches. Each batch stores its pairs
-- and advances last_business_id in one transaction, so a claimed-again job resumes after the last finished batch.
CREATE TABLE duplicate_scan (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    status             text        NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    -- The scan covers businesses with from_id < id <= to_id; a NULL to_id means up to the last business.
    from_id            bigint      NOT NULL DEFAULT 0 CHECK (from_id >= 0),
    to_id              bigint CHECK (to_id > from_id),
    last_business_id   bigint      NOT NULL DEFAULT 0,
    total_businesses   integer CHECK (total_businesses >= 0),
    businesses_scanned integer     NOT NULL DEFAULT 0 CHECK (businesses_scanned >= 0),
    pairs_found        integer     NOT NULL DEFAULT 0 CHECK (pairs_found >= 0),
    requested_by       bigint REFERENCES app_user (id),
    requested_at       timestamptz NOT NULL DEFAULT now(),
    started_at         timestamptz,
    finished_at        timestamptz,
    claimed_by         text,
    heartbeat_at       timestamptz,
    attempts           integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    failure_reason     text,
    CHECK ((status = 'FAILED') = (failure_reason IS NOT NULL)),
    CHECK ((status IN ('DONE', 'FAILED')) = (finished_at IS NOT NULL))
);

-- One scan at a time: at most one job is QUEUED or RUNNING.
CREATE UNIQUE INDEX duplicate_scan_one_active ON duplicate_scan ((true)) WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX duplicate_scan_requested ON duplicate_scan (requested_at DESC, id DESC);

-- Merging one establishment: MOVE takes an establishment, with its contacts, provenance, history and the source
-- records that belong to it only, from one business to another. JOIN makes two establishments of one business that
-- are the same worksite one establishment. before_rows keeps every row the merge changed or deleted, as it was, so
-- the merge can be undone.
CREATE TABLE establishment_merge (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind                    text        NOT NULL CHECK (kind IN ('MOVE', 'JOIN')),
    establishment_id        bigint      NOT NULL,
    from_business_id        bigint      NOT NULL REFERENCES business (id),
    to_business_id          bigint      NOT NULL REFERENCES business (id),
    -- For JOIN, the establishment that is kept; the other one is deleted, so establishment_id is no foreign key.
    into_establishment_id   bigint REFERENCES establishment (id),
    merged_by               bigint REFERENCES app_user (id),
    merged_at               timestamptz NOT NULL DEFAULT now(),
    -- {"establishment": [rows], "business_contact": [rows], ..., "references": [{"table", "column", "keys"}]}
    before_rows             jsonb       NOT NULL CHECK (jsonb_typeof(before_rows) = 'object'),
    undone_at               timestamptz,
    undone_by               bigint REFERENCES app_user (id),
    CHECK ((kind = 'JOIN') = (into_establishment_id IS NOT NULL)),
    CHECK ((kind = 'JOIN') = (from_business_id = to_business_id))
);
CREATE INDEX establishment_merge_to_business ON establishment_merge (to_business_id, merged_at);
CREATE INDEX establishment_merge_from_business ON establishment_merge (from_business_id, merged_at);

-- History rows written by an establishment merge name it, so undo can remove them.
ALTER TABLE business_history ADD COLUMN establishment_merge_id bigint REFERENCES establishment_merge (id);

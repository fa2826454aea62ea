-- Batch duplicate review and merging. A scan fills duplicate_pair with candidate pairs that staff then merge or
-- dismiss. A merge moves the other business's rows to the survivor and keeps the other business, marked as merged,
-- so old links still resolve.

ALTER TABLE business
    ADD COLUMN merged_into_id bigint REFERENCES business (id),
    ADD COLUMN merged_at      timestamptz,
    ADD COLUMN merged_by      bigint REFERENCES app_user (id),
    ADD CONSTRAINT business_merged_consistently
        CHECK ((merged_into_id IS NULL) = (merged_at IS NULL) AND merged_into_id IS DISTINCT FROM id);
CREATE INDEX business_merged_into ON business (merged_into_id) WHERE merged_into_id IS NOT NULL;

-- One candidate pair, stored once with the lower id first. A DISMISSED pair stays, so later scans skip it.
CREATE TABLE duplicate_pair (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lower_id    bigint      NOT NULL REFERENCES business (id),
    higher_id   bigint      NOT NULL REFERENCES business (id),
    score       numeric(4, 3) NOT NULL CHECK (score BETWEEN 0 AND 1),
    reasons     jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(reasons) = 'array'),
    status      text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'MERGED', 'DISMISSED')),
    found_at    timestamptz NOT NULL DEFAULT now(),
    decided_by  bigint REFERENCES app_user (id),
    decided_at  timestamptz,
    CHECK (lower_id < higher_id),
    CHECK ((status = 'OPEN') = (decided_at IS NULL)),
    UNIQUE (lower_id, higher_id)
);
CREATE INDEX duplicate_pair_status ON duplicate_pair (status, score DESC, id);

-- One merge: the survivor, the other business, the chosen field values and every row moved, as JSON, so the merge
-- can be explained and undone.
CREATE TABLE business_merge (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    survivor_id bigint      NOT NULL REFERENCES business (id),
    other_id    bigint      NOT NULL REFERENCES business (id),
    merged_by   bigint REFERENCES app_user (id),
    merged_at   timestamptz NOT NULL DEFAULT now(),
    -- {"legal_name": {"chosen": "other", "survivor": "...", "other": "..."}, ...}
    choices     jsonb       NOT NULL CHECK (jsonb_typeof(choices) = 'object'),
    -- {"establishment": [ids], "business_contact": [ids], "business_trade_name": [ids], ...}
    moved_rows  jsonb       NOT NULL CHECK (jsonb_typeof(moved_rows) = 'object'),
    undone_at   timestamptz,
    undone_by   bigint REFERENCES app_user (id),
    CHECK (survivor_id <> other_id)
);
CREATE INDEX business_merge_survivor ON business_merge (survivor_id, merged_at);

-- History rows written by a merge name it, so the profile can show which values a merge replaced.
ALTER TABLE business_history ADD COLUMN merge_id bigint REFERENCES business_merge (id);

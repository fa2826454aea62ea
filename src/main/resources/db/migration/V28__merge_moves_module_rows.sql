-- A business merge also moves the rows of the modules built after it: referrals, needs and offers, assessments,
-- account managers, the contact log and campaigns, and contact requests. Each module moves its own rows in the
-- merge's transaction and records every row it changed here, so the merge record lists them and undo can write
-- each row back as it was.

-- One row that a merge changed in another module's table. row_key contains the primary key columns and their values.
-- before is the whole row before the merge; after is the whole row after it, or NULL when the merge deleted the row.
-- Undo writes before back only while the row still equals after.
CREATE TABLE business_merge_row (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    merge_id   bigint NOT NULL REFERENCES business_merge (id),
    module     text   NOT NULL CHECK (module ~ '^[a-z]+$'),
    table_name text   NOT NULL CHECK (table_name ~ '^[a-z_]+$'),
    row_key    jsonb  NOT NULL CHECK (jsonb_typeof(row_key) = 'object'),
    -- MOVED: now belongs to the survivor. ENDED: an active assignment or waiting-list entry ended because the
    -- survivor has one. CLOSED: an open need closed as joined into the survivor's open need of the same type.
    -- REMOVED: deleted because the survivor has the same row. SET_ASIDE: an assessment that no longer counts as
    -- current because the survivor has a valid one.
    action     text   NOT NULL CHECK (action IN ('MOVED', 'ENDED', 'CLOSED', 'REMOVED', 'SET_ASIDE')),
    before     jsonb  NOT NULL,
    after      jsonb
);
CREATE INDEX business_merge_row_merge ON business_merge_row (merge_id, id);

-- Why an account manager assignment ended when it was not a hand-over, such as a merge. NULL for a hand-over,
-- whose reason is on the next assignment.
ALTER TABLE account_manager ADD COLUMN end_reason text CHECK (btrim(end_reason) <> '');

-- An open need that a merge closed because the survivor had an open need of the same type: the need it was joined
-- into and the merge. Both are NULL for a need closed by an answer.
ALTER TABLE business_need ADD COLUMN joined_into_id bigint REFERENCES business_need (id);
ALTER TABLE business_need ADD COLUMN joined_by_merge_id bigint REFERENCES business_merge (id);
ALTER TABLE business_need ADD CONSTRAINT business_need_joined_closed
    CHECK (joined_into_id IS NULL OR status = 'CLOSED');

-- An assessment of a merged business that does not count as current, because the survivor had a valid assessment
-- at the merge. NULL for every other assessment.
ALTER TABLE needs_assessment ADD COLUMN set_aside_by_merge_id bigint REFERENCES business_merge (id);

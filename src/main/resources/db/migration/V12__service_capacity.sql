-- Live capacity of a service: the units it can take now, who last set them and when, and how long that figure
-- stays trustworthy. OneDoor's own referrals hold units (held_units) and, once accepted, use them (used_units), so
-- a hold is one conditional update of this row:
--   UPDATE service_capacity SET available_units = available_units - 1, held_units = held_units + 1
--   WHERE service_id = ? AND available_units > 0 AND updated_at + freshness_limit > now()
-- The checks keep every count between zero and the maximum whatever the writer.
CREATE TABLE service_capacity (
    service_id      bigint      PRIMARY KEY REFERENCES service (id),
    unit            text        NOT NULL CHECK (unit IN ('SLOTS', 'COHORT_SEATS', 'TRAINING_DOLLARS', 'HOURS')),
    maximum_units   integer     NOT NULL CHECK (maximum_units >= 0),
    available_units integer     NOT NULL CHECK (available_units >= 0),
    held_units      integer     NOT NULL DEFAULT 0 CHECK (held_units >= 0),
    used_units      integer     NOT NULL DEFAULT 0 CHECK (used_units >= 0),
    -- After this long without an update or confirmation, availability is unknown and referrals are refused.
    freshness_limit interval    NOT NULL DEFAULT interval '7 days' CHECK (freshness_limit > interval '0'),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    -- Display name of the person or partner system that last set or confirmed the figures.
    updated_by      text        NOT NULL CHECK (btrim(updated_by) <> ''),
    updated_by_user bigint REFERENCES app_user (id),
    CONSTRAINT service_capacity_within_maximum CHECK (available_units + held_units + used_units <= maximum_units)
);

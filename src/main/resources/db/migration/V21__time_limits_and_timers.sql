-- Referral time limits: per-area holiday edits, the business days a service gives for a response and a first
-- contact, the office a staff member works from, durable timers and the due times of each referral.

-- Changes an area makes to the US federal holidays, which OneDoor computes by rule and never stores. ADD makes a
-- local holiday, and REMOVE makes a federal holiday (its observed date) a business day in that area.
CREATE TABLE area_holiday_edit (
    area_id      bigint      NOT NULL REFERENCES workforce_area (id),
    holiday_date date        NOT NULL,
    action       text        NOT NULL CHECK (action IN ('ADD', 'REMOVE')),
    name         text        NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 100),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    updated_by   bigint REFERENCES app_user (id),
    PRIMARY KEY (area_id, holiday_date)
);

-- Business days the receiving partner has to respond to a referral and to make first contact with the business.
ALTER TABLE service
    ADD COLUMN response_days      integer NOT NULL DEFAULT 2 CHECK (response_days BETWEEN 1 AND 60),
    ADD COLUMN first_contact_days integer NOT NULL DEFAULT 5 CHECK (first_contact_days BETWEEN 1 AND 60);

-- The office a staff member works from. OneDoor shows them times in its time zone.
ALTER TABLE app_user ADD COLUMN office_id bigint REFERENCES office (id);
CREATE INDEX app_user_office ON app_user (office_id);

-- A durable timer. A poller claims due PENDING rows with FOR UPDATE SKIP LOCKED, runs the handler of the kind
-- and sets FIRED in the same transaction, so each timer fires once however many instances poll. A failed run
-- moves next_attempt_at forward, and after the maximum attempts the timer is FAILED.
CREATE TABLE timer (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind ~ '^[a-z0-9-]+$'),
    timer_key       text        NOT NULL UNIQUE CHECK (btrim(timer_key) <> ''),
    due_at          timestamptz NOT NULL,
    payload         text        NOT NULL DEFAULT '',
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'FIRED', 'CANCELLED', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    CHECK ((status = 'PENDING') = (finished_at IS NULL))
);
CREATE INDEX timer_due ON timer (next_attempt_at) WHERE status = 'PENDING';

-- The due times of a referral, one row per deadline (RESPONSE, FIRST_CONTACT), in UTC. referral_id has no
-- foreign key because the referral table belongs to the referrals flow, which writes these rows in the same
-- transaction as the referral itself.
CREATE TABLE referral_deadline (
    referral_id          bigint      NOT NULL,
    deadline             text        NOT NULL CHECK (deadline IN ('RESPONSE', 'FIRST_CONTACT')),
    business_days        integer     NOT NULL CHECK (business_days > 0),
    due_at               timestamptz NOT NULL,
    time_zone            text        NOT NULL,
    area_id              bigint      NOT NULL REFERENCES workforce_area (id),
    service_id           bigint      NOT NULL REFERENCES service (id),
    receiving_partner_id bigint      NOT NULL REFERENCES partner (id),
    receiving_office_id  bigint      NOT NULL REFERENCES office (id),
    sender_user_id       bigint      NOT NULL REFERENCES app_user (id),
    met_at               timestamptz,
    closed_at            timestamptz,
    owner_alerted_at     timestamptz,
    escalated_at         timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (referral_id, deadline)
);

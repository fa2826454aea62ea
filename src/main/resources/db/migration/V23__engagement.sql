-- Account managers, the contact log, coordination requests and outreach campaigns.

-- A named team of one partner that can be a business's account manager. The lead is also a member.
CREATE TABLE account_team (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    partner_id   bigint      NOT NULL REFERENCES partner (id),
    name         text        NOT NULL CHECK (btrim(name) <> ''),
    lead_user_id bigint      NOT NULL REFERENCES app_user (id),
    created_by   bigint      NOT NULL REFERENCES app_user (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (partner_id, name)
);

CREATE TABLE account_team_member (
    team_id bigint NOT NULL REFERENCES account_team (id),
    user_id bigint NOT NULL REFERENCES app_user (id),
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX account_team_member_user ON account_team_member (user_id);

-- One row per assignment, so the rows are the history. The row without ended_at is the active account manager.
-- A hand-over ends it and adds the next row, which points back to it.
CREATE TABLE account_manager (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id   bigint      NOT NULL REFERENCES business (id),
    user_id       bigint REFERENCES app_user (id),
    team_id       bigint REFERENCES account_team (id),
    previous_id   bigint REFERENCES account_manager (id),
    reason        text        NOT NULL DEFAULT '',
    assigned_by   bigint      NOT NULL REFERENCES app_user (id),
    assigned_at   timestamptz NOT NULL DEFAULT now(),
    ended_at      timestamptz,
    ended_by      bigint REFERENCES app_user (id),
    CHECK ((user_id IS NULL) <> (team_id IS NULL))
);
CREATE UNIQUE INDEX account_manager_one_active ON account_manager (business_id) WHERE ended_at IS NULL;
CREATE INDEX account_manager_user ON account_manager (user_id) WHERE ended_at IS NULL;
CREATE INDEX account_manager_team ON account_manager (team_id) WHERE ended_at IS NULL;

-- The business's choice about concierge service: whether its account manager arranges other partners' services
-- for it, and how the receiving partners contact it.
CREATE TABLE business_concierge (
    business_id   bigint PRIMARY KEY REFERENCES business (id),
    concierge     boolean     NOT NULL,
    contact_route text        NOT NULL CHECK (contact_route IN ('THROUGH_ACCOUNT_MANAGER', 'DIRECT_WITH_KNOWLEDGE')),
    updated_by    bigint      NOT NULL REFERENCES app_user (id),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- The coordination window of each workforce area; an area without a row uses 30 days.
CREATE TABLE area_engagement_setting (
    area_id                    bigint PRIMARY KEY REFERENCES workforce_area (id),
    coordination_window_days   integer     NOT NULL CHECK (coordination_window_days BETWEEN 1 AND 365),
    updated_by                 bigint      NOT NULL REFERENCES app_user (id),
    updated_at                 timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE outreach_campaign (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    partner_id  bigint      NOT NULL REFERENCES partner (id),
    name        text        NOT NULL CHECK (btrim(name) <> ''),
    kind        text        NOT NULL CHECK (kind IN ('CALL', 'EMAIL', 'VISIT', 'EVENT', 'MEETING')),
    purpose     text        NOT NULL,
    planned_at  timestamptz NOT NULL,
    created_by  bigint      NOT NULL REFERENCES app_user (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- A business left out of a campaign, and why.
CREATE TABLE outreach_exclusion (
    campaign_id bigint NOT NULL REFERENCES outreach_campaign (id),
    business_id bigint NOT NULL REFERENCES business (id),
    reason      text   NOT NULL,
    PRIMARY KEY (campaign_id, business_id)
);

-- Every contact with a business, done or planned. occurred_at is UTC; time_zone is the office's zone in which it
-- was entered and is shown. partner_note is visible only to staff of partner_id.
CREATE TABLE contact_log (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id       bigint      NOT NULL REFERENCES business (id),
    partner_id        bigint      NOT NULL REFERENCES partner (id),
    office_id         bigint REFERENCES office (id),
    staff_user_id     bigint      NOT NULL REFERENCES app_user (id),
    kind              text        NOT NULL CHECK (kind IN ('CALL', 'EMAIL', 'VISIT', 'EVENT', 'MEETING')),
    purpose           text        NOT NULL CHECK (purpose IN ('SALES_VISIT', 'CALL_CAMPAIGN', 'NEEDS_ASSESSMENT',
                                                              'FOLLOW_UP', 'SERVICE_DELIVERY', 'INFORMATION',
                                                              'OUTREACH', 'OTHER')),
    status            text        NOT NULL CHECK (status IN ('PLANNED', 'DONE', 'CANCELLED')),
    summary           text        NOT NULL DEFAULT '',
    contact_person_id bigint REFERENCES business_contact (id),
    occurred_at       timestamptz NOT NULL,
    time_zone         text        NOT NULL,
    partner_note      text,
    campaign_id       bigint REFERENCES outreach_campaign (id),
    override_reason   text,
    created_by        bigint      NOT NULL REFERENCES app_user (id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contact_log_business ON contact_log (business_id, occurred_at);
CREATE INDEX contact_log_staff ON contact_log (staff_user_id, status, occurred_at);

-- A planned contact that the coordination check sent to the account manager instead of recording it.
CREATE TABLE coordination_request (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id         bigint      NOT NULL REFERENCES business (id),
    account_manager_id  bigint      NOT NULL REFERENCES account_manager (id),
    partner_id          bigint      NOT NULL REFERENCES partner (id),
    office_id           bigint REFERENCES office (id),
    requested_by        bigint      NOT NULL REFERENCES app_user (id),
    kind                text        NOT NULL,
    purpose             text        NOT NULL,
    planned_at          timestamptz NOT NULL,
    time_zone           text        NOT NULL,
    summary             text        NOT NULL DEFAULT '',
    contact_person_id   bigint REFERENCES business_contact (id),
    status              text        NOT NULL DEFAULT 'PENDING'
                                    CHECK (status IN ('PENDING', 'ACCEPTED', 'COMBINED', 'DECLINED')),
    decided_by          bigint REFERENCES app_user (id),
    decided_at          timestamptz,
    decision_note       text,
    -- The planned contact that accepting created, or the account manager's own contact it was combined with.
    contact_id          bigint REFERENCES contact_log (id),
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX coordination_request_pending ON coordination_request (account_manager_id) WHERE status = 'PENDING';

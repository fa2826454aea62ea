-- Referrals of a business from one partner to another partner's service, the quality standard each workforce
-- area sets for them, their status history and the waiting lists of full services.

-- The quality elements that a referral to a service in the area must carry, six in all. An area without a row
-- requires all six.
CREATE TABLE referral_standard (
    area_id                      bigint      PRIMARY KEY REFERENCES workforce_area (id),
    need_required                boolean     NOT NULL,
    contact_required             boolean     NOT NULL,
    consent_required             boolean     NOT NULL,
    named_receiver_required      boolean     NOT NULL,
    hand_off_note_required       boolean     NOT NULL,
    first_contact_date_required  boolean     NOT NULL,
    updated_at                   timestamptz NOT NULL DEFAULT now(),
    updated_by                   bigint REFERENCES app_user (id)
);

-- The contact is copied at send (name, method, how to reach), because the shared profile may later change or remove
-- the contact, and the referral must still show what the sender passed on. contact_id has no foreign key for the
-- same reason.
CREATE TABLE referral (
    id                          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id                 bigint      NOT NULL REFERENCES business (id),
    service_id                  bigint      NOT NULL REFERENCES service (id),
    category_code               text        NOT NULL REFERENCES employer_service_category (code),
    need_code                   text        NOT NULL,
    sending_partner_id          bigint      NOT NULL REFERENCES partner (id),
    sender_user_id              bigint      NOT NULL REFERENCES app_user (id),
    receiving_partner_id        bigint      NOT NULL REFERENCES partner (id),
    receiving_office_id         bigint      NOT NULL REFERENCES office (id),
    receiving_user_id           bigint REFERENCES app_user (id),
    contact_id                  bigint,
    contact_name                text,
    contact_method              text CHECK (contact_method IN ('EMAIL', 'PHONE', 'TEXT', 'MAIL', 'IN_PERSON')),
    contact_detail              text,
    consent_given_at            timestamptz,
    hand_off_note               text,
    expected_first_contact_date date,
    -- The referral this one replaced: it was cancelled with reason handed_off in the same transaction.
    handed_off_from_id          bigint REFERENCES referral (id),
    status                      text        NOT NULL CHECK (status IN ('REQUESTED', 'RECEIVED', 'ACCEPTED', 'REJECTED',
                                                                      'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'FAILED',
                                                                      'CANCELLED')),
    -- The capacity unit the referral owns: HELD from send, USED from acceptance, RELEASED once it went back to
    -- available. The held_units and used_units of service_capacity equal the counts of HELD and USED referrals.
    capacity_state              text        NOT NULL CHECK (capacity_state IN ('HELD', 'USED', 'RELEASED')),
    reason_code                 text,
    reason_text                 text,
    outcome                     text,
    first_contact_at            timestamptz,
    sent_at                     timestamptz NOT NULL DEFAULT now(),
    status_changed_at           timestamptz NOT NULL DEFAULT now(),
    closed_at                   timestamptz,
    CHECK ((status IN ('REJECTED', 'COMPLETED', 'FAILED', 'CANCELLED')) = (closed_at IS NOT NULL))
);
CREATE INDEX referral_business ON referral (business_id, sent_at DESC);
CREATE INDEX referral_receiving_open ON referral (receiving_partner_id, sent_at) WHERE closed_at IS NULL;
CREATE INDEX referral_sending_open ON referral (sending_partner_id, sent_at) WHERE closed_at IS NULL;
CREATE INDEX referral_service_capacity ON referral (service_id, capacity_state);
CREATE INDEX referral_unanswered ON referral (sent_at) WHERE status IN ('REQUESTED', 'RECEIVED');
CREATE INDEX referral_sent_at ON referral (sent_at DESC, id DESC);

-- Every status change, the timeline of a referral. from_status is null for the send itself, and changed_by is null
-- when OneDoor made the change, as on expiry.
CREATE TABLE referral_status_change (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id bigint      NOT NULL REFERENCES referral (id),
    from_status text,
    to_status   text        NOT NULL,
    reason_code text,
    reason_text text,
    outcome     text,
    changed_by  bigint REFERENCES app_user (id),
    changed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_status_change_referral ON referral_status_change (referral_id, id);

-- A business waiting for a service that was full or had stale figures when a referral was tried.
CREATE TABLE referral_waiting_list (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    business_id          bigint      NOT NULL REFERENCES business (id),
    service_id           bigint      NOT NULL REFERENCES service (id),
    receiving_partner_id bigint      NOT NULL REFERENCES partner (id),
    sending_partner_id   bigint REFERENCES partner (id),
    added_by             bigint      NOT NULL REFERENCES app_user (id),
    need_code            text,
    note                 text,
    added_at             timestamptz NOT NULL DEFAULT now(),
    removed_at           timestamptz
);
CREATE INDEX referral_waiting_list_partner ON referral_waiting_list (receiving_partner_id, added_at)
    WHERE removed_at IS NULL;
CREATE UNIQUE INDEX referral_waiting_list_once ON referral_waiting_list (business_id, service_id)
    WHERE removed_at IS NULL;

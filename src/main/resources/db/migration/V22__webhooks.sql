-- Webhooks with which a partner's own systems receive its referral events, and the transactional outbox of
-- their deliveries.
--
-- The signing secret is stored as it is, because OneDoor needs it to compute each HMAC signature. A hash, as
-- for API tokens, could not sign anything.
CREATE TABLE webhook (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    partner_id  bigint      NOT NULL REFERENCES partner (id),
    url         text        NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
    event_types text[]      NOT NULL CHECK (cardinality(event_types) > 0
                                AND event_types <@ ARRAY['referral.sent', 'referral.status_changed',
                                                         'referral.first_contact_recorded']),
    active      boolean     NOT NULL DEFAULT true,
    secret      text        NOT NULL CHECK (length(secret) >= 32),
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text        NOT NULL,
    secret_rotated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_partner ON webhook (partner_id);

-- One row per event and webhook, written in the transaction of the referral change. Only the holder of a live
-- lease (lease_token with lease_expires_at in the future) sends it. A lease that expires without a result, for
-- example because the instance stopped, lets another sender take the row again.
CREATE TABLE webhook_delivery (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook_id       bigint      NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    event_id         uuid        NOT NULL,
    event_type       text        NOT NULL,
    referral_id      bigint      NOT NULL,
    payload          text        NOT NULL,
    status           text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    -- attempts is the number of rows in webhook_attempt. failures counts the failed attempts since the delivery
    -- was created or last resent, and sets the backoff and the end after the maximum.
    attempts         integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    failures         integer     NOT NULL DEFAULT 0 CHECK (failures >= 0),
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    lease_token      uuid,
    leased_at        timestamptz,
    lease_expires_at timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    last_error       text,
    resend_requested_by text,
    UNIQUE (webhook_id, event_id),
    CHECK ((lease_token IS NULL) = (lease_expires_at IS NULL)),
    CHECK ((lease_token IS NULL) = (leased_at IS NULL))
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_log ON webhook_delivery (webhook_id, created_at DESC, id DESC);

-- Every attempt to send a delivery, including one whose sender stopped before it recorded a result.
CREATE TABLE webhook_attempt (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id     bigint      NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt_number  integer     NOT NULL CHECK (attempt_number > 0),
    started_at      timestamptz NOT NULL,
    duration_ms     bigint CHECK (duration_ms >= 0),
    response_status integer,
    error           text,
    resent_by       text,
    UNIQUE (delivery_id, attempt_number)
);

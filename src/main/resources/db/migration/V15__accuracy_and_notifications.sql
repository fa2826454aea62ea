-- Review flags of directory entries, in-app notifications, the mail outbox and the reminders about overdue reviews.

-- The review rule, kept in this one view so that every page, API and job flags the same services. A service is
-- due for review its partner's review period after it was last verified, or after it was created when it was
-- never verified. An active service past that time is overdue; an inactive one is not offered, so it is never
-- flagged.
CREATE VIEW service_review AS
SELECT s.id AS service_id,
       p.id AS partner_id,
       s.last_verified_at,
       s.last_verified_by,
       coalesce(s.last_verified_at, s.created_at) + make_interval(days => p.review_period_days) AS review_due_at,
       s.active AND coalesce(s.last_verified_at, s.created_at) + make_interval(days => p.review_period_days) <= now()
           AS review_overdue
FROM service s
JOIN program pr ON pr.id = s.program_id
JOIN partner p ON p.id = pr.partner_id;

-- A message to one user inside OneDoor. The link is a path inside OneDoor, such as /directory/services/12.
CREATE TABLE notification (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES app_user (id),
    subject    text        NOT NULL CHECK (btrim(subject) <> ''),
    body       text        NOT NULL DEFAULT '',
    link       text CHECK (link LIKE '/%'),
    created_at timestamptz NOT NULL DEFAULT now(),
    read_at    timestamptz
);
CREATE INDEX notification_user ON notification (user_id, created_at DESC);
CREATE INDEX notification_unread ON notification (user_id) WHERE read_at IS NULL;

-- Mail written in the same transaction as the change it reports, and sent later by a background sender. A row
-- is PENDING until it is sent (SENT) or until the sender gives up after its maximum number of attempts (FAILED).
-- next_attempt_at grows exponentially with each failed attempt.
CREATE TABLE mail_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient       text        NOT NULL CHECK (recipient ~ '^[^@\s]+@[^@\s]+$'),
    subject         text        NOT NULL CHECK (btrim(subject) <> ''),
    body            text        NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX mail_outbox_created ON mail_outbox (created_at DESC);

-- One row per reminder sent about an overdue review. The key makes the reminder happen once per overdue period
-- across restarts and instances: an instance claims a reminder by inserting its row, and a later insert of the
-- same key inserts nothing. Verifying the service moves its due time, so the next overdue period gets a new key.
CREATE TABLE service_review_reminder (
    service_id    bigint      NOT NULL REFERENCES service (id),
    review_due_at timestamptz NOT NULL,
    sent_at       timestamptz NOT NULL DEFAULT now(),
    recipients    text        NOT NULL DEFAULT '',
    PRIMARY KEY (service_id, review_due_at)
);

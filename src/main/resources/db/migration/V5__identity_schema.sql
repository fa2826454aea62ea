-- Staff accounts. Administrators serve the whole installation; everyone else belongs to exactly one partner.
CREATE TABLE app_user (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email           text        NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
    display_name    text        NOT NULL CHECK (btrim(display_name) <> ''),
    password_hash   text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('ADMINISTRATOR', 'PARTNER_ADMINISTRATOR', 'STAFF')),
    partner_id      bigint REFERENCES partner (id),
    enabled         boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_sign_in_at timestamptz,
    CHECK (role = 'ADMINISTRATOR' OR partner_id IS NOT NULL)
);
CREATE UNIQUE INDEX app_user_email ON app_user (lower(email));
CREATE INDEX app_user_partner ON app_user (partner_id);

-- Every insert or update of a service's capacity notifies the channel 'service_capacity' with the service id as
-- the payload. PostgreSQL delivers the notification to every listening session when the transaction commits, so
-- each OneDoor instance on this database hears every change, whichever instance made it.
CREATE FUNCTION notify_service_capacity() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('service_capacity', NEW.service_id::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER service_capacity_notify
    AFTER INSERT OR UPDATE ON service_capacity
    FOR EACH ROW EXECUTE FUNCTION notify_service_capacity();

-- API tokens with which a partner's own systems call OneDoor as that partner. Only the SHA-256 hash of a token is
-- stored, so a copy of the database does not reveal working tokens.
CREATE TABLE partner_api_token (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    partner_id      bigint      NOT NULL REFERENCES partner (id),
    name            text        NOT NULL CHECK (btrim(name) <> '' AND length(name) <= 100),
    token_hash      bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by_user bigint      NOT NULL REFERENCES app_user (id),
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    revoked_by_user bigint REFERENCES app_user (id),
    CHECK ((revoked_at IS NULL) = (revoked_by_user IS NULL))
);
-- A name identifies one active token of a partner; a revoked token's name may be reused.
CREATE UNIQUE INDEX partner_api_token_active_name ON partner_api_token (partner_id, lower(name)) WHERE revoked_at IS NULL;

-- The end of the freshness limit of each service's capacity figures, stored with the row. The services panel reads
-- every capacity row on each request, and adding the interval to updated_at per row was about half of that
-- statement's database CPU, because timestamptz + interval with a days part converts to local time and back.
--
-- A trigger sets the column from the same expression that the other readers use, in the writing session's time
-- zone. Referral holds change only the unit counts, so the trigger does not fire for them and the hold path gains
-- no work.
-- NOTE: readers that compute updated_at + freshness_limit themselves do so in their own session's time zone. With
-- an interval in days, the two agree unless the sessions' time zones differ and a daylight saving change falls
-- inside the limit. OneDoor's connections take the JVM's default time zone, so instances in one zone agree.
ALTER TABLE service_capacity ADD COLUMN fresh_until timestamptz;
UPDATE service_capacity SET fresh_until = updated_at + freshness_limit;
ALTER TABLE service_capacity ALTER COLUMN fresh_until SET NOT NULL;

CREATE FUNCTION set_capacity_fresh_until() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.fresh_until := NEW.updated_at + NEW.freshness_limit;
    RETURN NEW;
END;
$$;

-- Listing fresh_until too means that a writer cannot set it to anything else.
CREATE TRIGGER service_capacity_sets_fresh_until
    BEFORE INSERT OR UPDATE OF updated_at, freshness_limit, fresh_until ON service_capacity
    FOR EACH ROW EXECUTE FUNCTION set_capacity_fresh_until();
